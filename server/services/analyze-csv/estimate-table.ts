// The CSV contract of the `analyze` command: its columns and one row per estimate.

import type { ProportionEstimate } from '../../../analysis/index.ts';
import type { CsvCell } from '../csv/write-csv.ts';

/** The output columns, in order (the command's contract). */
export const estimateColumns = [
  'domain_var',
  'domain',
  'question',
  'option',
  'n_base',
  'n_option',
  'estimate',
  'se',
  'ci_low',
  'ci_high',
  'df',
  'deff',
  'n_eff',
] as const;

/** How the variables and values of a crossed domain are joined in `domain_var` and `domain`. */
export const crossSeparator = ' × ';

/**
 * One estimate as the cells of {@link estimateColumns}: numbers stay numbers (full precision),
 * a missing value is an empty cell; national rows have empty `domain_var` and `domain`, a
 * crossed domain joins its variables and values with {@link crossSeparator}.
 *
 * @example
 * estimateRow(rows[0]); // ['province × gender', 'Central × F', 'q1', '1', 90, 13, 0.1399…, …]
 */
export function estimateRow(row: ProportionEstimate): CsvCell[] {
  return [
    row.domainVariables.join(crossSeparator),
    row.domainValues.join(crossSeparator),
    row.question,
    row.option,
    row.nBase,
    row.nOption,
    row.estimate,
    row.se,
    row.ci?.low,
    row.ci?.high,
    row.df,
    row.deff,
    row.nEff,
  ];
}
