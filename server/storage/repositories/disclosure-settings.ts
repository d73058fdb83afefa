// Queries on a study's stored disclosure settings: minimum cell sizes, sensitive items, public flag.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { toBoolean } from '../db/values.ts';

/** A study's stored disclosure settings (absent: the service's defaults apply). */
export interface StoredDisclosureSettings {
  studyId: string;
  minimumCellSize: number;
  sensitiveMinimumCellSize: number;
  sensitiveQuestions: string[];
  public: boolean;
}

/**
 * The stored settings of a study, or undefined when it has none.
 *
 * @example
 * const stored = await findDisclosureSettings(db, 'netralitas-asn-2021');
 */
export async function findDisclosureSettings(
  db: Kysely<Database>,
  studyId: string,
): Promise<StoredDisclosureSettings | undefined> {
  const row = await db
    .selectFrom('disclosure_settings')
    .selectAll()
    .where('study_id', '=', studyId)
    .executeTakeFirst();
  if (!row) return undefined;
  const questions: unknown = JSON.parse(row.sensitive_questions);
  return {
    studyId: row.study_id,
    minimumCellSize: row.minimum_cell_size,
    sensitiveMinimumCellSize: row.sensitive_minimum_cell_size,
    sensitiveQuestions: Array.isArray(questions) ? questions.map(String) : [],
    public: toBoolean(row.public),
  };
}

/**
 * Stores (or replaces) a study's settings. The table's checks refuse k < 5 and a sensitive k
 * below k.
 *
 * @example
 * await saveDisclosureSettings(db, { studyId: 's', minimumCellSize: 10, sensitiveMinimumCellSize: 15, sensitiveQuestions: ['H2'], public: true });
 */
export async function saveDisclosureSettings(
  db: Kysely<Database>,
  settings: StoredDisclosureSettings,
): Promise<void> {
  const values = {
    minimum_cell_size: settings.minimumCellSize,
    sensitive_minimum_cell_size: settings.sensitiveMinimumCellSize,
    sensitive_questions: JSON.stringify(settings.sensitiveQuestions),
    public: settings.public,
  };
  await db
    .insertInto('disclosure_settings')
    .values({ study_id: settings.studyId, ...values })
    .onConflict((oc) => oc.column('study_id').doUpdateSet(values))
    .execute();
}
