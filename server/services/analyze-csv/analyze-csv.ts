// Weighted estimates from a responses CSV streamed into cell counts: the computation behind `analyze`.

import {
  cellText,
  createCellFolder,
  createDesign,
  createHeadcountFolder,
  designWeights,
  estimateProportions,
  marginFromShares,
  parseHeadcount,
  rake,
  RecordError,
  stratumTotals,
  type CellFolder,
  type DomainSpec,
  type HeadcountFolder,
  type ProportionEstimate,
  type RakingMargin,
} from '../../../analysis/index.ts';
import { readCsv } from '../csv/read-csv.ts';

/** A CSV file to stream: its name (for messages) and its bytes, opened when needed. */
export interface CsvSource {
  name: string;
  open(): AsyncIterable<Uint8Array>;
}

/** A raking margin: a respondent variable and each level's share of the population. */
export interface RakeSpec {
  variable: string;
  shares: ReadonlyMap<string, number>;
}

/** What to estimate; see {@link analyzeCsv}. */
export interface AnalyzeCsvRequest {
  responses: CsvSource;
  /**
   * `agency,N` headcounts; without it, the responses' `stratum_N` column. With both, each
   * non-empty `stratum_N` cell must equal its agency's headcount in the frame.
   */
  frame?: CsvSource;
  /** Breakdowns besides the national rows: a column, or two crossed (`['province', 'gender']`). */
  domains?: readonly DomainSpec[];
  /** Prefixes P whose columns `P_x` form one multi-select question. */
  multiSelectPrefixes?: readonly string[];
  /** Margins to rake to, besides the agency headcounts. */
  rake?: readonly RakeSpec[];
  /** Both files' delimiter; default told from each header line. */
  delimiter?: string;
  /** Both files' encoding; default strict UTF-8. */
  encoding?: string;
}

/** The estimates, and what was read. */
export interface AnalyzeCsvResult {
  estimates: ProportionEstimate[];
  /** Data rows of the responses file. */
  respondents: number;
  /** Raking passes, when raked. */
  rakingIterations: number | null;
}

/** The variables a domain spec names. */
const variablesOf = (spec: DomainSpec): readonly string[] =>
  typeof spec === 'string' ? [spec] : spec;

async function readHeadcounts(
  frame: CsvSource,
  request: AnalyzeCsvRequest,
): Promise<Map<string, number>> {
  let folder: HeadcountFolder | undefined;
  await readCsv(
    frame.open(),
    { file: frame.name, delimiter: request.delimiter, encoding: request.encoding },
    {
      header: (names) => (folder = createHeadcountFolder(names)),
      row: (fields, row) => folder?.addRow(fields, row),
    },
  );
  return (folder as HeadcountFolder).finish();
}

const headcountColumn = 'stratum_N';

/**
 * With a frame, a `stratum_N` column in the responses is a second source of headcounts: each
 * non-empty cell must be a headcount equal to its agency's in the frame (never silently
 * overruled by it). Null when there is no such column.
 */
function headcountAgreement(
  header: readonly string[],
  headcounts: ReadonlyMap<string, number>,
  frameName: string,
) {
  const position = header.indexOf(headcountColumn);
  const agencyPosition = header.indexOf('agency');
  if (position < 0 || agencyPosition < 0) return null;
  // The cell text last found to agree, by agency: rows of an agency repeat it.
  const agreed = new Map<string, string>();
  return (fields: readonly string[], row: number): void => {
    const agency = cellText(fields[agencyPosition]);
    const text = cellText(fields[position]);
    if (text === '' || agreed.get(agency) === text) return;
    const parsed = parseHeadcount(text);
    if (parsed === null) {
      throw new RecordError(
        `headcount of agency "${agency}" must be a whole number of at least 1, got "${text}"`,
        row,
        headcountColumn,
      );
    }
    const inFrame = headcounts.get(agency);
    if (inFrame !== undefined && inFrame !== parsed) {
      throw new RecordError(
        `agency "${agency}" has headcount ${parsed} here but ${inFrame} in the frame ${frameName}; give the headcounts once, or make them agree`,
        row,
        headcountColumn,
      );
    }
    agreed.set(agency, text);
  };
}

// Every respondent's value of a raking variable must have a share, and every share respondents.
function rakeChecker(specs: readonly RakeSpec[], header: readonly string[]) {
  const positions = specs.map((spec) => header.indexOf(spec.variable));
  const seen = specs.map(() => new Set<string>());
  return {
    check(fields: readonly string[], row: number): void {
      specs.forEach((spec, i) => {
        const value = cellText(fields[positions[i] as number]);
        if (value === '') {
          throw new RecordError(
            `no value of raking variable "${spec.variable}"`,
            row,
            spec.variable,
          );
        }
        if (!spec.shares.has(value)) {
          throw new RecordError(
            `"${value}" has no share in --rake ${spec.variable}`,
            row,
            spec.variable,
          );
        }
        (seen[i] as Set<string>).add(value);
      });
    },
    finish(): void {
      specs.forEach((spec, i) => {
        for (const level of spec.shares.keys()) {
          if (!(seen[i] as Set<string>).has(level)) {
            throw new RecordError(
              `raking level "${level}" has no respondents (a margin cell cannot be empty)`,
              null,
              spec.variable,
            );
          }
        }
      });
    },
  };
}

