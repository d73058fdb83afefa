// Loads the R survey fixture into a stored study and compares report rows with R's answers (shared by report, route and export tests).
import type { Kysely } from 'kysely';
import { importResponses } from '../../server/services/projection/import-responses.ts';
import type { Database } from '../../server/storage/db/schema.ts';
import type { ReportRow } from '../../server/services/reports/report-types.ts';
import { readCsv, rValue, type ExpectedRow } from '../analysis/helpers/r-fixtures.ts';
import {
  agencyCodeOf,
  rFixtureAnswers,
  rFixtureResponseId,
  setUpRFixtureStudy,
  type RFixtureStudy,
} from './r-fixture-study.ts';

/** The fixture's respondents (test_small.csv). */
export const rFixtureRecords = readCsv('test_small.csv').rows;

/**
 * Stores the fixture study with all 2,000 respondents, already folded into the counts.
 *
 * @example
 * const { studyId, wave } = await loadRFixtureResponses(db);
 */
export async function loadRFixtureResponses(db: Kysely<Database>): Promise<RFixtureStudy> {
  const study = await setUpRFixtureStudy(db, rFixtureRecords);
  await importResponses(
    db,
    study.questionnaires,
    study.wave.id,
    rFixtureRecords.map((record) => ({
      id: rFixtureResponseId(record),
      agencyCode: agencyCodeOf(record.agency as string),
      answers: rFixtureAnswers(record),
      submittedOn: '2021-09-02',
    })),
  );
  return study;
}

/** R's key of a report row: `domain_var|domain|question|option` (agency codes as R spells them). */
export function reportRowKey(
  row: Pick<ReportRow, 'domainVariables' | 'domainValues' | 'question' | 'option'>,
): string {
  const values = row.domainValues.map((value, i) =>
    row.domainVariables[i] === 'agency' ? value.toUpperCase() : value,
  );
  return `${row.domainVariables.join(',')}|${values.join(',')}|${row.question}|${row.option}`;
}

/**
 * Largest absolute difference from R over estimate, SE and logit interval for the expected
 * rows, and the keys R has that the report lacks.
 *
 * @example
 * const { largest, missing } = differenceFromR(expected, report.rows);
 */
export function differenceFromR(
  expected: readonly ExpectedRow[],
  rows: readonly ReportRow[],
): { largest: number; missing: string[]; compared: number } {
  const byKey = new Map(rows.map((row) => [reportRowKey(row), row]));
  let largest = 0;
  let compared = 0;
  const missing: string[] = [];
  for (const r of expected) {
    const key = `${r.domain_var ?? ''}|${r.domain ?? ''}|${r.question}|${r.option}`;
    const row = byKey.get(key);
    if (!row) {
      missing.push(key);
      continue;
    }
    compared++;
    const pairs: [number | null, number | null][] = [
      [row.estimate, rValue(r.prop)],
      [row.se, rValue(r.se)],
    ];
    // R's logit interval is missing (or half missing, at df = 1) where svyciprop fails; the
    // platform then uses its documented rule, tested in tests/analysis.
    if (rValue(r.logit_l) !== null && rValue(r.logit_u) !== null && row.ciBasis === 'design') {
      pairs.push([row.ciLow, rValue(r.logit_l)], [row.ciHigh, rValue(r.logit_u)]);
    }
    for (const [ours, theirs] of pairs) {
      if (ours === null || theirs === null) {
        if (ours !== theirs) missing.push(`${key}: ours ${ours}, R ${theirs}`);
        continue;
      }
      largest = Math.max(largest, Math.abs(ours - theirs));
    }
  }
  return { largest, missing, compared };
}
