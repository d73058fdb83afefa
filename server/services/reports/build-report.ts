// Computes a report from a wave's cell counts: weighting (design or raked), every question nationally and by breakdown, labels, footnotes.
import {
  countBases,
  createDesign,
  designWeights,
  estimateProportions,
  methodNotes,
  rake,
  stratumTotals,
  type CellCounts,
  type DomainSelection,
  type DomainSpec,
  type ProportionEstimate,
  type QuestionRequest,
  type SurveyDesign,
  type Weighting,
} from '../../../analysis/index.ts';
import { buildCodebook, type CodebookRow } from '../../../surveys/codebook.ts';
import type { LocalizedText, QuestionnaireDefinition } from '../../../surveys/types.ts';
import { AppError } from '../../errors.ts';
import { countsVersion } from './cell-counts-cache.ts';
import { breakdownVariables, domainValueLabeller, type AgencyNames } from './domain-labels.ts';
import { estimateIndexes } from './index-estimates.ts';
import { marginTotals } from './raking-margins.ts';
import type {
  BasesRequest,
  Breakdown,
  BreakdownLabel,
  CellBases,
  CellRows,
  CellsRequest,
  Footnote,
  IndexEstimateRow,
  Language,
  MarginShares,
  Report,
  ReportRequest,
  ReportRow,
} from './report-types.ts';

/** Everything a report is computed from, read in one snapshot (see `loadReportInput`). */
export interface ReportInput {
  cells: CellCounts;
  definition: QuestionnaireDefinition;
  agencyNames: AgencyNames;
  /** Some headcount N_h among the wave's agencies is a generated stand-in. */
  headcountsIllustrative: boolean;
  study: { id: string; title: LocalizedText; synthetic: boolean };
  wave: { id: number; name: string };
}

/** Degrees of freedom under which a row is flagged for review (STATISTICS.md). */
const reviewDegreesOfFreedom = 8;

/** Passes over the margins before raking is declared not to converge. */
const maxRakingPasses = 100;

/**
 * The one computation from counts to published estimates: builds the stratified design
 * (`svydesign(ids = ~1, strata = ~agency, fpc = ~N_h)`), weights it (design weights N_h / n_h,
 * or raked to the agency headcounts plus the request's national margins, as R's `rake`), and
 * estimates every codebook variable (free text excepted), every option listed in the codebook,
 * nationally and by each breakdown, with SE, logit CI, df, deff and effective n. Labels are in
 * the requested language. Throws `INVALID_REQUEST` for an unknown breakdown variable and
 * `RAKING_FAILED` when margins are missing, malformed or cannot all be met.
 *
 * @example
 * const report = buildReport(input, { waveId: 1, weighting: 'design', by: ['province'], lang: 'en' });
 * report.rows[0]; // { question: 'A4', option: 'laki_laki', estimate: 0.48…, se: 0.004…, … }
 */
export function buildReport(input: ReportInput, request: ReportRequest): Report {
  const { definition, cells } = input;
  const codebook = buildCodebook(definition);
  const known = breakdownVariables(definition.domainVariables);
  const specs = request.by.map((breakdown) => checkBreakdown(breakdown, known));

  const design = designOf(cells);
  const { weighting, iterations, margins } = weigh(designWeights(design), request);
  const reported = codebook.filter((row) => row.type !== 'text');
  const questions: QuestionRequest[] = reported.map((row) => ({
    name: row.variable,
    options: optionsOf(row, design.questions.get(row.variable)?.options ?? []),
  }));
  const estimates =
    design.strata.length === 0
      ? []
      : estimateProportions(weighting, { questions, domains: specs, intervals: ['logit'] });

  const rows = labelRows(estimates, reported, input, request.lang);
  return {
    ...reportHeader(input, design, request.lang),
    weighting: {
      kind: request.weighting,
      description: weighting.description,
      margins,
      iterations,
    },
    breakdowns: specs.map((spec) => {
      const variables = typeof spec === 'string' ? [spec] : [...spec];
      return {
        variables,
        labels: variables.map((v) => (known.get(v) as LocalizedText)[request.lang]),
      } satisfies BreakdownLabel;
    }),
    strata: design.strata.length,
    rows,
    footnotes: footnotes(input, weighting, iterations, design.strata.length > 0, request.lang),
  };
}

