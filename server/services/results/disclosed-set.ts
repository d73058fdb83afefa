// Computes the declared table set of a wave and decides disclosure over all of it at once: the only source of agency and public figures.
import type { Kysely } from 'kysely';
import { decideDisclosure, type Disclosure } from '../../../analysis/decide-disclosure.ts';
import type { QuestionnaireDefinition } from '../../../surveys/types.ts';
import type { Database } from '../../storage/db/schema.ts';
import type { Study } from '../../storage/repositories/studies.ts';
import type { Wave } from '../../storage/repositories/waves.ts';
import { loadDefinition } from '../reports/load-report-input.ts';
import type { ReportService } from '../reports/report-service.ts';
import type { AgencyFieldwork, Language, Report, ReportRow } from '../reports/report-types.ts';
import { declaredTables, tableNesting } from './declared-tables.ts';
import { studyDisclosure } from './disclosure-settings.ts';
import type {
  DisclosedCell,
  DisclosedRow,
  DisclosureSummary,
  ResultsContext,
} from './results-types.ts';

/** Peer figures need at least this many other agencies with respondents (STATISTICS.md). */
export const minimumPeerAgencies = 3;

/** A wave's declared tables, every cell decided. Internal to the results layer: never sent as is. */
export interface DisclosedSet {
  study: Study;
  wave: Wave;
  context: ResultsContext;
  summary: DisclosureSummary;
  /** The study's questionnaire (codebook, reference figures). */
  definition: QuestionnaireDefinition;
  /** Whether the study may be shown on the public dashboard. */
  public: boolean;
  /** Every row of the declared set, in the report's order. */
  rows: DisclosedRow[];
  /**
   * The unweighted base of a question in a domain (0 when the domain has no row). Internal:
   * the peer rule and respondent counts need bases of cells that are not shown.
   */
  baseOf: (question: string, variables: readonly string[], values: readonly string[]) => number;
  /** Unweighted respondents choosing an option in a domain (0 when there is no row); internal. */
  countOf: (
    question: string,
    option: string,
    variables: readonly string[],
    values: readonly string[],
  ) => number;
  /** The minimum k of a question (sensitive or not). */
  minimumOf: (question: string) => number;
  /** Agencies of the frame with their respondents n_h in the wave. */
  agencies: AgencyFieldwork[];
  respondents: number;
}

/**
 * Runs the declared table set (`declaredTables`) under design weights through the reports
 * service and applies `decideDisclosure` to all of it at once (nesting: agency within province
 * within island region). A hidden row keeps its labels and reason and loses every number. The
 * answer depends only on the stored responses and the study's settings, so every request
 * (from any agency, or the public) sees the same pattern.
 *
 * @example
 * const set = await disclosedSet(db, reports, study, wave, 'id');
 * set.rows.filter((r) => r.cell.suppressed === null);
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
  const report = await reports.report(study.id, {
    waveId: wave.id,
    weighting: 'design',
    by: tables.by,
    lang,
  });
  const fieldwork = await reports.fieldwork(study.id, wave.id);
  const decisions = decideDisclosure(report.rows, rules, tableNesting(fieldwork.agencies));
  const rows = report.rows.map((row, i) => discloseRow(row, decisions[i] as Disclosure));
  const minimumOf = (question: string) =>
    rules.sensitiveQuestions.has(question) ? rules.sensitiveMinimum : rules.minimum;
  const bases = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const row of report.rows) {
    const domain = domainKey(row.domainVariables, row.domainValues);
    bases.set(`${row.question}\u0000${domain}`, row.nBase);
    counts.set(`${row.question}\u0000${row.option}\u0000${domain}`, row.nOption);
  }
  return {
    baseOf: (question, variables, values) =>
      bases.get(`${question}\u0000${domainKey(variables, values)}`) ?? 0,
    countOf: (question, option, variables, values) =>
      counts.get(`${question}\u0000${option}\u0000${domainKey(variables, values)}`) ?? 0,
    study,
    wave,
    definition,
    context: contextOf(report, wave, lang),
    summary: {
      minimumCellSize: rules.minimum,
      sensitiveMinimumCellSize: rules.sensitiveMinimum,
      sensitiveQuestions: [...rules.sensitiveQuestions].sort(),
      minimumPeerAgencies,
      tables: tables.names,
    },
    public: isPublic,
    rows,
    minimumOf,
    agencies: fieldwork.agencies,
    respondents: report.respondents,
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

function contextOf(report: Report, wave: Wave, lang: Language): ResultsContext {
  return {
    study: report.study,
    wave: {
      id: wave.id,
      name: wave.name,
      status: wave.status,
      opensOn: wave.opensOn,
      closesOn: wave.closesOn,
    },
    lang,
    weighting: 'design',
    footnotes: report.footnotes,
  };
}
