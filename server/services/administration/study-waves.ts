// Studies and their waves, as an administrator sets them up: a study from a published questionnaire version, waves opened and closed.
import type { Kysely } from 'kysely';
import type { LocalizedText } from '../../../surveys/types.ts';
import { AppError } from '../../errors.ts';
import { inTransaction } from '../../storage/db/in-transaction.ts';
import type { Database } from '../../storage/db/schema.ts';
import { releasedWaveIds, waveHasResponses } from '../../storage/repositories/answered-waves.ts';
import {
  createStudy,
  findStudy,
  listStudies,
  type Study,
} from '../../storage/repositories/studies.ts';
import {
  closeWave,
  createWave,
  findOpenWave,
  findWave,
  listWaves,
  openWave,
  type Wave,
} from '../../storage/repositories/waves.ts';
import type { QuestionnaireRegistry } from '../questionnaires/questionnaire-registry.ts';
import { issueLinkCodesForOpenWave } from '../links/link-codes.ts';
import {
  listWaveLinkCodes,
  type WaveLinkCode,
} from '../../storage/repositories/wave-link-codes.ts';

/**
 * A wave as administration lists it: `released` when it is closed with responses, so agencies
 * and the public see its results and it can never open again.
 */
export interface ListedWave extends Wave {
  released: boolean;
}

/** A study with its waves, oldest first. */
export interface StudyWithWaves extends Study {
  waves: ListedWave[];
}

export interface NewStudy {
  id: string;
  questionnaire: { id: string; version: number };
  title: LocalizedText;
  /** Personal invitation tokens instead of agency links. */
  usesTokens: boolean;
  /** Agency links with an unguessable per-wave code instead of the agency's public code. */
  usesLinkCodes?: boolean;
}

/**
 * Creates a study on a published questionnaire version. Throws `QUESTIONNAIRE_NOT_FOUND` for
 * a version not published, `STUDY_EXISTS` for a taken id.
 *
 * @example
 * await createStudyFromVersion(db, questionnaires, { id: 'netralitas-2026',
 *   questionnaire: { id: 'netralitas-asn', version: 1 }, title, usesTokens: false });
 */
export async function createStudyFromVersion(
  db: Kysely<Database>,
  questionnaires: QuestionnaireRegistry,
  request: NewStudy,
): Promise<StudyWithWaves> {
  const { id, version } = request.questionnaire;
  if (!questionnaires.find(id, version)) {
    throw new AppError(
      'QUESTIONNAIRE_NOT_FOUND',
      `Questionnaire ${id} version ${version} is not published.`,
    );
  }
  const study: Study = {
    id: request.id,
    questionnaireId: id,
    questionnaireVersion: version,
    title: request.title,
    usesTokens: request.usesTokens,
    usesLinkCodes: request.usesLinkCodes ?? false,
  };
  await inTransaction(db, async (trx) => {
    if (await findStudy(trx, study.id)) {
      throw new AppError('STUDY_EXISTS', `There is already a study "${study.id}".`);
    }
    await createStudy(trx, study);
  });
  return { ...study, waves: [] };
}

/**
 * Every study with its waves.
 *
 * @example
 * const studies = await listStudiesWithWaves(db);
 */
export async function listStudiesWithWaves(db: Kysely<Database>): Promise<StudyWithWaves[]> {
  const studies = await listStudies(db);
  const released = await releasedWaveIds(db);
  return Promise.all(
    studies.map(async (s) => ({
      ...s,
      waves: (await listWaves(db, s.id)).map((w) => ({ ...w, released: released.has(w.id) })),
    })),
  );
}

/**
 * The study and one of its waves; `STUDY_NOT_FOUND`, or `WAVE_NOT_FOUND` also for a wave of
 * another study.
 *
 * @example
 * const { study, wave } = await findStudyWave(db, 'open-study', 3);
 */
export async function findStudyWave(
  db: Kysely<Database>,
  studyId: string,
  waveId: number,
): Promise<{ study: Study; wave: Wave }> {
  const study = await findStudy(db, studyId);
  if (!study) throw new AppError('STUDY_NOT_FOUND', `There is no study "${studyId}".`);
  const wave = await findWave(db, waveId);
  if (!wave || wave.studyId !== studyId) {
    throw new AppError('WAVE_NOT_FOUND', `Study "${studyId}" has no wave ${waveId}.`);
  }
  return { study, wave };
}

