// SurveyJS JSON of netralitas-asn version 2: version 1 with the item bank's piped items restored (E2, and D3 rows from D2).

import type { SurveyJson } from './types.ts';
import type { JsonElement } from './survey-json-elements.ts';
import { tx } from './survey-json-builders.ts';
import { netralitasAsnJson } from './netralitas-asn-json.ts';

// Version 1 stays byte-for-byte as published; version 2 is a copy with two items changed.
type Page = JsonElement & { elements: JsonElement[] };

function questionIn(pages: Page[], name: string): JsonElement {
  for (const page of pages) {
    const found = page.elements.find((element) => element.name === name);
    if (found) return found;
  }
  throw new Error(`netralitas-asn v2: no question ${name} in version 1`);
}

function buildVersion2(): SurveyJson {
  const json = structuredClone(netralitasAsnJson) as SurveyJson & { pages: Page[] };
  const d2 = questionIn(json.pages, 'D2');
  const d3 = questionIn(json.pages, 'D3');
  // D3 rates only the parties ticked in D2 (the item bank's "rows = D2 list"): every D2
  // party, "civil servants themselves" included, never "nobody", "don't know" or "other".
  d3.rows = (d2.choices as JsonElement[]).filter((item) => item.isExclusive !== true);
  d3.rowsVisibleIf = '{D2} contains {item}';
  d3.hideIfRowsEmpty = true;
  d3.title = tx(
    'Seberapa besar pengaruh masing-masing pihak yang Anda pilih? (boleh dilewati)',
    'How strong is the influence of each party you ticked? (optional)',
  );
  const pageE = json.pages.find((page) => page.name === 'bagian_e');
  if (!pageE) throw new Error('netralitas-asn v2: no page bagian_e in version 1');
  const e1 = pageE.elements.findIndex((element) => element.name === 'E1');
  // E2, the main cause, offers only what was ticked in E1 (its "other" with the typed text).
  pageE.elements.splice(e1 + 1, 0, {
    type: 'radiogroup',
    name: 'E2',
    title: tx(
      'Dari penyebab yang Anda pilih, mana yang paling utama?',
      'Of the causes you ticked, which is the main one?',
    ),
    isRequired: true,
    choicesFromQuestion: 'E1',
    choicesFromQuestionMode: 'selected',
    hideIfChoicesEmpty: true,
  });
  return json;
}

/**
 * Version 2 of the questionnaire: E2 "main cause" (single choice among the causes ticked in
 * E1) and D3 rating only the parties ticked in D2. Everything else equals version 1.
 */
export const netralitasAsnV2Json: SurveyJson = buildVersion2();
