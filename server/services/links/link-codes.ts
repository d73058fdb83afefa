// Agency links with per-wave codes: issue them for a study's open wave, and resolve a presented code to its agency.
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/db/schema.ts';
import { AppError } from '../../errors.ts';
import { listAgencies } from '../../storage/repositories/agencies.ts';
import { findOpenWave } from '../../storage/repositories/waves.ts';
import {
  findWaveLinkCode,
  issueWaveLinkCodes,
  type WaveLinkCode,
} from '../../storage/repositories/wave-link-codes.ts';

/**
 * Issues (or returns the already issued) link codes of the study's open wave, for the given
 * agencies or, by default, every agency of the frame. The link of each is
 * `/s/<study>/l/<code>`. Throws when the study has no open wave.
 *
 * @example
 * const links = await issueLinkCodesForOpenWave(db, 'netralitas-asn-kode', ['kab-sleman']);
 */
export async function issueLinkCodesForOpenWave(
  db: Kysely<Database>,
  studyId: string,
  agencyCodes?: readonly string[],
): Promise<WaveLinkCode[]> {
  const wave = await findOpenWave(db, studyId);
  if (!wave) throw new Error(`Study ${studyId} has no open wave to issue link codes for`);
  const agencies = agencyCodes ?? (await listAgencies(db)).map((agency) => agency.code);
  return issueWaveLinkCodes(db, wave.id, agencies);
}

/**
 * The agency a link code stands for in `studyId`, whose open wave is `openWaveId` (undefined
 * when none is open). A code never issued, or issued for another study, is `404
 * LINK_NOT_FOUND`, the same answer for both so that codes cannot be probed across studies;
 * a code of this study's earlier wave is `409 WAVE_CLOSED` (each wave has new links).
 *
 * @example
 * const agencyCode = await resolveLinkCode(db, 'netralitas-asn-kode', 7, 'Vb2…'); // 'kab-sleman'
 */
export async function resolveLinkCode(
  db: Kysely<Database>,
  studyId: string,
  openWaveId: number | undefined,
  code: string,
): Promise<string> {
  const link = await findWaveLinkCode(db, code);
  if (!link || link.studyId !== studyId) {
    throw new AppError('LINK_NOT_FOUND', 'There is no such link in this study.');
  }
  if (link.waveId !== openWaveId) {
    throw new AppError('WAVE_CLOSED', 'This link belongs to a wave that has closed.');
  }
  return link.agencyCode;
}
