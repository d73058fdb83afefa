// Tests of the codebook builder: variables, types, options and labels derived from SurveyJS JSON.

import { describe, expect, it } from 'vitest';
import { buildCodebook } from '../../surveys/codebook.ts';
import { netralitasAsn } from '../../surveys/netralitas-asn.ts';
import type { QuestionnaireDefinition, SurveyJson } from '../../surveys/types.ts';

function definitionOf(json: SurveyJson): QuestionnaireDefinition {
  return {
    id: 'test',
    version: 1,
    title: { id: 'Uji', en: 'Test' },
    json,
    domainVariables: [{ question: 'sex', label: { id: 'Jenis kelamin', en: 'Sex' } }],
    referenceFigures: [],
  };
}

describe('buildCodebook', () => {
  it('gives a matrix one variable per row named question.row, with the columns as options', () => {
    const rows = buildCodebook(netralitasAsn).filter((row) => row.question === 'F');
    expect(rows.map((row) => row.variable)).toEqual([
      'F.F1',
      'F.F2',
      'F.F3',
      'F.F4',
      'F.F5',
      'F.F6',
    ]);
    expect(rows[0]?.label.en).toMatch(/deterred/);
    expect(rows[0]?.questionLabel.id).toMatch(/setuju/);
    expect(rows[0]?.options.map((option) => option.label.id)).toEqual([
      'Sangat tidak setuju',
      'Tidak setuju',
      'Setuju',
      'Sangat setuju',
    ]);
  });

  it('marks checkboxes as multi-select and lists the other item with its own label', () => {
    const e1 = buildCodebook(netralitasAsn).find((row) => row.variable === 'E1');
    expect(e1?.type).toBe('multiple');
    expect(e1?.multiSelect).toBe(true);
    expect(e1?.options.at(-1)).toEqual({
      value: 'other',
      label: { id: 'Lainnya (sebutkan)', en: 'Other (please specify)' },
    });
  });

  it('flags domain variables and records branching and the page', () => {
    const rows = buildCodebook(netralitasAsn);
    const a8 = rows.find((row) => row.variable === 'A8');
    expect(a8?.domain).toBe(true);
    expect(a8?.visibleIf).toBe("{A7} = 'pns' or {A7} = 'cpns'");
    expect(a8?.page).toBe('bagian_a');
    expect(rows.find((row) => row.variable === 'B1')?.domain).toBe(false);
  });

  it('lists rating values as text and free text without options', () => {
    const rows = buildCodebook(netralitasAsn);
    expect(
      rows.find((row) => row.variable === 'C20')?.options.map((option) => option.value),
    ).toEqual(['1', '2', '3', '4']);
    const h9 = rows.find((row) => row.variable === 'H9');
    expect(h9?.type).toBe('text');
    expect(h9?.options).toEqual([]);
  });

  it('reads plain and value|text items, generated rating ranges, built-in items and panels', () => {
    const rows = buildCodebook(
      definitionOf({
        elements: [
          { type: 'html', name: 'intro', html: '<p>hi</p>' },
          {
            type: 'radiogroup',
            name: 'sex',
            title: 'Sex',
            choices: ['m|Male', 'f|Female'],
            showNoneItem: true,
          },
          {
            type: 'panel',
            name: 'p',
            elements: [{ type: 'rating', name: 'score', rateMin: 0, rateMax: 10, rateStep: 5 }],
          },
          { type: 'boolean', name: 'ok' },
        ],
      }),
    );
    expect(rows.map((row) => row.variable)).toEqual(['sex', 'score', 'ok']);
    expect(rows[0]?.options).toEqual([
      { value: 'm', label: { id: 'Male', en: 'Male' } },
      { value: 'f', label: { id: 'Female', en: 'Female' } },
      { value: 'none', label: { id: 'Tidak ada', en: 'None' } },
    ]);
    expect(rows[0]?.domain).toBe(true);
    expect(rows[1]?.options.map((option) => option.value)).toEqual(['0', '5', '10']);
    expect(rows[1]?.label).toEqual({ id: 'score', en: 'score' });
    expect(rows[2]?.options.map((option) => option.value)).toEqual(['true', 'false']);
  });

  it('refuses a question type it cannot describe', () => {
    expect(() =>
      buildCodebook(definitionOf({ elements: [{ type: 'file', name: 'upload' }] })),
    ).toThrow(/upload.*file/);
  });
});
