// A report row under a disclosure decision: a hidden row keeps no number, a bounded one keeps its base and nothing that gives the share away.
import { describe, expect, it } from 'vitest';
import type { ReportRow } from '../../../../server/services/reports/report-types.ts';
import { discloseRow } from '../../../../server/services/results/disclosed-set.ts';

const row: ReportRow = {
  question: 'H2',
  questionLabel: 'Pressured?',
  option: 'ya',
  optionLabel: 'Yes',
  domainVariables: ['agency'],
  domainValues: ['kab-sleman'],
  domainLabels: ['Kabupaten Sleman'],
  nBase: 24,
  nOption: 24,
  estimate: 1,
  se: 0,
  ciLow: 0.86,
  ciHigh: 1,
  ciMethod: 'logit',
  ciBasis: 'design',
  df: 23,
  deff: 1,
  nEff: 24,
  flags: { lowReliability: true, census: false, fewDegreesOfFreedom: false, noInterval: false },
};

describe('discloseRow', () => {
  it('sends a hidden row with its labels and reason and not one number', () => {
    const out = discloseRow(row, { suppressed: 'complementary', bound: null });
    expect(out.cell).toEqual({ suppressed: 'complementary', figures: null });
    expect(JSON.stringify(out)).not.toMatch(/24|0\.86/);
  });

  it('sends a bounded row with its base and the bound, but no share, count, SE, interval or effective n', () => {
    const out = discloseRow(row, { suppressed: null, bound: { side: 'at-least', value: 0.9 } });
    expect(out.cell).toEqual({
      suppressed: null,
      figures: {
        nBase: 24,
        nOption: null,
        estimate: null,
        se: null,
        ciLow: null,
        ciHigh: null,
        df: 23,
        deff: null,
        nEff: null,
        bound: { side: 'at-least', value: 0.9 },
        lowReliability: true,
      },
    });
  });

  it('sends a shown row with every number of the report row', () => {
    const out = discloseRow(
      { ...row, nOption: 6, estimate: 0.25 },
      { suppressed: null, bound: null },
    );
    expect(out.cell.figures).toMatchObject({ nBase: 24, nOption: 6, estimate: 0.25, ciLow: 0.86 });
  });
});
