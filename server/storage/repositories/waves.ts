// Queries on waves: the fielding periods of a study, at most one of them open at a time.
import type { Kysely } from 'kysely';
import type { Database, WaveRow, WaveStatus } from '../db/schema.ts';

/** A fielding period of a study. Dates are days (`YYYY-MM-DD`); `status` decides acceptance. */
export interface Wave {
  id: number;
  studyId: string;
  name: string;
  status: WaveStatus;
  opensOn: string;
  closesOn: string | null;
}

export type NewWave = Omit<Wave, 'id'>;

function toWave(row: WaveRow): Wave {
  return {
    id: row.id,
    studyId: row.study_id,
    name: row.name,
    status: row.status,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
  };
}

/**
 * Stores a wave and returns it with its id. A second open wave of a study is refused by the
 * database (a unique partial index).
 *
 * @example
 * const wave = await createWave(db, { studyId: 's', name: '2021', status: 'open',
 *   opensOn: '2021-09-01', closesOn: null });
 */
export async function createWave(db: Kysely<Database>, wave: NewWave): Promise<Wave> {
  const row = await db
    .insertInto('waves')
    .values({
      study_id: wave.studyId,
      name: wave.name,
      status: wave.status,
      opens_on: wave.opensOn,
      closes_on: wave.closesOn,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toWave(row);
}

/**
 * The study's open wave, or undefined when none accepts responses.
 *
 * @example
 * const wave = await findOpenWave(db, 'netralitas-asn-2021');
 */
export async function findOpenWave(
  db: Kysely<Database>,
  studyId: string,
): Promise<Wave | undefined> {
  const row = await db
    .selectFrom('waves')
    .selectAll()
    .where('study_id', '=', studyId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return row && toWave(row);
}

/**
 * One wave by id, or undefined.
 *
 * @example
 * await findWave(db, 3);
 */
export async function findWave(db: Kysely<Database>, id: number): Promise<Wave | undefined> {
  const row = await db.selectFrom('waves').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toWave(row);
}

/**
 * A study's waves, oldest first.
 *
 * @example
 * const waves = await listWaves(db, 'netralitas-asn-2021');
 */
export async function listWaves(db: Kysely<Database>, studyId: string): Promise<Wave[]> {
  const rows = await db
    .selectFrom('waves')
    .selectAll()
    .where('study_id', '=', studyId)
    .orderBy('opens_on')
    .orderBy('id')
    .execute();
  return rows.map(toWave);
}

/**
 * Closes a wave on the given day; later submissions to the study are refused.
 *
 * @example
 * await closeWave(db, wave.id, '2021-10-31');
 */
export async function closeWave(db: Kysely<Database>, id: number, closesOn: string): Promise<void> {
  await db
    .updateTable('waves')
    .set({ status: 'closed', closes_on: closesOn })
    .where('id', '=', id)
    .execute();
}

/**
 * Opens a wave: submissions to its study go to it from now on. A second open wave of a study
 * is refused by the database (a unique partial index); check first.
 *
 * @example
 * await openWave(db, wave.id);
 */
export async function openWave(db: Kysely<Database>, id: number): Promise<void> {
  await db.updateTable('waves').set({ status: 'open' }).where('id', '=', id).execute();
}
