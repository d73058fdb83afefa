// Folds answer sets into per-(wave, agency, profile) counts in memory, ready to be added to the projection tables.
import type { PendingResponse } from '../../storage/repositories/pending-responses.ts';
import type { QuestionnaireRegistry } from '../questionnaires/questionnaire-registry.ts';
import { respondentProfile, type ProfileValues } from './respondent-profile.ts';

/** What aggregation needs of a response. */
export interface ProjectableResponse {
  waveId: number;
  agencyCode: string;
  questionnaireId: string;
  questionnaireVersion: number;
  answers: Record<string, unknown>;
}

/**
 * A pending response (answers as stored JSON text) as aggregation takes it.
 *
 * @example
 * aggregateResponses(pending.map(projectablePending), questionnaires);
 */
export function projectablePending(response: PendingResponse): ProjectableResponse {
  return {
    waveId: response.waveId,
    agencyCode: response.agencyCode,
    questionnaireId: response.questionnaireId,
    questionnaireVersion: response.questionnaireVersion,
    answers: JSON.parse(response.answers) as Record<string, unknown>,
  };
}

/** A profile met in a batch; `ref` names it until the database gives it an id. */
export interface PendingProfile {
  ref: string;
  questionnaireId: string;
  key: string;
  values: ProfileValues;
}

export interface PendingProfileCount {
  waveId: number;
  agencyCode: string;
  profileRef: string;
  respondents: number;
}

export interface PendingAnswerCount {
  waveId: number;
  agencyCode: string;
  profileRef: string;
  variable: string;
  /** `''` is the base of a multi-select variable: respondents who ticked anything. */
  option: string;
  count: number;
}

/** The counts of a batch of responses, to be added to what the tables already hold. */
export interface CountAggregate {
  profiles: PendingProfile[];
  profileCounts: PendingProfileCount[];
  answerCounts: PendingAnswerCount[];
}

/** The multi-select base row's option: no real option value is empty. */
export const multiSelectBaseOption = '';

/**
 * The counted variable holding a Likert index's per-respondent item total: its option is the
 * sum of the respondent's item values (`'27'` for nine items averaging 3), counted only for a
 * respondent who answered every item. Σ count · total / items and Σ count · (total / items)²
 * over a cell are then the score sums a design-based mean and its SE need (`ScoreCount`),
 * which the per-item counts cannot give (they lose which answers came together). The prefix
 * cannot occur in a question name.
 *
 * @example
 * indexTotalVariable('indeks_persepsi_netralitas'); // 'index:indeks_persepsi_netralitas'
 */
export function indexTotalVariable(indexId: string): string {
  return `index:${indexId}`;
}

/**
 * Counts respondents per (wave, agency, profile) and choices per (…, variable, option), using
 * each response's own questionnaire version to flatten its answers and derive its profile.
 *
 * @example
 * const aggregate = aggregateResponses(batch, questionnaires);
 */
export function aggregateResponses(
  responses: Iterable<ProjectableResponse>,
  questionnaires: QuestionnaireRegistry,
): CountAggregate {
  const profiles = new Map<string, PendingProfile>();
  const profileCounts = new Map<string, PendingProfileCount>();
  const answerCounts = new Map<string, PendingAnswerCount>();

  for (const response of responses) {
    const { definition, compiled } = questionnaires.get(
      response.questionnaireId,
      response.questionnaireVersion,
    );
    const profile = respondentProfile(definition.domainVariables, response.answers);
    const profileRef = JSON.stringify([response.questionnaireId, profile.key]);
    if (!profiles.has(profileRef)) {
      profiles.set(profileRef, {
        ref: profileRef,
        questionnaireId: response.questionnaireId,
        ...profile,
      });
    }
    const cell = JSON.stringify([response.waveId, response.agencyCode, profileRef]);
    const counted = profileCounts.get(cell);
    if (counted) counted.respondents += 1;
    else {
      profileCounts.set(cell, {
        waveId: response.waveId,
        agencyCode: response.agencyCode,
        profileRef,
        respondents: 1,
      });
    }

    // Keyed per response: a respondent counts once per option and once per multi-select base.
    const chosen = new Map<string, [variable: string, option: string]>();
    // NUL cannot occur in question names or option values, so it separates without escaping.
    const choose = (variable: string, option: string) =>
      chosen.set(`${variable}\u0000${option}`, [variable, option]);
    const answered = new Map<string, string>();
    for (const item of compiled.answerItems(response.answers)) {
      choose(item.variable, item.option);
      answered.set(item.variable, item.option);
      if (compiled.multiSelectVariables.has(item.variable)) {
        choose(item.variable, multiSelectBaseOption);
      }
    }
    for (const index of definition.likertIndexes ?? []) {
      const values = index.items.map((item) => Number(answered.get(item)));
      if (values.every((v) => Number.isInteger(v) && v >= index.scaleMin && v <= index.scaleMax)) {
        choose(indexTotalVariable(index.id), String(values.reduce((a, b) => a + b, 0)));
      }
    }
    for (const [pair, [variable, option]] of chosen) {
      const key = `${cell}\u0000${pair}`;
      const existing = answerCounts.get(key);
      if (existing) existing.count += 1;
      else {
        answerCounts.set(key, {
          waveId: response.waveId,
          agencyCode: response.agencyCode,
          profileRef,
          variable,
          option,
          count: 1,
        });
      }
    }
  }

  return {
    profiles: [...profiles.values()],
    profileCounts: [...profileCounts.values()],
    answerCounts: [...answerCounts.values()],
  };
}
