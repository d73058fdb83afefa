// A report as CSV: the analyze command's columns, then the labels in the report's language and the flags.
import type { Report } from '../reports/report-types.ts';
import { crossSeparator, estimateColumns } from '../analyze-csv/estimate-table.ts';
import { csvDocument, type CsvCell } from './csv-text.ts';

/** The columns: the `analyze` command's, in its order, then labels, interval method and flags. */
export const resultsCsvColumns = [
  ...estimateColumns,
  'domain_label',
  'question_label',
  'option_label',
  'ci_method',
  'low_reliability',
  'census',
  'few_df',
] as const;

/**
 * The report as a CSV document (UTF-8 with BOM, CRLF), full precision, empty cells where a
 * value is undefined, flags as 0/1.
 *
 * @example
 * const csv = resultsCsv(await reports.report(studyId, request));
 */
export function resultsCsv(report: Report): string {
  const flag = (value: boolean): CsvCell => (value ? 1 : 0);
  const rows = report.rows.map((row): CsvCell[] => [
    row.domainVariables.join(crossSeparator),
    row.domainValues.join(crossSeparator),
    row.question,
    row.option,
    row.nBase,
    row.nOption,
    row.estimate,
    row.se,
    row.ciLow,
    row.ciHigh,
    row.df,
    row.deff,
    row.nEff,
    row.domainLabels.join(crossSeparator),
    row.questionLabel,
    row.optionLabel,
    row.ciMethod,
    flag(row.flags.lowReliability),
    flag(row.flags.census),
    flag(row.flags.fewDegreesOfFreedom),
  ]);
  return csvDocument(resultsCsvColumns, rows);
}