/**
 * The design, or `HEADCOUNT_EXCEEDED` when an agency has more respondents than its headcount
 * N_h (an agency link shared beyond the agency, or a stale frame): no weight N_h / n_h < 1 is
 * meaningful, so the report names the agency instead of guessing.
 */
export function designOf(cells: CellCounts): SurveyDesign {
  const built = designs.get(cells);
  if (built !== undefined) return built;
  for (const [agency, n] of respondentsByStratum(cells)) {
    const headcount = cells.strata.get(agency)?.populationSize;
    if (headcount !== undefined && n > headcount) {
      throw new AppError(
        'HEADCOUNT_EXCEEDED',
        `Agency "${agency}" has ${n} responses but a headcount of ${headcount}; update its headcount in the agency frame.`,
      );
    }
  }
  const design = createDesign(cells);
  designs.set(cells, design);
  return design;
}

/** Designs of cell counts kept between jobs (see `createCellCountsCache`); counts are never changed once read. */
const designs = new WeakMap<CellCounts, SurveyDesign>();

/**
 * The unweighted base of every reported question (free text excepted) in every domain of the
 * national row and of each breakdown, with the report's study, wave and footnotes (design
 * weights): what disclosure control decides on, without estimating a cell. The bases equal
 * the `nBase` of `buildReport`'s rows for the same breakdowns. Throws as `buildReport` does.
 *
 * @example
 * const bases = buildCellBases(input, { waveId: 1, by: ['agency'], lang: 'id' });
 * bases.breakdowns[1].bases[0]; // respondents of the first agency who answered the first question
 */
export function buildCellBases(input: ReportInput, request: BasesRequest): CellBases {
  const known = breakdownVariables(input.definition.domainVariables);
  const specs = request.by.map((breakdown) => checkBreakdown(breakdown, known));
  const design = designOf(input.cells);
  const questions = buildCodebook(input.definition)
    .filter((row) => row.type !== 'text')
    .map((row) => row.variable);
  const breakdowns =
    design.strata.length === 0
      ? []
      : countBases(design, { questions, domains: specs }).map((b) => ({
          variables: [...b.variables],
          levels: b.levels.map((values) => [...values]),
          bases: b.bases,
        }));
  return {
    version: countsVersion(input.cells),
    ...reportHeader(input, design, request.lang),
    // Agency and public outputs are built on these: no footnote may name an agency.
    footnotes: footnotes(
      input,
      designWeights(design),
      null,
      design.strata.length > 0,
      request.lang,
      {
        nameStrata: false,
      },
    ),
    questions,
    breakdowns,
  };
}

/**
 * The report rows (design weights) of some domains only: for each selection, the listed
 * domains of its breakdown (all when no values are given) and the listed questions (all
 * reported ones when none are), every option as in `buildReport`. Each row equals the row
 * `buildReport` gives for the same cell: the other respondents stay in the design (z = 0
 * outside the domain), so only the cost changes, with the number of cells asked for. A
 * selection with `indexes` also gets the questionnaire's Likert indexes in its domains
 * (`estimateIndexes`).
 * Throws `INVALID_REQUEST` for an unknown breakdown variable, as `buildReport` does.
 *
 * @example
 * buildCellRows(input, { waveId: 1, lang: 'id', selections: [{ by: 'agency', values: [['kab-sleman']] }] });
 */
