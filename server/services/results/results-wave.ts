// Picks the study and wave an agency or public answer is about: the one named (checked) or the latest with responses.
import type { Kysely } from 'kysely';
import { AppError } from '../../errors.ts';
import type { Database } from '../../storage/db/schema.ts';
import { latestAnsweredWave } from '../../storage/repositories/answered-waves.ts';
import { findStudy, listStudies, type Study } from '../../storage/repositories/studies.ts';
import { findOpenWave, findWave, listWaves, type Wave } from '../../storage/repositories/waves.ts';
import { studyDisclosure } from './disclosure-settings.ts';

/** A study and the wave of it to show. */
export interface ResultsWave {
  study: Study;
  wave: Wave;
}

/**
 * The study `studyId` (its open wave, else its latest) or, without one, the most recent wave
 * with responses. With `publicOnly`, only studies the public may see count: another study
 * answers `STUDY_NOT_FOUND` exactly like an unknown one. Throws `STUDY_NOT_FOUND` or
 * `NOT_FOUND` (a study without waves; no study with responses).
 *
 * @example
 * const { study, wave } = await resultsWave(db, undefined, { publicOnly: false });
 */
export async function resultsWave(
  db: Kysely<Database>,
  studyId: string | undefined,
  { publicOnly }: { publicOnly: boolean },
): Promise<ResultsWave> {
  if (studyId !== undefined) {
    const study = await findStudy(db, studyId);
    if (!study || (publicOnly && !(await studyDisclosure(db, study)).public)) {
      throw new AppError('STUDY_NOT_FOUND', `There is no study "${studyId}".`);
    }
    const wave = (await findOpenWave(db, study.id)) ?? (await listWaves(db, study.id)).at(-1);
    if (!wave) throw new AppError('WAVE_NOT_FOUND', `Study "${studyId}" has no waves.`);
    return { study, wave };
  }
  let candidates: string[] | undefined;
  if (publicOnly) {
    candidates = [];
    for (const study of await listStudies(db)) {
      if ((await studyDisclosure(db, study)).public) candidates.push(study.id);
    }
  }
  const latest = await latestAnsweredWave(db, candidates);
  const study = latest && (await findStudy(db, latest.studyId));
  const wave = latest && (await findWave(db, latest.waveId));
  if (!study || !wave) throw new AppError('NOT_FOUND', 'No study has responses yet.');
  return { study, wave };
}
