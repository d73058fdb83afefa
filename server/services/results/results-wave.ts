// Picks the study and wave an agency or public answer is about: the named study's or the latest released wave (closed, answered); an open wave is never shown.
import type { Kysely } from 'kysely';
import { AppError } from '../../errors.ts';
import type { Database } from '../../storage/db/schema.ts';
import { latestReleasedWave } from '../../storage/repositories/answered-waves.ts';
import { findStudy, listStudies, type Study } from '../../storage/repositories/studies.ts';
import { findOpenWave, findWave, type Wave } from '../../storage/repositories/waves.ts';
import { studyDisclosure } from './disclosure-settings.ts';

/** A study and the wave of it to show. */
export interface ResultsWave {
  study: Study;
  wave: Wave;
}

/**
 * The released wave to show: of study `studyId` when given, else of any study (only studies
 * the public may see with `publicOnly`), the most recently opened wave that is closed and has
 * responses. Results of an open wave are never shown to agencies or the public: they change
 * with each submission, and the difference between two looks is one respondent's answers
 * (temporal differencing, which no cell minimum prevents). A study the public may not see
 * answers `STUDY_NOT_FOUND` exactly like an unknown one. Throws `STUDY_NOT_FOUND`,
 * `RESULTS_NOT_RELEASED` (the study has no released wave yet; the message names the open
 * wave and its planned close) or `NOT_FOUND` (no study has released results).
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
    const released = await latestReleasedWave(db, [study.id]);
    const wave = released && (await findWave(db, released.waveId));
    if (!wave) throw new AppError('RESULTS_NOT_RELEASED', await notReleasedYet(db, study));
    return { study, wave };
  }
  let candidates: string[] | undefined;
  if (publicOnly) {
    candidates = [];
    for (const study of await listStudies(db)) {
      if ((await studyDisclosure(db, study)).public) candidates.push(study.id);
    }
  }
  const latest = await latestReleasedWave(db, candidates);
  const study = latest && (await findStudy(db, latest.studyId));
  const wave = latest && (await findWave(db, latest.waveId));
  if (!study || !wave) throw new AppError('NOT_FOUND', 'No study has released results yet.');
  return { study, wave };
}

/** Why a study shows nothing yet: its open wave (and planned close), or no answered wave. */
async function notReleasedYet(db: Kysely<Database>, study: Study): Promise<string> {
  const open = await findOpenWave(db, study.id);
  if (!open) return `Study "${study.id}" has no closed wave with responses yet.`;
  const until = open.closesOn === null ? '' : ` (planned to close on ${open.closesOn})`;
  return (
    `Results of study "${study.id}" are released when its wave "${open.name}" closes${until}; ` +
    'results of an open wave are not shown.'
  );
}