export function buildCellRows(input: ReportInput, request: CellsRequest): CellRows {
  const { definition } = input;
  const codebook = buildCodebook(definition);
  const known = breakdownVariables(definition.domainVariables);
  const design = designOf(input.cells);
  const version = countsVersion(input.cells);
  if (design.strata.length === 0) return { version, rows: [], indexes: [] };
  const weighting = designWeights(design);
  const reported = codebook.filter((row) => row.type !== 'text');
  const rows: ReportRow[] = [];
  const indexes: IndexEstimateRow[] = [];
  for (const selection of request.selections) {
    const wanted = selection.questions === undefined ? null : new Set(selection.questions);
    const questions: QuestionRequest[] = reported
      .filter((row) => wanted === null || wanted.has(row.variable))
      .map((row) => ({
        name: row.variable,
        options: optionsOf(row, design.questions.get(row.variable)?.options ?? []),
      }));
    const spec = selection.by === null ? null : checkBreakdown(selection.by, known);
    const domain: DomainSpec | DomainSelection | null =
      spec === null || selection.values === undefined
        ? spec
        : { by: spec, values: selection.values };
    const estimates = estimateProportions(weighting, {
      questions,
      national: domain === null,
      domains: domain === null ? [] : [domain],
      intervals: ['logit'],
    });
    rows.push(...labelRows(estimates, reported, input, request.lang));
    if (selection.indexes === true) {
      indexes.push(
        ...estimateIndexes(weighting, input.cells, definition.likertIndexes ?? [], domain),
      );
    }
  }
  return { version, rows, indexes };
}

function respondentsByStratum(cells: CellCounts): Map<string, number> {
  const totals = new Map<string, number>();
  for (const { stratum, count } of cells.respondents) {
    totals.set(stratum, (totals.get(stratum) ?? 0) + count);
  }
  return totals;
}

function checkBreakdown(breakdown: Breakdown, known: ReadonlyMap<string, unknown>): DomainSpec {
  const variables = typeof breakdown === 'string' ? [breakdown] : [...breakdown];
  for (const variable of variables) {
    if (!known.has(variable)) {
      throw new AppError('INVALID_REQUEST', `Unknown breakdown variable "${variable}".`, [
        {
          field: 'by',
          problem: `"${variable}" is none of ${[...known.keys()].join(', ')}`,
        },
      ]);
    }
  }
  if (variables.length === 2 && variables[0] === variables[1]) {
    throw new AppError(
      'INVALID_REQUEST',
      `A breakdown cannot cross "${variables[0]}" with itself.`,
      [{ field: 'by', problem: `${variables[0]}*${variables[1]}` }],
    );
  }
  return typeof breakdown === 'string' ? breakdown : [breakdown[0], breakdown[1]];
}

// The codebook's options, then any answered option it does not list (none, for valid data).
function optionsOf(row: CodebookRow, answered: readonly string[]): string[] {
  const listed = row.options.map((o) => o.value);
  return [...listed, ...answered.filter((option) => !listed.includes(option))];
}

function weigh(
  design: Weighting,
  request: ReportRequest,
): { weighting: Weighting; iterations: number | null; margins: MarginShares[] } {
  if (request.weighting === 'design') return { weighting: design, iterations: null, margins: [] };
  const margins = [...(request.margins ?? [])];
  if (margins.length === 0) {
    throw new AppError('RAKING_FAILED', 'This wave has no raking margins; ask for design weights.');
  }
  if (design.design.strata.length === 0) {
    throw new AppError('RAKING_FAILED', 'This wave has no responses to rake.');
  }
  const agencyTotals = stratumTotals(design.design);
  const population = [...agencyTotals.values()].reduce((s, n) => s + n, 0);
  const totals = marginTotals(margins, population);
  let result;
  try {
    result = rake(design, [{ variable: 'agency', totals: agencyTotals }, ...totals], {
      maxIterations: maxRakingPasses,
    });
  } catch (error) {
    throw new AppError('RAKING_FAILED', `Raking failed: ${(error as Error).message}.`);
  }
  if (!result.converged) {
    throw new AppError(
      'RAKING_FAILED',
      `Raking did not meet every margin after ${result.iterations} passes (largest change ${result.lastChange}).`,
    );
  }
  return { weighting: result.weighting, iterations: result.iterations, margins };
}

