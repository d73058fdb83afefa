// Decides disclosure over the declared table set of a wave at once, from bases only, and cuts disclosed rows from it: the only source of agency and public figures.
import type { Kysely } from 'kysely';
import {
  decideDisclosure,
  shareBound,
  type DisclosableRow,
  type Disclosure,
} from '../../../analysis/decide-disclosure.ts';
import type { QuestionnaireDefinition } from '../../../surveys/types.ts';
import type { Database } from '../../storage/db/schema.ts';
import type { Study } from '../../storage/repositories/studies.ts';
import type { Wave } from '../../storage/repositories/waves.ts';
import { loadDefinition } from '../reports/load-report-input.ts';
import type { ReportService } from '../reports/report-service.ts';
import type {
  AgencyFieldwork,
  BreakdownCellBases,
  CellBases,
  CellSelection,
  IndexEstimateRow,
  Language,
  ReportRow,
} from '../reports/report-types.ts';
import { declaredTables, tableNesting } from './declared-tables.ts';
import { studyDisclosure } from './disclosure-settings.ts';
import type {
  DisclosedCell,
  DisclosedRow,
  DisclosureSummary,
  ResultsContext,
} from './results-types.ts';
import type { SuppressionReason } from '../../../analysis/cell-suppression.ts';

/** Peer figures need at least this many other agencies with respondents (STATISTICS.md). */
export const minimumPeerAgencies = 3;

/** Cells of the declared set and the rows of them a caller is shown. */
export interface CutRows {
  /** The rows of the selected cells, each disclosure-controlled. */
  rows: DisclosedRow[];
  /**
   * Index estimates of the selections that asked for them, not disclosure-controlled: shown
   * only beside an index whose every item cell is shown (see `agencyView`).
   */
  indexes: IndexEstimateRow[];
  /** Unweighted respondents choosing an option in a selected domain (0 without a row); internal. */
  countOf: (
    question: string,
    option: string,
    variables: readonly string[],
    values: readonly string[],
  ) => number;
}

/**
 * A wave's declared tables, every cell decided from its unweighted base; estimates are made
 * only for the cells a caller is shown (`cut`). Internal to the results layer: never sent as is.
 */
export interface DisclosedSet {
  study: Study;
  wave: Wave;
  context: ResultsContext;
  summary: DisclosureSummary;
  /** The study's questionnaire (codebook, reference figures). */
  definition: QuestionnaireDefinition;
  /** Whether the study may be shown on the public dashboard. */
  public: boolean;
  /** Domain variables an agency is broken down by (see `declaredTables`). */
  agencyVariables: string[];
  /** The version of the counts the pattern was decided on (see `CellBases.version`). */
  version: string;
  /**
   * Why a cell of the declared set is hidden, or null when it is shown. A domain outside the
   * set (no respondents there) is hidden as `below-minimum`.
   */
  decisionOf: (
    question: string,
    variables: readonly string[],
    values: readonly string[],
  ) => SuppressionReason | null;
  /**
   * The unweighted base of a question in a domain (0 when the domain has no row). Internal:
   * the peer rule and respondent counts need bases of cells that are not shown.
   */
  baseOf: (question: string, variables: readonly string[], values: readonly string[]) => number;
  /** The minimum k of a question (sensitive or not). */
  minimumOf: (question: string) => number;
  /** The domains (values of each) of one declared breakdown, in report order; empty if not declared. */
  domainsOf: (variables: readonly string[]) => string[][];
  /**
   * Estimates the selected cells through the reports service and discloses them under the
   * set's decisions (a bound where the share of a shown sensitive cell is 0 or 1 on a small
   * base), from the counts the set was decided on. Selections of whole breakdowns leading the
   * list are estimated once per set and shared by every caller. Throws `StaleSetError` when those counts
   * are no longer held (the reports service read newer ones meanwhile): decide again.
   */
  cut: (selections: readonly CellSelection[]) => Promise<CutRows>;
  /** Agencies of the frame with their respondents n_h in the wave. */
  agencies: AgencyFieldwork[];
  respondents: number;
}

/** The counts changed between deciding a set and cutting rows from it: decide again. */
export class StaleSetError extends Error {
  constructor() {
    super('The counts changed since the disclosure pattern was decided');
  }
}

/** Disclosed rows of some selections, with the option counts of their domains (internal). */
interface EstimatedPart {
  rows: DisclosedRow[];
  indexes: IndexEstimateRow[];
  counts: Map<string, number>;
}

