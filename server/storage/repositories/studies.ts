// Queries on studies: which questionnaire version they use, their titles, whether they use invitation tokens.
import { sql, type Kysely } from 'kysely';
import type { LocalizedText } from '../../../surveys/types.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import type { Database, StudyRow } from '../db/schema.ts';
import { toBoolean } from '../db/values.ts';

/** A study: one questionnaire version fielded in one or more waves. */
export interface Study {
  /** Slug used in links, e.g. `netralitas-asn-2021`. */
  id: string;
  questionnaireId: string;
  questionnaireVersion: number;
  title: LocalizedText;
  /** Respondents need a personal invitation token instead of an agency link. */
  usesTokens: boolean;
}

function toStudy(row: StudyRow): Study {
  return {
    id: row.id,
    questionnaireId: row.questionnaire_id,
    questionnaireVersion: row.questionnaire_version,
    title: { id: row.title_id, en: row.title_en },
    usesTokens: toBoolean(row.uses_tokens),
  };
}

/**
 * Stores a new study; its questionnaire version must be published first.
 *
 * @example
 * await createStudy(db, { id: 'netralitas-asn-2021', questionnaireId: 'netralitas-asn',
 *   questionnaireVersion: 1, title: { id: 'Survei…', en: 'Survey…' }, usesTokens: false });
 */
export async function createStudy(db: Kysely<Database>, study: Study): Promise<void> {
  await db
    .insertInto('studies')
    .values({
      id: study.id,
      questionnaire_id: study.questionnaireId,
      questionnaire_version: study.questionnaireVersion,
      title_id: study.title.id,
      title_en: study.title.en,
      uses_tokens: study.usesTokens,
    })
    .execute();
}

/**
 * One study by id, or undefined.
 *
 * @example
 * await findStudy(db, 'netralitas-asn-2021');
 */
export async function findStudy(db: Kysely<Database>, id: string): Promise<Study | undefined> {
  const row = await db.selectFrom('studies').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toStudy(row);
}

// Literal, as in the partial index `waves_one_open_per_study`: with a bound value SQLite
// prepares the statement again on every run to check the index still applies.
const isOpenWave = sql<boolean>`waves.status = 'open'`;

/**
 * A study and the id of its open wave (undefined when none is open), in one query: the first
 * lookup of every submission.
 *
 * @example
 * const found = await findStudyWithOpenWave(db, 'netralitas-asn-2021');
 * if (found?.openWaveId === undefined) throw …;
 */
export async function findStudyWithOpenWave(
  db: Kysely<Database>,
  id: string,
): Promise<{ study: Study; openWaveId: number | undefined } | undefined> {
  const [row] = (await studyWithOpenWave(db, id)).rows;
  if (!row) return undefined;
  const { open_wave_id, ...study } = row;
  return { study: toStudy(study), openWaveId: open_wave_id ?? undefined };
}

const studyWithOpenWave = preparedQuery((db: Kysely<Database>, id: string) =>
  db
    .selectFrom('studies')
    .leftJoin('waves', (join) => join.onRef('waves.study_id', '=', 'studies.id').on(isOpenWave))
    .selectAll('studies')
    .select('waves.id as open_wave_id')
    .where('studies.id', '=', id),
);

/**
 * `findStudyWithOpenWave` and whether an agency exists, in one query: an agency-link
 * submission then needs no other lookup before its insert.
 *
 * @example
 * const found = await findStudyWithOpenWaveAndAgency(db, 'netralitas-asn-2021', 'kab-sleman');
 * if (found && !found.agencyExists) throw …;
 */
export async function findStudyWithOpenWaveAndAgency(
  db: Kysely<Database>,
  id: string,
  agencyCode: string,
): Promise<{ study: Study; openWaveId: number | undefined; agencyExists: boolean } | undefined> {
  const [row] = (await studyWithOpenWaveAndAgency(db, agencyCode, id)).rows;
  if (!row) return undefined;
  const { open_wave_id, agency_code, ...study } = row;
  return {
    study: toStudy(study),
    openWaveId: open_wave_id ?? undefined,
    agencyExists: agency_code !== null,
  };
}

const studyWithOpenWaveAndAgency = preparedQuery(
  (db: Kysely<Database>, agencyCode: string, id: string) =>
    db
      .selectFrom('studies')
      .leftJoin('waves', (join) => join.onRef('waves.study_id', '=', 'studies.id').on(isOpenWave))
      // At most one row on each side: the study by key, its one open wave, the agency by key.
      .leftJoin('agencies', (join) => join.on('agencies.code', '=', agencyCode))
      .selectAll('studies')
      .select(['waves.id as open_wave_id', 'agencies.code as agency_code'])
      .where('studies.id', '=', id),
);

/**
 * Studies that have an open wave, by id.
 *
 * @example
 * const open = await listOpenStudies(db);
 */
export async function listOpenStudies(db: Kysely<Database>): Promise<Study[]> {
  const rows = await db
    .selectFrom('studies')
    .selectAll('studies')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('waves')
          .select('waves.id')
          .whereRef('waves.study_id', '=', 'studies.id')
          .where('waves.status', '=', 'open'),
      ),
    )
    .orderBy('studies.id')
    .execute();
  return rows.map(toStudy);
}

/**
 * Whether any study exists, i.e. whether the database was set up already.
 *
 * @example
 * if (!(await hasStudies(db))) await seedDemo(…);
 */
export async function hasStudies(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('studies').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * Every study, by id.
 *
 * @example
 * const studies = await listStudies(db);
 */
export async function listStudies(db: Kysely<Database>): Promise<Study[]> {
  const rows = await db.selectFrom('studies').selectAll().orderBy('id').execute();
  return rows.map(toStudy);
}
