// Queries on agency link codes: one unguessable code per (wave, agency), issued once, looked up on each visit.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { chunks } from '../db/chunks.ts';
import type { Database } from '../db/schema.ts';

/** 128 random bits, 22 URL-safe characters. */
const codeBytes = 16;

/** Rows per multi-row insert: 3 parameters each. */
const chunkSize = 1000;

/** An agency's link code in a wave. */
export interface WaveLinkCode {
  code: string;
  waveId: number;
  agencyCode: string;
}

/**
 * Issues a code for each agency of `agencyCodes` that has none in the wave yet, and returns
 * the wave's codes for all of them (so issuing twice hands out the same links).
 *
 * @example
 * const codes = await issueWaveLinkCodes(db, wave.id, ['kab-sleman', 'kota-makassar']);
 * // [{ code: 'Vb2…', waveId: 3, agencyCode: 'kab-sleman' }, …]
 */
export async function issueWaveLinkCodes(
  db: Kysely<Database>,
  waveId: number,
  agencyCodes: readonly string[],
): Promise<WaveLinkCode[]> {
  const existing = new Map(
    (await listWaveLinkCodes(db, waveId)).map((link) => [link.agencyCode, link]),
  );
  const fresh = [...new Set(agencyCodes)]
    .filter((agencyCode) => !existing.has(agencyCode))
    .map((agencyCode) => ({
      code: randomBytes(codeBytes).toString('base64url'),
      wave_id: waveId,
      agency_code: agencyCode,
    }));
  for (const chunk of chunks(fresh, chunkSize)) {
    await db.insertInto('wave_link_codes').values(chunk).execute();
  }
  for (const row of fresh) {
    existing.set(row.agency_code, { code: row.code, waveId, agencyCode: row.agency_code });
  }
  return agencyCodes.flatMap((agencyCode) => existing.get(agencyCode) ?? []);
}

/**
 * The wave (with its study) and agency of a code, or undefined for a code never issued.
 *
 * @example
 * const link = await findWaveLinkCode(db, 'Vb2…');
 * // { code, waveId: 3, studyId: 'netralitas-asn-kode', agencyCode: 'kab-sleman' }
 */
export async function findWaveLinkCode(
  db: Kysely<Database>,
  code: string,
): Promise<(WaveLinkCode & { studyId: string }) | undefined> {
  const row = await db
    .selectFrom('wave_link_codes')
    .innerJoin('waves', 'waves.id', 'wave_link_codes.wave_id')
    .select([
      'wave_link_codes.code',
      'wave_link_codes.wave_id',
      'wave_link_codes.agency_code',
      'waves.study_id',
    ])
    .where('wave_link_codes.code', '=', code)
    .executeTakeFirst();
  return (
    row && {
      code: row.code,
      waveId: row.wave_id,
      studyId: row.study_id,
      agencyCode: row.agency_code,
    }
  );
}

/**
 * Every code of a wave, by agency code.
 *
 * @example
 * const links = await listWaveLinkCodes(db, wave.id);
 */
export async function listWaveLinkCodes(
  db: Kysely<Database>,
  waveId: number,
): Promise<WaveLinkCode[]> {
  const rows = await db
    .selectFrom('wave_link_codes')
    .select(['code', 'wave_id', 'agency_code'])
    .where('wave_id', '=', waveId)
    .orderBy('agency_code')
    .execute();
  return rows.map((row) => ({ code: row.code, waveId: row.wave_id, agencyCode: row.agency_code }));
}
