// The analysis pushdown end to end on every dialect: the R fixture stored through both write paths gives R's numbers and the analyze command's.

import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cellCountsFromRecords,
  createDesign,
  designWeights,
  estimateProportions,
  postStratify,
  rake,
  stratumTotals,
  type CellCounts,
  type IntervalMethod,
  type ProportionEstimate,
  type QuestionRequest,
} from '../../../../analysis/index.ts';
import { runAnalyzeCaptured } from '../../../helpers/run-analyze.ts';
import { importResponses } from '../../../../server/services/projection/import-responses.ts';
import { materializePending } from '../../../../server/services/projection/materialize-pending.ts';
import { readCellCounts } from '../../../../server/storage/repositories/cell-counts.ts';
import {
  rColumns,
  skipRNonAnswers,
  skipWhereRHasNoDesignInterval,
} from '../../../analysis/helpers/r-columns.ts';
import {
  compareColumns,
  fixtureDirectory,
  keyRows,
  readCsv,
  readExpected,
  type ExpectedRow,
} from '../../../analysis/helpers/r-fixtures.ts';
import {
  agencyCodeOf,
  fixtureAgencyOf,
  noneOption,
  rFixtureAnswers,
  rFixtureMultiSelectOptions,
  rFixtureQuestions,
  rFixtureResponseId,
  setUpRFixtureStudy,
} from '../../../helpers/r-fixture-study.ts';
import { createTestApp, postJson } from '../../../helpers/test-app.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';

const { header, rows: records } = readCsv('test_small.csv');
const domains = ['province', 'gender', 'agency'];
const methods: IntervalMethod[] = ['logit', 'wald', 'korn-graubard'];
// R's rake(control = list(maxit = 100, epsilon = 1e-8)), as the analyze command rakes.
const rakeControl = { tolerance: 1e-8, maxIterations: 100 };
/**
 * The database and the CSV hold the same respondents in differently numbered cells, so sums run
 * in another order: equal to a few ulps (1e-14 seen), far inside the 1e-9 asked of R's numbers.
 */
const sameNumber = 1e-12;

/** Every estimate the suite checks, from one set of cells. */
function estimateAll(cells: CellCounts, questions: readonly QuestionRequest[]) {
  const design = createDesign(cells);
  const weighting = designWeights(design);
  let N = 0;
  for (const size of design.populationSizes) N += size;
  // postStratify(des, ~gender, data.frame(gender = c("F", "M"), Freq = c(.52, .48) * N))
  const gender = { F: 0.52 * N, M: 0.48 * N };
  const raked = rake(
    weighting,
    [
      { variable: 'agency', totals: stratumTotals(design) },
      { variable: 'gender', totals: gender },
    ],
    rakeControl,
  );
  const options = { questions, domains, intervals: methods };
  return {
    design,
    rakeConverged: raked.converged,
    designRows: estimateProportions(weighting, options),
    postStratifiedRows: estimateProportions(postStratify(weighting, 'gender', gender), options),
    rakedRows: estimateProportions(raked.weighting, options),
  };
}

/** Rows keyed as R's files key them: R names the agencies AG001…, the frame ag001…. */
function keyedLikeR(rows: readonly ProportionEstimate[]): Map<string, ProportionEstimate> {
  return keyRows(
    rows.map((row) =>
      row.domainVariables.length === 1 && row.domainVariables[0] === 'agency'
        ? { ...row, domainValues: row.domainValues.map(fixtureAgencyOf) }
        : row,
    ),
  );
}

function expectEqualToR(
  expected: readonly ExpectedRow[],
  rows: readonly ProportionEstimate[],
  skip: typeof skipRNonAnswers,
  relative: readonly string[] = [],
) {
  const result = compareColumns(expected, keyedLikeR(rows), rColumns, { skip, relative });
  expect(result.mismatches).toEqual([]);
  expect(result.compared).toBe(expected.length);
  for (const column of Object.keys(rColumns)) {
    expect(result.differences[column], column).toBeLessThanOrEqual(1e-9);
  }
}

type Field = number | string | boolean | null;

/** A row's numbers, interval bases and flags by name. */
function fieldsOf(row: ProportionEstimate): Map<string, Field> {
  const fields = new Map<string, Field>([
    ['nBase', row.nBase],
    ['nOption', row.nOption],
    ['weightedBase', row.weightedBase],
    ['estimate', row.estimate],
    ['se', row.se],
    ['df', row.df],
    ['deff', row.deff],
    ['nEff', row.nEff],
    ['kishDeff', row.kishDeff],
    ['lowReliability', row.flags.lowReliability],
    ['census', row.flags.census],
  ]);
  for (const method of methods) {
    const interval = row.intervals[method];
    fields.set(`${method}.low`, interval?.low ?? null);
    fields.set(`${method}.high`, interval?.high ?? null);
    fields.set(`${method}.basis`, interval?.basis ?? null);
  }
  return fields;
}

