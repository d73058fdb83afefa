// The agency results as CSV: the analyze command's columns plus labels, the suppression reason, the bound and the significance mark.
import { crossSeparator, estimateColumns } from '../analyze-csv/estimate-table.ts';
import { csvText, type CsvCell } from '../csv/write-csv.ts';
import type { AgencyResults, DisclosedCell, SignificanceMark } from './results-types.ts';

/** Columns: the `analyze` command's, then labels, why a cell is hidden, the bound, the mark. */
export const agencyResultsCsvColumns = [
  ...estimateColumns,
  'domain_label',
  'question_label',
  'option_label',
  'suppressed',
  'bound',
  'significance',
  'p_value',
] as const;

interface Line {
  variables: readonly string[];
  values: readonly string[];
  labels: readonly string[];
  question: string;
  questionLabel: string;
  option: string;
  optionLabel: string;
  cell: DisclosedCell;
  mark?: SignificanceMark | null;
}

/**
 * Exactly the cells of `results` (agency, national and peer rows of every question, then the
 * agency's breakdowns and the national ones) as a CSV document: UTF-8 with BOM, CRLF, text
 * that looks like a formula neutralised (the shared writer). A hidden cell has every number
 * empty and `suppressed` set to its reason; a bounded cell has `bound` (`>=0.9`, `<=0.1`) and
 * no share.
 *
 * @example
 * c.body(agencyResultsCsv(await results.agency(code, undefined, 'id')), 200, headers);
 */
export function agencyResultsCsv(results: AgencyResults): string {
  const lines: Line[] = [];
  const { agency, peerGroup } = results;
  for (const row of results.comparison) {
    const base = {
      question: row.question,
      questionLabel: row.questionLabel,
      option: row.option,
      optionLabel: row.optionLabel,
    };
    lines.push({ ...base, variables: [], values: [], labels: [], cell: row.national });
    lines.push({
      ...base,
      variables: ['agency'],
      values: [agency.code],
      labels: [agency.name],
      cell: row.agency,
      mark: row.significance,
    });
    lines.push({
      ...base,
      variables: ['type', 'islandRegion'],
      values: [peerGroup.type, peerGroup.islandRegion],
      labels: [peerGroup.type, peerGroup.islandRegion],
      cell: row.peer,
    });
  }
  for (const row of [...results.breakdowns, ...results.nationalBreakdowns]) {
    lines.push({
      variables: row.domainVariables,
      values: row.domainValues,
      labels: row.domainLabels,
      question: row.question,
      questionLabel: row.questionLabel,
      option: row.option,
      optionLabel: row.optionLabel,
      cell: row.cell,
    });
  }
  return csvText(lines.map(toCells), {
    columns: agencyResultsCsvColumns,
    bom: true,
    newline: '\r\n',
  });
}

function toCells(line: Line): CsvCell[] {
  const f = line.cell.figures;
  const bound = f?.bound ? `${f.bound.side === 'at-least' ? '>=' : '<='}${f.bound.value}` : null;
  return [
    line.variables.join(crossSeparator),
    line.values.join(crossSeparator),
    line.question,
    line.option,
    f?.nBase,
    f?.nOption,
    f?.estimate,
    f?.se,
    f?.ciLow,
    f?.ciHigh,
    f?.df,
    f?.deff,
    f?.nEff,
    line.labels.join(crossSeparator),
    line.questionLabel,
    line.optionLabel,
    line.cell.suppressed,
    bound,
    line.mark?.direction ?? null,
    line.mark?.pValue ?? null,
  ];
}