/**
 * Streams a responses CSV (read by `readCsv`: encoding, delimiter, BOM and blank-line rules)
 * into cell counts row by row (`createCellFolder`: the column contract, trimming and row
 * checks) and estimates every question's weighted proportions nationally and in each
 * requested domain (one variable, or two crossed as R's `svyby(~a + b)`), with SE, logit CI,
 * df, deff and effective n (`estimateProportions`). Memory grows with the cells, never with
 * the rows. With `rake`, weights are raked to the agency headcounts and the given shares of
 * their total, from the cell counts (`rake`), as the database reports do.
 *
 * A categorical question nobody answered still gets rows: one per domain, with an empty option
 * and n_base 0 (a multi-select question lists its options with n_base 0).
 *
 * Throws a RecordError naming file, row and column for bad data, an Error for raking that does
 * not converge, and passes through errors of the byte sources (a missing file).
 *
 * @example
 * const { estimates } = await analyzeCsv({
 *   responses: { name: 'r.csv', open: () => createReadStream('r.csv') },
 *   domains: ['province', ['province', 'gender']],
 * });
 */
export async function analyzeCsv(request: AnalyzeCsvRequest): Promise<AnalyzeCsvResult> {
  const domains = request.domains ?? [];
  const rakeSpecs = request.rake ?? [];
  const headcounts =
    request.frame === undefined ? undefined : await readHeadcounts(request.frame, request);
  const domainColumns = [...new Set(domains.flatMap(variablesOf))];
  let folder: CellFolder | undefined;
  let rakeCheck: ReturnType<typeof rakeChecker> | undefined;
  let headcountCheck: ReturnType<typeof headcountAgreement> = null;
  const { responses } = request;
  await readCsv(
    responses.open(),
    { file: responses.name, delimiter: request.delimiter, encoding: request.encoding },
    {
      header(names) {
        folder = createCellFolder({
          header: names,
          headcounts,
          domainColumns,
          respondentColumns: rakeSpecs.map((spec) => spec.variable),
          multiSelectPrefixes: request.multiSelectPrefixes ?? [],
        });
        rakeCheck = rakeChecker(rakeSpecs, folder.header);
        if (headcounts !== undefined && request.frame !== undefined)
          headcountCheck = headcountAgreement(folder.header, headcounts, request.frame.name);
      },
      row(fields, row) {
        (folder as CellFolder).addRow(fields, row);
        headcountCheck?.(fields, row);
        rakeCheck?.check(fields, row);
      },
    },
  );
  const withFile = (error: unknown) =>
    error instanceof RecordError && error.file === null
      ? new RecordError(error.problem, error.row, error.column, responses.name)
      : error;
  let folded;
  try {
    folded = (folder as CellFolder).finish();
    rakeCheck?.finish();
  } catch (error) {
    throw withFile(error);
  }
  const { cells, questions } = folded;

  const design = createDesign(cells);
  let weighting = designWeights(design);
  let rakingIterations: number | null = null;
  if (rakeSpecs.length > 0) {
    const agencyTotals = stratumTotals(design);
    const total = [...agencyTotals.values()].reduce((sum, value) => sum + value, 0);
    const margins: RakingMargin[] = [
      { variable: 'agency', totals: agencyTotals },
      ...rakeSpecs.map((spec) => ({
        variable: spec.variable,
        totals: marginFromShares(spec.variable, spec.shares, total),
      })),
    ];
    // Margins that cannot all be met throw a RakingError naming the margin and its gap.
    const raked = rake(weighting, margins, { tolerance: 1e-8, maxIterations: 100 });
    weighting = raked.weighting;
    rakingIterations = raked.iterations;
  }
  const estimates = estimateProportions(weighting, {
    questions: questions.map((question) => ({
      name: question.name,
      // Nobody answered: no option is known, and the question still owes its rows.
      options: question.options.length === 0 ? [''] : question.options,
    })),
    domains,
    intervals: ['logit'],
  });
  return { estimates, respondents: (folder as CellFolder).rows, rakingIterations };
}

/**
 * Why raking shares cannot be used (they must be positive and add up to 1, see
 * `marginFromShares`), or undefined when they can; for checking arguments before any file is read.
 *
 * @example
 * sharesProblem('gender', new Map([['F', 0.42], ['M', 0.48]])); // 'gender: shares add up to 0.9, not 1'
 */
export function sharesProblem(
  variable: string,
  shares: ReadonlyMap<string, number>,
): string | undefined {
  try {
    marginFromShares(variable, shares, 1);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