// Counts must be equal; other numbers equal to `sameNumber`, relative above 1; the rest identical.
function differs(name: string, ours: Field | undefined, theirs: Field | undefined): boolean {
  if (
    typeof ours !== 'number' ||
    typeof theirs !== 'number' ||
    /^n(Base|Option)$|^df$/.test(name)
  ) {
    return ours !== theirs;
  }
  return Math.abs(ours - theirs) > sameNumber * Math.max(1, Math.abs(ours), Math.abs(theirs));
}

/** Where two sets of fields disagree, as `label field: ours vs theirs`. */
function disagreements(
  label: string,
  ours: ReadonlyMap<string, Field>,
  theirs: ReadonlyMap<string, Field>,
): string[] {
  return [...theirs.keys()]
    .filter((name) => differs(name, ours.get(name), theirs.get(name)))
    .map((name) => `${label} ${name}: ${ours.get(name)} vs ${theirs.get(name)}`);
}

/** The R files' rows of the estimates the database path must reproduce. */
const rNational = readExpected('expected/estimates_national.csv');
const rDomains = readExpected('expected/estimates_domains.csv');
const rCalibrated = (scope: string) =>
  readExpected('expected/estimates_raked.csv').filter((r) => r.scope === scope);

// The CSV path, as the analyze command reads the same file; agency_type and age_group are
// respondent attributes, not questions, as in the stored questionnaire.
const fromCsv = (() => {
  const built = cellCountsFromRecords(records, {
    header,
    domainColumns: domains,
    respondentColumns: ['agency_type', 'age_group'],
    multiSelectPrefixes: ['ms'],
  });
  return estimateAll(
    built.cells,
    built.questions.map((question) => ({ name: question.name, options: question.options })),
  );
})();

const storedQuestions = [
  ...rFixtureQuestions.map((question) => ({ name: question.name, options: question.options })),
  { name: 'ms', options: [...rFixtureMultiSelectOptions, noneOption] },
];

/** The analyze command's rows for the stored questions (it takes every other column for one). */
async function analyzeFixture(...extra: string[]): Promise<Record<string, string>[]> {
  const argv = ['--responses', `${fixtureDirectory}test_small.csv`, '--by', domains.join(',')];
  const { code, stdout, stderr } = await runAnalyzeCaptured(...argv, '--multi', 'ms', ...extra);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return Papa.parse<Record<string, string>>(stdout, {
    header: true,
    skipEmptyLines: true,
  }).data.filter((r) => storedQuestions.some((question) => question.name === r.question));
}

/** An analyze output row as fields named like {@link fieldsOf}'s (its interval is the logit one). */
function analyzeFields(r: Record<string, string>): Map<string, Field> {
  const value = (text: string | undefined) =>
    text === undefined || text === '' ? null : Number(text);
  return new Map<string, Field>([
    ['nBase', value(r.n_base)],
    ['nOption', value(r.n_option)],
    ['estimate', value(r.estimate)],
    ['se', value(r.se)],
    ['logit.low', value(r.ci_low)],
    ['logit.high', value(r.ci_high)],
    ['df', value(r.df)],
    ['deff', value(r.deff)],
    ['nEff', value(r.n_eff)],
  ]);
}

// Alternate rows, so both write paths carry respondents of nearly every agency and profile.
const imported = records.filter((_, index) => index % 2 === 0);
const submitted = records.filter((_, index) => index % 2 === 1);
/** Submissions in flight at once: enough for SQLite's group commit to share transactions. */
const concurrentSubmissions = 50;

