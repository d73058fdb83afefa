// Disclosure control for estimates leaving the study team: small cells and their complements hidden, extreme shares of sensitive items bounded.

import {
  suppressCells,
  type SuppressionReason,
  type SuppressionRelation,
} from './cell-suppression.ts';
import type { ConfidenceInterval } from './proportion-intervals.ts';
import type { DomainLabel, EstimateFlags, ProportionEstimate } from './results.ts';

/** The study's disclosure rules (STATISTICS.md, "Disclosure control"). */
export interface DisclosureRules {
  /** Minimum unweighted base k of a shown cell; at least 5 (default of a study: 10). */
  minimum: number;
  /** A stricter k for sensitive items (experienced pressure, say); at least `minimum`. */
  sensitiveMinimum: number;
  /** Questions whose cells use `sensitiveMinimum` and whose extreme shares are bounded. */
  sensitiveQuestions: ReadonlySet<string>;
}

/**
 * A domain variable whose every value lies within one value of another shown variable
 * (province within island region): the parent's cell is the sum of its children's.
 */
export interface DomainNesting {
  variable: string;
  within: string;
  /** Parent value of each child value, e.g. `Jambi → Sumatera`. */
  parentOf: ReadonlyMap<string, string>;
}

/** What a reader may see of a share of a sensitive item that everyone (or no one) chose. */
export interface ShareBound {
  side: 'at-least' | 'at-most';
  /** 0.9 for "≥ 90%", 0.1 for "≤ 10%". */
  value: number;
}

/** An estimate as it may leave the study team: null where the number is withheld. */
export interface DisclosedEstimate extends DomainLabel {
  question: string;
  option: string;
  nBase: number | null;
  nOption: number | null;
  estimate: number | null;
  se: number | null;
  ci: ConfidenceInterval | null;
  df: number | null;
  deff: number | null;
  nEff: number | null;
  flags: EstimateFlags | null;
  /** Why the cell is hidden, or null when it is shown. */
  suppressed: SuppressionReason | null;
  /** Set instead of the estimate for a sensitive item's 0% or 100% on a small base. */
  bound: ShareBound | null;
}

/** Below this base, a sensitive item's 0% or 100% is shown as a bound (STATISTICS.md). */
const exactExtremeMinimumBase = 50;
const extremeBound = 0.1;
const absoluteMinimum = 5;

/**
 * Applies disclosure control to one declared set of tables, all at once, so that no answer
 * drawn from the set (and no two answers together) shows a cell whose unweighted base is below
 * k or lets one be recovered by subtraction.
 *
 * The rows hold every cell of the set, as `estimateProportions` returns them: national rows,
 * one-variable breakdowns and crosses. Each question is its own set of cells (bases differ with
 * item non-response). Relations follow from the rows: a cross `[a, b]` with values `[x, y]`
 * sums to the row `[a]` = `[x]` over `b` (respondents who left `b` blank are the relation's
 * unclassified group); a one-variable row sums to the national row; a nested variable
 * (province within island region) sums to its parent value. `suppressCells` then hides cells
 * below k and their complements. Shown rows of a sensitive item whose share is exactly 0 or 1
 * on a base under 50 carry a bound (≥ 90% / ≤ 10%) instead of the estimate.
 *
 * @throws on rules below the absolute minimum of 5, or a sensitive minimum below the minimum.
 * @example
 * const shown = discloseEstimates(rows, { minimum: 10, sensitiveMinimum: 15, sensitiveQuestions: new Set(['H2']) });
 */
export function discloseEstimates(
  rows: readonly ProportionEstimate[],
  rules: DisclosureRules,
  nesting: readonly DomainNesting[] = [],
): DisclosedEstimate[] {
  checkRules(rules);
  const byQuestion = new Map<string, ProportionEstimate[]>();
  for (const row of rows) {
    const list = byQuestion.get(row.question) ?? [];
    list.push(row);
    byQuestion.set(row.question, list);
  }
  const hidden = new Map<string, SuppressionReason>();
  for (const [question, questionRows] of byQuestion) {
    const minimum = rules.sensitiveQuestions.has(question) ? rules.sensitiveMinimum : rules.minimum;
    for (const [key, reason] of suppressQuestion(questionRows, minimum, nesting)) {
      hidden.set(`${question}\u0000${key}`, reason);
    }
  }
  return rows.map((row) => {
    const reason = hidden.get(`${row.question}\u0000${domainKey(row)}`) ?? null;
    if (reason !== null) return withheld(row, reason, null);
    const sensitive = rules.sensitiveQuestions.has(row.question);
    const extreme = row.estimate === 0 || row.estimate === 1;
    if (sensitive && extreme && row.nBase < exactExtremeMinimumBase) {
      const bound: ShareBound =
        row.estimate === 1
          ? { side: 'at-least', value: 1 - extremeBound }
          : { side: 'at-most', value: extremeBound };
      return { ...withheld(row, null, bound), nBase: row.nBase };
    }
    return shown(row);
  });
}

