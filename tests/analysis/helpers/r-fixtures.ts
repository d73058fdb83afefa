// Loads the R survey reference files in tests/fixtures/r-survey and builds the matching designs.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import {
  cellCountsFromRecords,
  createDesign,
  designWeights,
  type ProportionEstimate,
  type RecordCells,
  type SurveyDesign,
  type Weighting,
} from '../../../analysis/index.ts';

export const fixtureDirectory = fileURLToPath(new URL('../../fixtures/r-survey/', import.meta.url));

/** A row of an R reference file, as text (R writes `NA` where it has no answer). */
export type ExpectedRow = Record<string, string>;

export function readCsv(relativePath: string): {
  header: string[];
  rows: Record<string, string>[];
} {
  const parsed = Papa.parse<Record<string, string>>(
    readFileSync(fixtureDirectory + relativePath, 'utf8'),
    {
      header: true,
      skipEmptyLines: true,
    },
  );
  return { header: parsed.meta.fields ?? [], rows: parsed.data };
}

export function readExpected(relativePath: string): ExpectedRow[] {
  return readCsv(relativePath).rows;
}

/** R's value as a number, or null for NA / NaN / empty. */
export function rValue(text: string | undefined): number | null {
  if (text === undefined || text === '' || text === 'NA' || text === 'NaN') return null;
  return Number(text);
}

/** The fixture data set: respondents of test_small.csv as cells, with province, gender, agency_type and age_group as respondent variables. */
export function loadSmall(): RecordCells & {
  design: SurveyDesign;
  weighting: Weighting;
  N: number;
} {
  const { header, rows } = readCsv('test_small.csv');
  const built = cellCountsFromRecords(rows, {
    header,
    domainColumns: ['province', 'gender', 'agency', 'agency_type', 'age_group'],
    multiSelectPrefixes: ['ms'],
  });
  const design = createDesign(built.cells);
  const weighting = designWeights(design);
  let N = 0;
  for (const value of design.populationSizes) N += value;
  return { ...built, design, weighting, N };
}

/** Our rows keyed like R's: `domain_var|domain|question|option` (R joins pairs with commas). */
export function keyRows(rows: readonly ProportionEstimate[]): Map<string, ProportionEstimate> {
  return new Map(
    rows.map((row) => [
      `${row.domainVariables.join(',')}|${row.domainValues.join(',')}|${row.question}|${row.option}`,
      row,
    ]),
  );
}

export function expectedKey(row: ExpectedRow): string {
  return `${row.domain_var ?? ''}|${row.domain ?? ''}|${row.question}|${row.option}`;
}

/**
 * Largest absolute difference between our values and R's over rows, per column; a column where
 * R has a value and we have none (or the reverse) counts as a mismatch, recorded by key.
 */
export function compareColumns(
  expected: readonly ExpectedRow[],
  ours: Map<string, ProportionEstimate>,
  columns: Record<string, (row: ProportionEstimate) => number | null | undefined>,
  options: {
    relative?: readonly string[];
    skip?: (column: string, row: ProportionEstimate, r: ExpectedRow) => boolean;
  } = {},
): { differences: Record<string, number>; mismatches: string[]; compared: number } {
  const differences: Record<string, number> = {};
  const mismatches: string[] = [];
  let compared = 0;
  for (const r of expected) {
    const key = expectedKey(r);
    const row = ours.get(key);
    if (row === undefined) {
      mismatches.push(`${key}: missing`);
      continue;
    }
    compared++;
    for (const [column, read] of Object.entries(columns)) {
      if (options.skip?.(column, row, r)) continue;
      const theirs = rValue(r[column]);
      const mine = read(row);
      if (theirs === null || mine === null || mine === undefined) {
        if ((theirs === null) !== (mine === null || mine === undefined)) {
          mismatches.push(`${key} ${column}: R ${r[column]}, ours ${mine}`);
        }
        continue;
      }
      const difference =
        options.relative?.includes(column) && theirs !== 0
          ? Math.abs(mine - theirs) / Math.abs(theirs)
          : Math.abs(mine - theirs);
      differences[column] = Math.max(differences[column] ?? 0, difference);
    }
  }
  return { differences, mismatches, compared };
}
