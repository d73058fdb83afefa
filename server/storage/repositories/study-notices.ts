// The notice a study shows before its first question: who runs it and why, a contact, legal basis, retention, time, k.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';

const localized = z.object({ id: z.string().min(1).max(2000), en: z.string().min(1).max(2000) });

/**
 * What the study team tells respondents before they consent, in Indonesian and English. What
 * the platform itself records and withholds is the same for every study and is worded by the
 * page; this is what differs per study.
 */
export const studyNoticeSchema = z.object({
  /** Who runs the study, e.g. "Komisi Aparatur Sipil Negara (KASN)". */
  organizer: localized,
  /** Why: what the answers are for. */
  purpose: localized,
  /** Whom to ask, with the receipt code, about the study or one's own submission. */
  contact: z.object({
    name: localized,
    email: z.email().max(200),
    phone: z.string().min(3).max(40).optional(),
  }),
  /** The legal basis of the processing, e.g. UU No. 27 Tahun 2022 (personal data protection). */
  legalBasis: localized,
  /** How long the answers are kept, and what happens to them after. */
  retention: localized,
  /** Estimated minutes to complete. */
  estimatedMinutes: z.int().min(1).max(240),
  /**
   * The smallest group (k) whose figures an agency is shown: smaller groups are suppressed.
   * The reports' disclosure control must use the same k.
   */
  minimumGroupSize: z.int().min(5).max(1000),
});

export type StudyNotice = z.infer<typeof studyNoticeSchema>;

/**
 * Stores (or replaces) a study's notice. Throws a ZodError for a notice that does not fit
 * `studyNoticeSchema`; nothing is stored then.
 *
 * @example
 * await setStudyNotice(db, 'netralitas-asn-2021', notice);
 */
export async function setStudyNotice(
  db: Kysely<Database>,
  studyId: string,
  notice: StudyNotice,
): Promise<void> {
  const json = JSON.stringify(studyNoticeSchema.parse(notice));
  await db
    .insertInto('study_notices')
    .values({ study_id: studyId, notice: json })
    .onConflict((oc) => oc.column('study_id').doUpdateSet({ notice: json }))
    .execute();
}

/**
 * A study's notice, or undefined when the study team has not set one. A stored notice that no
 * longer fits the schema (edited by hand) is treated as absent rather than shown half-formed.
 *
 * @example
 * const notice = await findStudyNotice(db, 'netralitas-asn-2021');
 */
export async function findStudyNotice(
  db: Kysely<Database>,
  studyId: string,
): Promise<StudyNotice | undefined> {
  const row = await db
    .selectFrom('study_notices')
    .select('notice')
    .where('study_id', '=', studyId)
    .executeTakeFirst();
  if (!row) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(row.notice);
  } catch {
    return undefined;
  }
  const parsed = studyNoticeSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
