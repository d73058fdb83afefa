// Structure checks of the netralitas-asn questionnaire: bilingual strings, names, branching, keys and reference figures.

import { describe, expect, it } from 'vitest';
import { ConditionRunner, Model, surveyLocalization } from 'survey-core';
import { netralitasAsn } from '../../surveys/netralitas-asn.ts';
import { buildCodebook } from '../../surveys/codebook.ts';
import { surveyElements, surveyPages } from '../../surveys/survey-json-elements.ts';
import { choiceOptions } from '../../surveys/survey-json-options.ts';

const json = netralitasAsn.json;
const codebook = buildCodebook(netralitasAsn);
const byVariable = new Map(codebook.map((row) => [row.variable, row]));
const questionNames = surveyElements(json).map((site) => String(site.element.name));

const localizableKeys = new Set([
  'title',
  'description',
  'text',
  'otherText',
  'noneText',
  'completedHtml',
  'labelTrue',
  'labelFalse',
]);

/** Every localizable string in the JSON with the path that leads to it. */
function localizableStrings(
  node: unknown,
  path: string,
  found: [string, unknown][] = [],
): [string, unknown][] {
  if (Array.isArray(node)) {
    node.forEach((child, index) => localizableStrings(child, `${path}[${index}]`, found));
  } else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (localizableKeys.has(key)) found.push([`${path}.${key}`, value]);
      else localizableStrings(value, `${path}.${key}`, found);
    }
  }
  return found;
}

