// Disclosure control for estimates leaving the study team: small cells and their complements hidden, extreme shares of sensitive items bounded.

import {
  suppressCells,
  type SuppressionReason,
  type SuppressionRelation,
} from './cell-suppression.ts';
import type { DomainLabel } from './results.ts';

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
  /** The parent variable, or the variables of a cross (an agency within its `type × islandRegion` peer group). */
  within: string | readonly string[];
  /** Parent value (or values, one per variable of `within`) of each child value, e.g. `Jambi → Sumatera`. */
  parentOf: ReadonlyMap<string, string | readonly string[]>;
}

/** What a reader may see of a share of a sensitive item that everyone (or no one) chose. */
export interface ShareBound {
  side: 'at-least' | 'at-most';
  /** 0.9 for "≥ 90%", 0.1 for "≤ 10%". */
  value: number;
}

/** What disclosure control decided for one row. */
export interface Disclosure {
  /** Why the cell is hidden (every number of the row withheld), or null when it is shown. */
  suppressed: SuppressionReason | null;
  /** For a shown row of a sensitive item at 0% or 100% on a small base: show this bound, not the share. */
  bound: ShareBound | null;
}

/** What disclosure control reads of a row: its question, domain, unweighted base and share. */
export interface DisclosableRow extends DomainLabel {
  question: string;
  nBase: number;
  estimate: number | null;
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
 * The rows hold every cell of the set (estimate rows as the reports give them): national rows,
 * one-variable breakdowns and crosses. Each question is its own set of cells (bases differ with
 * item non-response). Relations follow from the rows: a cross `[a, b]` with values `[x, y]`
 * sums to the row `[a]` = `[x]` over `b` (respondents who left `b` blank are the relation's
 * unclassified group); a one-variable row sums to the national row; a nested variable
 * (province within island region) sums to its parent value, and a variable may nest within a
 * cross (an agency within its agency type × island region peer group). `suppressCells` then hides cells
 * below k and their complements. Shown rows of a sensitive item whose share is exactly 0 or 1
 * on a base under 50 get a bound (≥ 90% / ≤ 10%) to show instead of the estimate. A hidden
 * row's every number (base, count, share, SE, interval) must be withheld by the caller.
 *
 * @returns one decision per row, in the order of `rows`.
 *
 * @throws on rules below the absolute minimum of 5, or a sensitive minimum below the minimum.
 * @example
 * const decisions = decideDisclosure(rows, { minimum: 10, sensitiveMinimum: 15, sensitiveQuestions: new Set(['H2']) });
 */
export function decideDisclosure(
  rows: readonly DisclosableRow[],
  rules: DisclosureRules,
  nesting: readonly DomainNesting[] = [],
): Disclosure[] {
  checkRules(rules);
  const byQuestion = new Map<string, DisclosableRow[]>();
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
    const suppressed = hidden.get(`${row.question}\u0000${domainKey(row)}`) ?? null;
    return { suppressed, bound: suppressed === null ? shareBound(row, rules) : null };
  });
}

/**
 * The bound to show instead of a shown row's share: for a sensitive item whose share is
 * exactly 0 or 1 on a base under 50, "≤ 10%" or "≥ 90%"; otherwise null (show the share).
 * The rule `decideDisclosure` applies to shown rows, for a caller that decided suppression
 * on bases alone and estimates only the rows it shows.
 *
 * @example
 * shareBound({ question: 'H2', nBase: 24, estimate: 1 }, rules); // { side: 'at-least', value: 0.9 }
 */
export function shareBound(
  row: { question: string; nBase: number; estimate: number | null },
  rules: DisclosureRules,
): ShareBound | null {
  const sensitive = rules.sensitiveQuestions.has(row.question);
  const extreme = row.estimate === 0 || row.estimate === 1;
  if (!sensitive || !extreme || row.nBase >= exactExtremeMinimumBase) return null;
  return row.estimate === 1
    ? { side: 'at-least', value: 1 - extremeBound }
    : { side: 'at-most', value: extremeBound };
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
  rows: readonly DisclosableRow[],
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
      const within = typeof nest.within === 'string' ? [nest.within] : [...nest.within];
      const parentOfValue = typeof parent === 'string' ? [parent] : [...parent];
      const parentVars = [...vars.slice(0, at), ...within, ...vars.slice(at + 1)];
      const parentValues = [...values.slice(0, at), ...parentOfValue, ...values.slice(at + 1)];
      addMember(
        keyOf(parentVars, parentValues),
        `${nest.variable}\u0003within\u0003${within.join('\u0001')}`,
        key,
      );
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