/**
 * Adds a wave to a study, not yet open (open it with `openStudyWave`). Dates are days
 * (`YYYY-MM-DD`); the planned close may be left open. Throws `STUDY_NOT_FOUND`, `WAVE_EXISTS`
 * for a name the study already has.
 *
 * @example
 * await addWave(db, 'open-study', { name: '2026', opensOn: '2026-09-01', closesOn: '2026-10-31' });
 */
export async function addWave(
  db: Kysely<Database>,
  studyId: string,
  wave: { name: string; opensOn: string; closesOn: string | null },
): Promise<Wave> {
  return inTransaction(db, async (trx) => {
    if (!(await findStudy(trx, studyId))) {
      throw new AppError('STUDY_NOT_FOUND', `There is no study "${studyId}".`);
    }
    if ((await listWaves(trx, studyId)).some((w) => w.name === wave.name)) {
      throw new AppError('WAVE_EXISTS', `Study "${studyId}" already has a wave "${wave.name}".`);
    }
    return createWave(trx, { studyId, status: 'closed', ...wave });
  });
}

/**
 * Opens a wave so the study accepts responses. One wave of a study is open at a time:
 * `WAVE_ALREADY_OPEN` while another is. Opening the open wave again is a no-op. A closed wave
 * that has responses is released (agencies and the public see its results) and never opens
 * again: `WAVE_RELEASED`. Reopening it would let the difference between its released results
 * and the next release single out the few who answered meanwhile; a new wave is the way on.
 *
 * @example
 * await openStudyWave(db, 'open-study', 3);
 */
export async function openStudyWave(
  db: Kysely<Database>,
  studyId: string,
  waveId: number,
): Promise<Wave> {
  return inTransaction(db, async (trx) => {
    const { study, wave } = await findStudyWave(trx, studyId, waveId);
    const open = await findOpenWave(trx, studyId);
    if (open && open.id !== wave.id) {
      throw new AppError(
        'WAVE_ALREADY_OPEN',
        `Wave "${open.name}" of study "${studyId}" is open; close it first.`,
      );
    }
    if (!open && (await waveHasResponses(trx, wave.id))) {
      throw new AppError(
        'WAVE_RELEASED',
        `Wave "${wave.name}" of study "${studyId}" is closed with responses and its results are ` +
          'released; it cannot open again. Add a new wave instead.',
      );
    }
    if (!open) await openWave(trx, wave.id);
    // Every agency gets this wave's own unguessable link; earlier waves' links stop working.
    if (study.usesLinkCodes) await issueLinkCodesForOpenWave(trx, studyId);
    return { ...wave, status: 'open' };
  });
}

/**
 * The coded agency links of a wave (empty for a study without link codes, or a wave never
 * opened). Throws `STUDY_NOT_FOUND` or `WAVE_NOT_FOUND`.
 *
 * @example
 * const links = await listStudyWaveLinkCodes(db, 'netralitas-asn-kode', 3);
 */
export async function listStudyWaveLinkCodes(
  db: Kysely<Database>,
  studyId: string,
  waveId: number,
): Promise<WaveLinkCode[]> {
  const { wave } = await findStudyWave(db, studyId, waveId);
  return listWaveLinkCodes(db, wave.id);
}

/**
 * Closes an open wave on `today` (early, if before its planned close); later submissions are
 * refused. `WAVE_CLOSED` when it is not open.
 *
 * @example
 * await closeStudyWave(db, 'open-study', 3, '2026-10-15');
 */
export async function closeStudyWave(
  db: Kysely<Database>,
  studyId: string,
  waveId: number,
  today: string,
): Promise<Wave> {
  return inTransaction(db, async (trx) => {
    const { wave } = await findStudyWave(trx, studyId, waveId);
    if (wave.status !== 'open')
      throw new AppError('WAVE_CLOSED', `Wave "${wave.name}" is not open.`);
    await closeWave(trx, wave.id, today);
    return { ...wave, status: 'closed', closesOn: today };
  });
}