function labelRows(
  estimates: readonly ProportionEstimate[],
  reported: readonly CodebookRow[],
  input: ReportInput,
  lang: Language,
): ReportRow[] {
  const byVariable = new Map(reported.map((row) => [row.variable, row]));
  const valueLabel = domainValueLabeller(reported, input.agencyNames, lang);
  const optionLabel = (row: CodebookRow | undefined, option: string) =>
    row?.options.find((o) => o.value === option)?.label[lang] ?? option;
  return estimates.map((e) => {
    const codebookRow = byVariable.get(e.question);
    const noInterval = e.ci === null;
    return {
      question: e.question,
      questionLabel: codebookRow?.label[lang] ?? e.question,
      option: e.option,
      optionLabel: optionLabel(codebookRow, e.option),
      domainVariables: [...e.domainVariables],
      domainValues: [...e.domainValues],
      domainLabels: e.domainValues.map((value, i) =>
        valueLabel(e.domainVariables[i] as string, value),
      ),
      nBase: e.nBase,
      nOption: e.nOption,
      estimate: e.estimate,
      se: e.se,
      ciLow: e.ci?.low ?? null,
      ciHigh: e.ci?.high ?? null,
      ciMethod: e.ci?.method ?? null,
      ciBasis: e.ci?.basis ?? null,
      df: e.df,
      deff: e.deff,
      nEff: e.nEff,
      flags: {
        lowReliability: e.flags.lowReliability,
        census: e.flags.census,
        fewDegreesOfFreedom: e.nBase > 0 && e.df < reviewDegreesOfFreedom,
        noInterval,
      },
    };
  });
}

/** What every report and set of bases starts with: study, wave, language and respondents. */
function reportHeader(input: ReportInput, design: SurveyDesign, lang: Language) {
  let respondents = 0;
  for (const count of design.cellCount) respondents += count;
  const { id, title, synthetic } = input.study;
  return { study: { id, title: title[lang], synthetic }, wave: input.wave, lang, respondents };
}

/** The report's footnotes in its language: data caveats first, then the method. */
function footnotes(
  input: ReportInput,
  weighting: Weighting,
  iterations: number | null,
  hasResponses: boolean,
  lang: Language,
  { nameStrata = true }: { nameStrata?: boolean } = {},
): Footnote[] {
  const t = (id: string, en: string) => (lang === 'id' ? id : en);
  const notes: Footnote[] = [];
  if (input.study.synthetic) {
    notes.push({
      code: 'synthetic',
      text: t(
        'Data sintetis: respons ini dibangkitkan untuk demonstrasi, bukan dikumpulkan dari ASN.',
        'Synthetic data: these responses were generated for demonstration, not collected from civil servants.',
      ),
    });
  }
  if (input.headcountsIllustrative) {
    notes.push({
      code: 'illustrative-headcounts',
      text: t(
        'Jumlah pegawai instansi N_h adalah angka ilustrasi, bukan angka resmi; bobot dan galat baku bergantung padanya.',
        'Agency headcounts N_h are illustrative stand-ins, not official figures; weights and standard errors depend on them.',
      ),
    });
  }
  if (!hasResponses) {
    notes.push({
      code: 'no-responses',
      text: t('Gelombang ini belum punya respons.', 'The wave has no responses yet.'),
    });
    return notes;
  }
  notes.push(...methodNotes(weighting, lang, { nameStrata }));
  if (iterations !== null) {
    notes.push({
      code: 'raking-passes',
      text: t(
        `Raking memenuhi setiap marginal setelah ${iterations} putaran (toleransi 1e-8 dari total bobot).`,
        `Raking met every margin after ${iterations} passes (tolerance 1e-8 of the weight total).`,
      ),
    });
  }
  return notes;
}