describe.each(testDialects())('the $dialect pushdown against R survey 4.1-1', (dialect) => {
  const t = useTestDatabase(dialect);
  const statuses: number[] = [];
  let loggedErrors = 0;
  let respondentsBeforeMaterializing = 0;
  let materialized = 0;
  let fromDb: ReturnType<typeof estimateAll>;

  beforeAll(async () => {
    const study = await setUpRFixtureStudy(t.db, records);
    await importResponses(
      t.db,
      study.questionnaires,
      study.wave.id,
      imported.map((record) => ({
        id: rFixtureResponseId(record),
        agencyCode: agencyCodeOf(record.agency as string),
        answers: rFixtureAnswers(record),
        submittedOn: '2021-09-16',
      })),
    );

    const { app, logError } = createTestApp(t.db, study.questionnaires);
    for (let start = 0; start < submitted.length; start += concurrentSubmissions) {
      const replies = await Promise.all(
        submitted.slice(start, start + concurrentSubmissions).map((record) =>
          postJson(app, `/api/studies/${study.studyId}/responses`, {
            id: rFixtureResponseId(record),
            agency: agencyCodeOf(record.agency as string),
            answers: rFixtureAnswers(record),
          }),
        ),
      );
      statuses.push(...replies.map((reply) => reply.status));
    }
    loggedErrors = logError.mock.calls.length;

    const before = await readCellCounts(t.db, study.wave.id);
    respondentsBeforeMaterializing = before.respondents.reduce((sum, r) => sum + r.count, 0);
    materialized = await materializePending(t.db, study.questionnaires);
    fromDb = estimateAll(await readCellCounts(t.db, study.wave.id), storedQuestions);
  }, 60_000);

  it('stores half the respondents by bulk import and half by live submission, folded in by materializePending', () => {
    expect(statuses).toHaveLength(submitted.length);
    expect(statuses.filter((status) => status !== 201)).toEqual([]);
    expect(loggedErrors).toBe(0);
    // Live submissions wait for the materializer: only the imported half counts until it runs.
    expect(respondentsBeforeMaterializing).toBe(imported.length);
    expect(materialized).toBe(submitted.length);
    expect([...fromDb.design.sampleSizes].reduce((sum, n) => sum + n, 0)).toBe(records.length);
    expect(fromDb.design.strata).toHaveLength(30);
  });

  it('matches every national row of R to 1e-9: estimate, SE, Wald/logit/beta bounds, df, deff, n_eff', () => {
    // svymean(~q, subset(des, !is.na(q)), deff = TRUE); svyciprop(~I(q == o), …, method = "logit" / "beta")
    expect(rNational.filter((r) => r.question === 'ms')).toHaveLength(4);
    expectEqualToR(rNational, fromDb.designRows, skipWhereRHasNoDesignInterval);
  });

  it('matches every province, gender and agency domain row of R to 1e-9', () => {
    // svyby(~q, ~province, des, svymean, deff = TRUE); the same by gender and by agency
    expect(rDomains).toHaveLength(925);
    expectEqualToR(rDomains, fromDb.designRows, skipWhereRHasNoDesignInterval);
  });

  it('matches R post-stratified to gender (F 52%, M 48% of N): estimates to 1e-9, SEs to 1e-9 relative', () => {
    const expected = rCalibrated('poststrat_gender');
    expect(expected).toHaveLength(25);
    expectEqualToR(expected, fromDb.postStratifiedRows, skipRNonAnswers, ['se']);
  });

  it('matches R raked to agency headcounts and gender: estimates to 1e-9, SEs to 1e-9 relative', () => {
    // rake(des, list(~agency, ~gender), …, control = list(maxit = 100, epsilon = 1e-8))
    expect(fromDb.rakeConverged).toBe(true);
    const expected = rCalibrated('rake_agency_gender');
    expect(expected).toHaveLength(25);
    expectEqualToR(expected, fromDb.rakedRows, skipRNonAnswers, ['se']);
  });

  it('gives the numbers of the CSV path row by row, design-weighted, post-stratified and raked, by every domain', () => {
    for (const kind of ['designRows', 'postStratifiedRows', 'rakedRows'] as const) {
      const stored = keyedLikeR(fromDb[kind]);
      const csv = keyedLikeR(fromCsv[kind]);
      expect(csv.size, kind).toBeGreaterThanOrEqual(rNational.length + rDomains.length);
      // The stored multi-select has SurveyJS's none item besides R's four options.
      const extra = [...stored.keys()].filter((key) => !csv.has(key));
      expect(extra.length, kind).toBeGreaterThan(0);
      expect(
        extra.filter((key) => !key.endsWith(`|ms|${noneOption}`)),
        kind,
      ).toEqual([]);
      const problems = [...csv].flatMap(([key, row]) => {
        const ours = stored.get(key);
        return ours === undefined
          ? [`${kind} ${key}: missing`]
          : disagreements(`${kind} ${key}`, fieldsOf(ours), fieldsOf(row));
      });
      expect(problems).toEqual([]);
    }
  });

  it('gives the numbers of the analyze command on the fixture CSV, with and without raking', async () => {
    for (const [rows, stored] of [
      [await analyzeFixture(), fromDb.designRows],
      [await analyzeFixture('--rake', 'gender=F:0.52,M:0.48'), fromDb.rakedRows],
    ] as const) {
      expect(rows).toHaveLength(rNational.length + rDomains.length);
      const ours = keyedLikeR(stored);
      const problems = rows.flatMap((r) => {
        const key = `${r.domain_var}|${r.domain}|${r.question}|${r.option}`;
        const row = ours.get(key);
        return row === undefined
          ? [`${key}: missing`]
          : disagreements(key, fieldsOf(row), analyzeFields(r));
      });
      expect(problems).toEqual([]);
    }
  });
});
