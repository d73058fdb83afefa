// Version 2 of netralitas-asn: version 1 unchanged as published, plus E2 piped from E1 and D3 rows shown from D2.

import { describe, expect, it } from 'vitest';
import { netralitasAsn } from '../../surveys/netralitas-asn.ts';
import { netralitasAsnV2 } from '../../surveys/netralitas-asn-v2.ts';
import { buildCodebook } from '../../surveys/codebook.ts';
import { surveyElements } from '../../surveys/survey-json-elements.ts';
import { canonicalJson } from '../../server/services/questionnaires/canonical-json.ts';

const names = (json: Record<string, unknown>) =>
  surveyElements(json).map((site) => String(site.element.name));

describe('netralitas-asn version 2', () => {
  it('is a new version with the same metadata, leaving version 1 as published', () => {
    expect(netralitasAsnV2.id).toBe('netralitas-asn');
    expect(netralitasAsnV2.version).toBe(2);
    expect(netralitasAsn.version).toBe(1);
    expect(names(netralitasAsn.json)).not.toContain('E2');
    expect(canonicalJson({ ...netralitasAsnV2, json: null, version: 1 })).toBe(
      canonicalJson({ ...netralitasAsn, json: null }),
    );
  });

  it('adds E2 right after E1, a required single choice among the causes ticked in E1', () => {
    const list = names(netralitasAsnV2.json);
    expect(list.slice(list.indexOf('E1'), list.indexOf('E1') + 2)).toEqual(['E1', 'E2']);
    expect(list.filter((name) => name !== 'E2')).toEqual(names(netralitasAsn.json));
    const e2 = surveyElements(netralitasAsnV2.json).find((s) => s.element.name === 'E2')?.element;
    expect(e2).toMatchObject({
      type: 'radiogroup',
      isRequired: true,
      choicesFromQuestion: 'E1',
      choicesFromQuestionMode: 'selected',
      hideIfChoicesEmpty: true,
    });
  });

  it('rates in D3 only the parties ticked in D2, never "nobody", "don\'t know" or "other"', () => {
    const d3 = surveyElements(netralitasAsnV2.json).find((s) => s.element.name === 'D3')?.element;
    expect(d3).toMatchObject({ rowsVisibleIf: '{D2} contains {item}', hideIfRowsEmpty: true });
    const codebook = buildCodebook(netralitasAsnV2);
    const d3Rows = codebook.filter((row) => row.question === 'D3').map((row) => row.variable);
    const d2 = codebook.find((row) => row.variable === 'D2')?.options.map((o) => o.value) ?? [];
    expect(d3Rows).toEqual(
      d2
        .filter((value) => !['tidak_ada', 'tidak_tahu', 'other'].includes(value))
        .map((value) => `D3.${value}`),
    );
  });

  it('lists in the codebook every cause E2 can offer: E1’s choices and its typed "other"', () => {
    const codebook = buildCodebook(netralitasAsnV2);
    const e1 = codebook.find((row) => row.variable === 'E1')?.options.map((o) => o.value);
    const e2 = codebook.find((row) => row.variable === 'E2');
    expect(e2?.type).toBe('single');
    expect(e2?.options.map((o) => o.value)).toEqual(e1);
  });
});