const reasonCodes: readonly (SuppressionReason | null)[] = [null, 'below-minimum', 'complementary'];

/**
 * Decides disclosure over the declared table set (`declaredTables`) of a wave from the
 * unweighted bases alone (the reports service's `cellBases`: no estimate is made), applying
 * `decideDisclosure` to all of it at once (nesting: agency within province within island
 * region, agency within its peer group). Minimum cell size and complementary suppression read
 * bases only; the one rule that reads a share (bounding a sensitive item's 0% or 100%,
 * `shareBound`) is applied to the rows a caller is shown, when `cut` estimates them. The answer
 * depends only on the stored responses and the study's settings, so every request (from any
 * agency, or the public) sees the same pattern; `cut` refuses rows from newer counts.
 *
 * @example
 * const set = await disclosedSet(db, reports, study, wave, 'id');
 * const { rows } = await set.cut([{ by: null }]); // national rows, disclosed
 */
export async function disclosedSet(
  db: Kysely<Database>,
  reports: ReportService,
  study: Study,
  wave: Wave,
  lang: Language,
): Promise<DisclosedSet> {
  const definition = await loadDefinition(db, study.questionnaireId, study.questionnaireVersion);
  const tables = declaredTables(definition);
  const { rules, public: isPublic } = await studyDisclosure(db, study);
  const bases = await reports.cellBases(study.id, { waveId: wave.id, by: tables.by, lang });
  const fieldwork = await reports.fieldwork(study.id, wave.id);
  const questionCount = bases.questions.length;
  const questionIndex = new Map(bases.questions.map((q, i) => [q, i]));
  const levelIndex = new Map<string, { breakdown: number; level: number }>();
  const cells: DisclosableRow[] = [];
  bases.breakdowns.forEach(({ variables, levels, bases: counts }, breakdown) => {
    levels.forEach((values, level) => {
      levelIndex.set(domainKey(variables, values), { breakdown, level });
      bases.questions.forEach((question, q) => {
        cells.push({
          question,
          domainVariables: variables,
          domainValues: values,
          nBase: counts[level * questionCount + q] as number,
          estimate: null,
        });
      });
    });
  });
  const decisions = decideDisclosure(cells, rules, tableNesting(fieldwork.agencies));
  const hidden = bases.breakdowns.map((b) => new Uint8Array(b.bases.length));
  let at = 0;
  for (const [breakdown, b] of bases.breakdowns.entries()) {
    for (let slot = 0; slot < b.bases.length; slot++) {
      const reason = (decisions[at++] as Disclosure).suppressed;
      (hidden[breakdown] as Uint8Array)[slot] = reasonCodes.indexOf(reason);
    }
  }
  const slotOf = (question: string, variables: readonly string[], values: readonly string[]) => {
    const q = questionIndex.get(question);
    const domain = levelIndex.get(domainKey(variables, values));
    if (q === undefined || domain === undefined) return undefined;
    return { breakdown: domain.breakdown, slot: domain.level * questionCount + q };
  };
  const decisionOf = (
    question: string,
    variables: readonly string[],
    values: readonly string[],
  ) => {
    const at = slotOf(question, variables, values);
    if (at === undefined) return 'below-minimum';
    return reasonCodes[(hidden[at.breakdown] as Uint8Array)[at.slot] as number] ?? null;
  };
  const minimumOf = (question: string) =>
    rules.sensitiveQuestions.has(question) ? rules.sensitiveMinimum : rules.minimum;
  /** Estimates selections from the counts the set was decided on and discloses the rows. */
  const estimate = async (selections: readonly CellSelection[]): Promise<EstimatedPart> => {
    const { version, rows, indexes } = await reports.cellRows(study.id, {
      waveId: wave.id,
      version: bases.version,
      lang,
      selections,
    });
    if (version !== bases.version) throw new StaleSetError();
    const counts = new Map<string, number>();
    const disclosed = rows.map((row) => {
      const key = domainKey(row.domainVariables, row.domainValues);
      counts.set(`${row.question}\u0000${row.option}\u0000${key}`, row.nOption);
      const suppressed = decisionOf(row.question, row.domainVariables, row.domainValues);
      return discloseRow(row, {
        suppressed,
        bound: suppressed === null ? shareBound(row, rules) : null,
      });
    });
    return { rows: disclosed, indexes, counts };
  };
  const shared = new Map<string, Promise<EstimatedPart>>();
  return {
    study,
    wave,
    definition,
    context: contextOf(bases, wave, lang),
    summary: {
      minimumCellSize: rules.minimum,
      sensitiveMinimumCellSize: rules.sensitiveMinimum,
      sensitiveQuestions: [...rules.sensitiveQuestions].sort(),
      minimumPeerAgencies,
      tables: tables.names,
    },
    public: isPublic,
    agencyVariables: tables.agencyVariables,
    version: bases.version,
    decisionOf,
    baseOf: (question, variables, values) => {
      const at = slotOf(question, variables, values);
      return at === undefined
        ? 0
        : ((bases.breakdowns[at.breakdown] as BreakdownCellBases).bases[at.slot] as number);
    },
    minimumOf,
    domainsOf: (variables) =>
      bases.breakdowns.find((b) => domainKey(b.variables, []) === domainKey(variables, []))
        ?.levels ?? [],
    async cut(selections) {
      // Selections of whole breakdowns (national rows, the nation by sex…) are the same for
      // every caller of the set: estimated once. Kept in order: only a leading run is shared.
      const firstOwn = selections.findIndex((selection) => selection.values !== undefined);
      const sharedCount = firstOwn < 0 ? selections.length : firstOwn;
      const parts = await Promise.all([
        ...selections.slice(0, sharedCount).map((selection) => {
          const key = JSON.stringify(selection);
          let part = shared.get(key);
          if (part === undefined) {
            part = estimate([selection]);
            shared.set(key, part);
            part.catch(() => shared.delete(key));
          }
          return part;
        }),
        ...(sharedCount < selections.length ? [estimate(selections.slice(sharedCount))] : []),
      ]);
      const counts = new Map<string, number>();
      const rows: DisclosedRow[] = [];
      const indexes: IndexEstimateRow[] = [];
      for (const part of parts) {
        rows.push(...part.rows);
        indexes.push(...part.indexes);
        for (const [key, n] of part.counts) counts.set(key, n);
      }
      return {
        rows,
        indexes,
        countOf: (question, option, variables, values) =>
          counts.get(`${question}\u0000${option}\u0000${domainKey(variables, values)}`) ?? 0,
      };
    },
    agencies: fieldwork.agencies,
    respondents: bases.respondents,
  };
}

