// The analysis counts of pending responses, keyed by profile key; emptied when their batch is sealed into the permanent counts.
import type { Kysely } from 'kysely';
import { chunks } from '../db/chunks.ts';
import { compareText } from '../db/compare-text.ts';
import type { Database } from '../db/schema.ts';

/** Respondents of pending responses to add to a (wave, agency, profile) cell. */
export interface PendingProfileIncrement {
  waveId: number;
  agencyCode: string;
  questionnaireId: string;
  /** Canonical profile key, as `profiles.key`. */
  profileKey: string;
  values: Record<string, string | null>;
  respondents: number;
}

/** Choices of pending responses to add to a (wave, agency, profile, variable, option) cell. */
export interface PendingAnswerIncrement {
  waveId: number;
  agencyCode: string;
  questionnaireId: string;
  profileKey: string;
  variable: string;
  option: string;
  count: number;
}

/** A wave's pending counts as stored. */
export interface PendingCells {
  profiles: PendingProfileIncrement[];
  answers: PendingAnswerIncrement[];
}

const chunkSize = 500;

/**
 * Adds pending counts, creating cells as needed. No profile id is handed out here: a
 * permanent profile created before sealing would date the response that brought it.
 *
 * @example
 * await addPendingCounts(trx, profiles, answers);
 */
export async function addPendingCounts(
  db: Kysely<Database>,
  profiles: readonly PendingProfileIncrement[],
  answers: readonly PendingAnswerIncrement[],
): Promise<void> {
  // Key order, so concurrent PostgreSQL upserts lock rows in the same order (no deadlock).
  const byKey = <T extends PendingAnswerIncrement | PendingProfileIncrement>(a: T, b: T) =>
    a.waveId - b.waveId ||
    compareText(a.agencyCode, b.agencyCode) ||
    compareText(a.questionnaireId, b.questionnaireId) ||
    compareText(a.profileKey, b.profileKey);
  for (const chunk of chunks([...profiles].sort(byKey), chunkSize)) {
    await db
      .insertInto('pending_profile_counts')
      .values(
        chunk.map((p) => ({
          wave_id: p.waveId,
          agency_code: p.agencyCode,
          questionnaire_id: p.questionnaireId,
          profile_key: p.profileKey,
          values_json: JSON.stringify(p.values),
          respondents: p.respondents,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['wave_id', 'agency_code', 'questionnaire_id', 'profile_key'])
          .doUpdateSet((eb) => ({
            respondents: eb(
              'pending_profile_counts.respondents',
              '+',
              eb.ref('excluded.respondents'),
            ),
          })),
      )
      .execute();
  }
  const answerOrder = (a: PendingAnswerIncrement, b: PendingAnswerIncrement) =>
    byKey(a, b) || compareText(a.variable, b.variable) || compareText(a.option, b.option);
  for (const chunk of chunks([...answers].sort(answerOrder), chunkSize)) {
    await db
      .insertInto('pending_answer_counts')
      .values(
        chunk.map((a) => ({
          wave_id: a.waveId,
          agency_code: a.agencyCode,
          questionnaire_id: a.questionnaireId,
          profile_key: a.profileKey,
          variable: a.variable,
          option: a.option,
          count: a.count,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns([
            'wave_id',
            'agency_code',
            'questionnaire_id',
            'profile_key',
            'variable',
            'option',
          ])
          .doUpdateSet((eb) => ({
            count: eb('pending_answer_counts.count', '+', eb.ref('excluded.count')),
          })),
      )
      .execute();
  }
}

/**
 * Empties the pending counts; the sealing transaction calls it after adding its batch to
 * the permanent counts.
 *
 * @example
 * await clearPendingCounts(trx);
 */
export async function clearPendingCounts(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('pending_answer_counts').execute();
  await db.deleteFrom('pending_profile_counts').execute();
}

/**
 * A wave's pending counts (small: at most what arrived since the last seal).
 *
 * @example
 * const { profiles, answers } = await readPendingCells(db, wave.id);
 */
export async function readPendingCells(
  db: Kysely<Database>,
  waveId: number,
): Promise<PendingCells> {
  const profileRows = await db
    .selectFrom('pending_profile_counts')
    .selectAll()
    .where('wave_id', '=', waveId)
    .where('respondents', '>', 0)
    .execute();
  const answerRows = await db
    .selectFrom('pending_answer_counts')
    .selectAll()
    .where('wave_id', '=', waveId)
    .where('count', '>', 0)
    .execute();
  return {
    profiles: profileRows.map((r) => ({
      waveId: r.wave_id,
      agencyCode: r.agency_code,
      questionnaireId: r.questionnaire_id,
      profileKey: r.profile_key,
      values: JSON.parse(r.values_json) as Record<string, string | null>,
      respondents: r.respondents,
    })),
    answers: answerRows.map((r) => ({
      waveId: r.wave_id,
      agencyCode: r.agency_code,
      questionnaireId: r.questionnaire_id,
      profileKey: r.profile_key,
      variable: r.variable,
      option: r.option,
      count: r.count,
    })),
  };
}