describe('the netralitas-asn questionnaire', () => {
  it('is published as id netralitas-asn, version 1', () => {
    expect(netralitasAsn.id).toBe('netralitas-asn');
    expect(netralitasAsn.version).toBe(1);
  });

  it('gives every displayed string in both Indonesian and English', () => {
    const strings = localizableStrings(json, 'json');
    expect(strings.length).toBeGreaterThan(300);
    for (const [path, value] of strings) {
      expect(value, path).toMatchObject({ default: expect.any(String), en: expect.any(String) });
      const { default: indonesian, en } = value as { default: string; en: string };
      expect(indonesian.trim(), path).not.toBe('');
      expect(en.trim(), path).not.toBe('');
    }
  });

  it('uses each page, panel and question name once', () => {
    const pageNames = surveyPages(json).map((page) => String(page.name));
    const all = [...pageNames, 'tekanan', ...questionNames];
    expect(new Set(all).size).toBe(all.length);
  });

  it('has one page per part, A to I, and shows a progress bar', () => {
    expect(surveyPages(json).map((page) => page.name)).toEqual(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((part) => `bagian_${part}`),
    );
    expect(json.showProgressBar).toBe(true);
  });

  it('asks the item bank questions and not province or agency', () => {
    for (const name of [
      'A4',
      'A5',
      'A6',
      'A7',
      'A8',
      'A8b',
      'A9',
      'A10',
      'A11',
      'B1',
      'B6',
      'C1',
      'C14',
    ]) {
      expect(questionNames).toContain(name);
    }
    for (const name of [
      'C15',
      'C19',
      'C20',
      'D1',
      'D2',
      'E1',
      'E3',
      'E4',
      'F',
      'F7',
      'G1',
      'G4',
      'H1',
      'H9',
      'I',
    ]) {
      expect(questionNames).toContain(name);
    }
    expect(questionNames).not.toContain('A1');
    expect(questionNames).not.toContain('A2');
  });

  it('keeps choice values and matrix rows unique within each question', () => {
    for (const row of codebook) {
      const values = row.options.map((option) => option.value);
      expect(new Set(values).size, row.variable).toBe(values.length);
    }
    const variables = codebook.map((row) => row.variable);
    expect(new Set(variables).size).toBe(variables.length);
  });

  it('offers D1 as the single-choice KASN item with exactly five options, other last', () => {
    const d1 = byVariable.get('D1');
    expect(d1?.surveyType).toBe('radiogroup');
    expect(d1?.options.map((option) => option.value)).toEqual([
      'tim_sukses',
      'atasan',
      'pasangan_calon',
      'parpol_pengusung',
      'other',
    ]);
  });

  it('caps E1 and H8 at three choices', () => {
    for (const name of ['E1', 'H8']) {
      const site = surveyElements(json).find((s) => s.element.name === name);
      expect(site?.element.maxSelectedChoices, name).toBe(3);
    }
  });

  it('keeps the other item last wherever it is offered', () => {
    for (const { element } of surveyElements(json)) {
      if (element.showOtherItem !== true) continue;
      const options = choiceOptions(element);
      expect(options.at(-1)?.value, String(element.name)).toBe('other');
    }
  });

  it('refers only to earlier questions and their real choices in every visibleIf', () => {
    const seen = new Set<string>();
    let conditions = 0;
    for (const { element, panels, page } of surveyElements(json)) {
      for (const holder of [page, ...panels, element]) {
        if (typeof holder.visibleIf !== 'string') continue;
        conditions += 1;
        const runner = new ConditionRunner(holder.visibleIf);
        for (const variable of runner.getVariables()) {
          expect(seen.has(variable), `${String(holder.name)} → ${variable}`).toBe(true);
          const literals = [...holder.visibleIf.matchAll(/'([^']*)'/g)].map((match) => match[1]);
          const options = byVariable.get(variable)?.options.map((option) => option.value) ?? [];
          for (const literal of literals) expect(options, `${holder.visibleIf}`).toContain(literal);
        }
      }
      seen.add(String(element.name));
    }
    expect(conditions).toBeGreaterThanOrEqual(11);
  });

  it('branches as the item bank says', () => {
    const conditionOf = (name: string) =>
      surveyElements(json).find((site) => site.element.name === name)?.element.visibleIf;
    expect(conditionOf('A8')).toBe("{A7} = 'pns' or {A7} = 'cpns'");
    expect(conditionOf('A8b')).toBe("{A7} = 'pppk'");
    for (const name of ['B2', 'B3', 'B4', 'B5']) expect(conditionOf(name)).toBe("{B1} = 'ya'");
    expect(conditionOf('G2')).toBe("{G1} = 'setuju'");
    expect(conditionOf('G3')).toBe("{G1} = 'tidak_setuju'");
    for (const name of ['H3', 'H4', 'H5']) expect(conditionOf(name)).toBe("{H2} = 'ya'");
    expect(conditionOf('H6')).toBe("{H5} = 'tidak'");
  });

  it('leaves the sensitive items optional and says why they are safe to answer', () => {
    for (const name of ['A11', 'H2', 'H3', 'H4', 'H5', 'H6', 'H9']) {
      expect(byVariable.get(name)?.required, name).toBe(false);
    }
    expect(byVariable.get('A11')?.options.map((option) => option.value)).toContain(
      'tidak_ingin_menjawab',
    );
    expect(byVariable.get('H2')?.options.map((option) => option.value)).toContain(
      'tidak_ingin_menjawab',
    );
  });

  it('points every scoring key at a real choice of a matching question type', () => {
    const scores = netralitasAsn.knowledgeScores ?? [];
    expect(scores.map((score) => score.id)).toEqual(['pemahaman_skenario', 'pemahaman']);
    const all = scores.find((score) => score.id === 'pemahaman');
    expect(all?.keys.map((key) => key.variable)).toEqual(
      Array.from({ length: 19 }, (_, index) => `C${index + 1}`),
    );
    for (const score of scores) {
      for (const key of score.keys) {
        const row = byVariable.get(key.variable);
        expect(row?.type, key.variable).toBe(key.rule === 'exact-set' ? 'multiple' : 'single');
        const values = row?.options.map((option) => option.value) ?? [];
        for (const correct of key.correct) expect(values, key.variable).toContain(correct);
        expect(key.correct, key.variable).not.toContain('tidak_tahu');
      }
      expect(score.bands.at(-1)?.minPercent).toBe(0);
    }
  });

  it('builds the agency index from the nine Likert rows of section I', () => {
    const [index] = netralitasAsn.likertIndexes ?? [];
    expect(index?.items).toHaveLength(9);
    for (const item of index?.items ?? []) {
      expect(
        byVariable.get(item)?.options.map((option) => option.value),
        item,
      ).toEqual(['1', '2', '3', '4']);
    }
    expect(index?.multiplier).toBe(25);
  });

  it('points every reference figure at a real variable and option', () => {
    expect(netralitasAsn.referenceFigures.length).toBeGreaterThanOrEqual(14);
    for (const figure of netralitasAsn.referenceFigures) {
      const row = byVariable.get(figure.variable);
      expect(row, figure.variable).toBeDefined();
      for (const option of figure.options) {
        expect(
          row?.options.map((o) => o.value),
          figure.variable,
        ).toContain(option);
      }
      expect(figure.percent).toBeGreaterThan(0);
      expect(figure.percent).toBeLessThanOrEqual(100);
      if (figure.confidence === 'V') expect(figure.source.url).toMatch(/^https:\/\//);
    }
  });

  it('reproduces the published D1 shares, which sum to 100 because the item is single choice', () => {
    const d1 = netralitasAsn.referenceFigures.filter((figure) => figure.variable === 'D1');
    const total = d1.reduce((sum, figure) => sum + figure.percent, 0);
    expect(total).toBeCloseTo(100, 5);
  });

  it('declares domain variables that are required single choices, with rank recoded to its group', () => {
    expect(netralitasAsn.domainVariables.map((domain) => domain.question)).toEqual([
      'A4',
      'A5',
      'A6',
      'A7',
      'A8',
      'A9',
      'A10',
    ]);
    for (const domain of netralitasAsn.domainVariables) {
      const row = byVariable.get(domain.question);
      expect(row?.type, domain.question).toBe('single');
      expect(row?.required, domain.question).toBe(true);
      expect(row?.domain, domain.question).toBe(true);
    }
    const rank = netralitasAsn.domainVariables.find((domain) => domain.question === 'A8');
    const rankOptions = byVariable.get('A8')?.options.map((option) => option.value) ?? [];
    expect(rankOptions).toHaveLength(17);
    for (const value of rankOptions) expect(rank?.recode?.[value]).toMatch(/^(I|II|III|IV)$/);
    expect(rank?.recode?.III_b).toBe('III');
  });

  it('loads into a survey-core Model without JSON errors', () => {
    const model = new Model(json);
    expect(model.jsonErrors ?? []).toEqual([]);
    expect(model.pages).toHaveLength(9);
    expect(model.getAllQuestions().map((question) => question.name)).toEqual(questionNames);
  });

  it('shows English when the survey locale is en and Indonesian is the default locale', () => {
    const previous = surveyLocalization.defaultLocale;
    surveyLocalization.defaultLocale = 'id';
    try {
      const model = new Model(json);
      expect(model.getQuestionByName('A4').title).toBe('Jenis kelamin');
      model.locale = 'en';
      expect(model.getQuestionByName('A4').title).toBe('Sex');
    } finally {
      surveyLocalization.defaultLocale = previous;
    }
  });
});
