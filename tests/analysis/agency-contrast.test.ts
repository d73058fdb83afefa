// The agency-versus-nation contrast against R's svycontrast on svyratio with covariance, to 1e-9.
import { describe, expect, it } from 'vitest';
import { agencyContrast } from '../../analysis/agency-contrast.ts';
import { rake } from '../../analysis/index.ts';
import { loadSmall, readExpected, rValue } from './helpers/r-fixtures.ts';

const small = loadSmall();

describe('agencyContrast', () => {
  // R: svycontrast(svyratio(~yA + yN, ~bA + bN, d, covmat = TRUE), c("yA/bA" = 1, "yN/bN" = -1))
  // with pt() for the two-sided p-value (tests/fixtures/r-survey/agency-contrast.R).
  const expected = readExpected('expected-contrast/agency_contrast.csv');

  it.each(expected.map((row) => [`${row.agency} ${row.question}=${row.option}`, row] as const))(
    'equals R for %s: shares, difference, SE, df and p-value',
    (_name, row) => {
      const ours = agencyContrast(
        small.weighting,
        row.agency as string,
        row.question as string,
        row.option as string,
      );
      const close = (value: number | null, text: string | undefined) => {
        const r = rValue(text) as number;
        expect(value).not.toBeNull();
        expect(Math.abs((value as number) - r)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(r)),
        );
      };
      close(ours.agencyShare, row.agency_share);
      close(ours.nationalShare, row.national_share);
      close(ours.difference, row.difference);
      close(ours.se, row.se);
      expect(ours.df).toBe(Number(row.df));
      const p = rValue(row.p_value) as number;
      // Relative precision for tiny p-values, absolute for ordinary ones.
      expect(Math.abs((ours.pValue as number) - p)).toBeLessThanOrEqual(
        1e-9 * Math.max(p, 1e-12) + 1e-12,
      );
    },
  );

  it('is wider than treating the agency as independent of the nation would suggest for a large agency', () => {
    const ours = agencyContrast(small.weighting, 'AG007', 'q2', 'Yes');
    expect(ours.se).toBeGreaterThan(0);
    expect(ours.pValue).toBeGreaterThan(0.05);
  });

  it('refuses calibrated weights, whose residuals it does not use', () => {
    const raked = rake(small.weighting, [
      {
        variable: 'gender',
        totals: new Map([
          ['F', small.N * 0.52],
          ['M', small.N * 0.48],
        ]),
      },
    ]);
    expect(() => agencyContrast(raked.weighting, 'AG007', 'q2', 'Yes')).toThrow(/design weights/);
  });

  it('refuses a stratum without respondents and an unknown option', () => {
    expect(() => agencyContrast(small.weighting, 'AG999', 'q2', 'Yes')).toThrow(/AG999/);
    expect(() => agencyContrast(small.weighting, 'AG007', 'q2', 'Maybe')).toThrow(/Maybe/);
  });
});
