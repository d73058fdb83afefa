// Picks the wave a report or download is about: the one asked for (it must belong to the study) or the study's latest.
import type { Kysely } from 'kysely';
import { AppError } from '../../errors.ts';
import type { Database } from '../../storage/db/schema.ts';
import { listWaves, type Wave } from '../../storage/repositories/waves.ts';

/**
 * The wave `waveId` of the study, or its latest wave (last opened) when no id is given.
 * Throws `WAVE_NOT_FOUND` when the study has no such wave (or no wave at all).
 *
 * @example
 * const wave = await findReportWave(db, 'netralitas-asn-2021', undefined);
 */
export async function findReportWave(
  db: Kysely<Database>,
  studyId: string,
  waveId: number | undefined,
): Promise<Wave> {
  const waves = await listWaves(db, studyId);
  const wave = waveId === undefined ? waves.at(-1) : waves.find((w) => w.id === waveId);
  if (!wave) {
    throw new AppError(
      'WAVE_NOT_FOUND',
      waveId === undefined
        ? `Study "${studyId}" has no waves.`
        : `Study "${studyId}" has no wave ${waveId}.`,
    );
  }
  return wave;
}
