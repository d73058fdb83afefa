// Derives a respondent's profile: the values of the questionnaire's domain variables, recoded.
import type { DomainVariable } from '../../../surveys/types.ts';

/** Domain variable (its question name) → reporting group, or null when not answered. */
export type ProfileValues = Record<string, string | null>;

/** A profile and the key that identifies it among the questionnaire's profiles. */
export interface RespondentProfile {
  key: string;
  values: ProfileValues;
}

/**
 * The profile of one answer set. Weights are constant within (agency, profile), so this is
 * all the respondent-level detail the analysis projection keeps.
 *
 * @example
 * respondentProfile([{ question: 'rank', label, recode: { 'III/a': 'III' } }], { rank: 'III/a' })
 * // { key: '[["rank","III"]]', values: { rank: 'III' } }
 */
export function respondentProfile(
  domainVariables: readonly DomainVariable[],
  answers: Record<string, unknown>,
): RespondentProfile {
  const entries = domainVariables.map((variable): [string, string | null] => {
    const raw = answers[variable.question];
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
      // Domain variables are single-choice questions; anything else is "not answered".
      return [variable.question, null];
    }
    const value = String(raw);
    return [variable.question, variable.recode?.[value] ?? value];
  });
  return { key: JSON.stringify(entries), values: Object.fromEntries(entries) };
}