function checkRules(rules: DisclosureRules): void {
  if (!(rules.minimum >= absoluteMinimum)) {
    throw new Error(`The minimum cell size must be at least ${absoluteMinimum}`);
  }
  if (!(rules.sensitiveMinimum >= rules.minimum)) {
    throw new Error('The minimum for sensitive items must be at least the minimum');
  }
}

/** The key of a row's domain within its question: variables and values. */
function domainKey(label: DomainLabel): string {
  return `${label.domainVariables.join('\u0001')}\u0000${label.domainValues.join('\u0001')}`;
}

function keyOf(variables: readonly string[], values: readonly string[]): string {
  return domainKey({ domainVariables: variables, domainValues: values });
}

/** Hidden domains (by domain key) of one question's rows. */
function suppressQuestion(
  rows: readonly ProportionEstimate[],
  minimum: number,
  nesting: readonly DomainNesting[],
): Map<string, SuppressionReason> {
  const baseOf = new Map<string, number>();
  const labels = new Map<string, DomainLabel>();
  for (const row of rows) {
    const key = domainKey(row);
    baseOf.set(key, row.nBase);
    labels.set(key, row);
  }
  const groups = new Map<string, { total: string; members: string[] }>();
  const addMember = (total: string, breakdown: string, member: string) => {
    if (!baseOf.has(total)) return;
    const id = `${total}\u0002${breakdown}`;
    const group = groups.get(id) ?? { total, members: [] };
    group.members.push(member);
    groups.set(id, group);
  };
  for (const [key, label] of labels) {
    const vars = label.domainVariables;
    const values = label.domainValues;
    if (vars.length === 0) continue;
    // Breaking down by the last variable; for a cross, also by the first.
    addMember(keyOf(vars.slice(0, -1), values.slice(0, -1)), vars.at(-1) as string, key);
    if (vars.length === 2) addMember(keyOf(vars.slice(1), values.slice(1)), vars[0] as string, key);
    for (const nest of nesting) {
      const at = vars.indexOf(nest.variable);
      const parent = at < 0 ? undefined : nest.parentOf.get(values[at] as string);
      if (parent === undefined) continue;
      const parentVars = vars.map((v, i) => (i === at ? nest.within : v));
      const parentValues = values.map((v, i) => (i === at ? parent : v));
      addMember(keyOf(parentVars, parentValues), `${nest.variable}\u0003within`, key);
    }
  }
  const relations: SuppressionRelation[] = [...groups.values()].map(({ total, members }) => {
    const classified = members.reduce((sum, m) => sum + (baseOf.get(m) as number), 0);
    return {
      total,
      members,
      unclassified: Math.max(0, (baseOf.get(total) as number) - classified),
    };
  });
  const cells = [...baseOf].map(([id, n]) => ({ id, n, minimum }));
  return suppressCells(cells, relations);
}

function shown(row: ProportionEstimate): DisclosedEstimate {
  return {
    domainVariables: row.domainVariables,
    domainValues: row.domainValues,
    question: row.question,
    option: row.option,
    nBase: row.nBase,
    nOption: row.nOption,
    estimate: row.estimate,
    se: row.se,
    ci: row.ci,
    df: row.df,
    deff: row.deff,
    nEff: row.nEff,
    flags: row.flags,
    suppressed: null,
    bound: null,
  };
}

function withheld(
  row: ProportionEstimate,
  suppressed: SuppressionReason | null,
  bound: ShareBound | null,
): DisclosedEstimate {
  return {
    domainVariables: row.domainVariables,
    domainValues: row.domainValues,
    question: row.question,
    option: row.option,
    nBase: null,
    nOption: null,
    estimate: null,
    se: null,
    ci: null,
    df: null,
    deff: null,
    nEff: null,
    flags: null,
    suppressed,
    bound,
  };
}