/**
 * A report row under a disclosure decision: a hidden row keeps labels and reason only; a
 * bounded row keeps its base but not its share, SE or interval (they would give the 0 or 1
 * away).
 *
 * @example
 * discloseRow(row, { suppressed: 'below-minimum', bound: null }).cell; // { suppressed: 'below-minimum', figures: null }
 */
export function discloseRow(row: ReportRow, decision: Disclosure): DisclosedRow {
  return {
    question: row.question,
    questionLabel: row.questionLabel,
    option: row.option,
    optionLabel: row.optionLabel,
    domainVariables: row.domainVariables,
    domainValues: row.domainValues,
    domainLabels: row.domainLabels,
    cell: cellOf(row, decision),
  };
}

function cellOf(row: ReportRow, decision: Disclosure): DisclosedCell {
  if (decision.suppressed !== null) return { suppressed: decision.suppressed, figures: null };
  const bounded = decision.bound !== null;
  return {
    suppressed: null,
    figures: {
      nBase: row.nBase,
      nOption: bounded ? null : row.nOption,
      estimate: bounded ? null : row.estimate,
      se: bounded ? null : row.se,
      ciLow: bounded ? null : row.ciLow,
      ciHigh: bounded ? null : row.ciHigh,
      df: row.df,
      deff: bounded ? null : row.deff,
      nEff: bounded ? null : row.nEff,
      bound: decision.bound,
      lowReliability: row.flags.lowReliability,
    },
  };
}

/** A domain's key: its variables and values. */
export function domainKey(variables: readonly string[], values: readonly string[]): string {
  return `${variables.join('\u0001')}\u0000${values.join('\u0001')}`;
}

function contextOf(bases: CellBases, wave: Wave, lang: Language): ResultsContext {
  return {
    study: bases.study,
    wave: {
      id: wave.id,
      name: wave.name,
      status: wave.status,
      opensOn: wave.opensOn,
      closesOn: wave.closesOn,
    },
    lang,
    weighting: 'design',
    footnotes: bases.footnotes,
  };
}
