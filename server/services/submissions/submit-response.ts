// Stores one submission: checks the study, wave, agency or token and the answers, then inserts idempotently.
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/db/schema.ts';
import { AppError } from '../../errors.ts';
import { databaseErrorKind } from '../../storage/db/database-errors.ts';
import type { QuestionnaireRegistry } from '../questionnaires/questionnaire-registry.ts';
import { findInvitationToken } from '../../storage/repositories/invitation-tokens.ts';
import { resolveLinkCode } from '../links/link-codes.ts';
import { findPendingResponseStudy } from '../../storage/repositories/pending-responses.ts';
import { findResponseStudy, type NewResponse } from '../../storage/repositories/responses.ts';
import {
  findStudyWithOpenWave,
  findStudyWithOpenWaveAndAgency,
  type Study,
} from '../../storage/repositories/studies.ts';
import type { Submission } from './parse-submission.ts';
import type { StoreResponse } from './response-store.ts';

export interface SubmitDeps {
  db: Kysely<Database>;
  questionnaires: QuestionnaireRegistry;
  /** Writes the validated response; one per app, so concurrent submissions can share commits. */
  store: StoreResponse;
  /** Today's day (`YYYY-MM-DD`) in the study's calendar. */
  today: () => string;
  /** Told the study and agency of each newly stored response (not of retries); the burst monitor counts them. */
  onStored?: ((studyId: string, agencyCode: string) => void) | undefined;
}

/** What the first query found; `agencyExists` only when the submission names an agency. */
interface StudyLookup {
  study: Study;
  openWaveId: number | undefined;
  agencyExists?: boolean;
}

/**
 * Validates and stores a submission; resolves once the row is committed. A retry of a stored
 * response (same id, same study) resolves as the first call did, even after its wave closed
 * or its token was spent, and stores nothing. Every failure throws an AppError before any
 * write, or inside the transaction that rolls the write back.
 *
 * The happy path costs two queries with an agency (study with its open wave and the agency,
 * insert) and three with a token; whether the id is already stored is asked only when
 * something stands in the way.
 *
 * @example
 * await submitResponse(deps, 'netralitas-asn-2021', parseSubmission(body));
 */
export async function submitResponse(
  deps: SubmitDeps,
  studyId: string,
  submission: Submission,
): Promise<{ id: string }> {
  const found: StudyLookup | undefined =
    submission.agency === undefined
      ? await findStudyWithOpenWave(deps.db, studyId)
      : await findStudyWithOpenWaveAndAgency(deps.db, studyId, submission.agency);
  if (!found) throw new AppError('STUDY_NOT_FOUND', `There is no study "${studyId}".`);
  const { study, openWaveId } = found;
  checkAccessKind(study, submission);

  try {
    if (openWaveId === undefined) {
      throw new AppError('WAVE_CLOSED', 'This study is not accepting responses now.');
    }
    const stored = await storeNew(deps, study, openWaveId, submission, found.agencyExists === true);
    // Not stored: the id was (by an earlier attempt or a concurrent one), or the wave closed
    // since it was looked up (the insert checks it again).
    if (!stored && !(await isStoredFor(deps.db, submission.id, study))) {
      throw new AppError('WAVE_CLOSED', 'This study is not accepting responses now.');
    }
  } catch (error) {
    // A closed wave, a spent token… a retry of a stored response still gets its first answer.
    if (error instanceof AppError && (await isStoredFor(deps.db, submission.id, study))) {
      return { id: submission.id };
    }
    throw error;
  }
  return { id: submission.id };
}

/** Validates and inserts; false when the id was stored already (nothing written). */
async function storeNew(
  { db, questionnaires, store, today, onStored }: SubmitDeps,
  study: Study,
  waveId: number,
  submission: Submission,
  agencyExists: boolean,
): Promise<boolean> {
  const agencyCode = await resolveAgency(db, study, waveId, submission, agencyExists);
  const { compiled } = questionnaires.get(study.questionnaireId, study.questionnaireVersion);
  const problems = compiled.validate(submission.answers);
  if (problems.length > 0) {
    throw new AppError('INVALID_RESPONSE', 'Some answers do not fit the questionnaire.', problems);
  }

  const response: NewResponse = {
    clientId: submission.id,
    waveId,
    agencyCode,
    questionnaireId: study.questionnaireId,
    questionnaireVersion: study.questionnaireVersion,
    submittedOn: today(),
    answers: submission.answers,
  };
  const stored = await store(response, submission.token).catch((error: unknown) => {
    // The agency was removed from the frame after it was looked up (a frame upload racing).
    if (databaseErrorKind(error) === 'missing-reference') {
      throw new AppError('AGENCY_NOT_FOUND', `There is no agency "${agencyCode}".`);
    }
    throw error;
  });
  if (stored) onStored?.(study.id, agencyCode);
  return stored;
}

/**
 * Whether the id is stored for this study, pending or sealed; a stored id of another study
 * is a conflict. Pending is asked first: a seal moving the row in between still finds it.
 */
async function isStoredFor(db: Kysely<Database>, clientId: string, study: Study): Promise<boolean> {
  const storedStudy =
    (await findPendingResponseStudy(db, clientId)) ?? (await findResponseStudy(db, clientId));
  if (storedStudy === undefined) return false;
  if (storedStudy !== study.id) {
    throw new AppError(
      'RESPONSE_ID_CONFLICT',
      'This response id was already used for another study; generate a new one.',
    );
  }
  return true;
}

/** What a study takes instead of the others: an agency code, a token or a link code. */
const accessKey = (study: Study) =>
  study.usesTokens ? 'token' : study.usesLinkCodes ? 'link' : 'agency';

const accessMessages = {
  agency: 'This study takes submissions by agency link.',
  token: 'This study takes submissions by invitation token.',
  link: 'This study takes submissions by link code.',
} as const;

/** Refuses a submission that names the agency in a way the study does not take. */
function checkAccessKind(study: Study, submission: Submission): void {
  const key = accessKey(study);
  if (submission[key] === undefined) {
    throw new AppError('INVALID_REQUEST', accessMessages[key], [
      { field: key, problem: `required in this study (instead of ${otherKeys(key)})` },
    ]);
  }
}

function otherKeys(key: 'agency' | 'token' | 'link'): string {
  return (['agency', 'token', 'link'] as const).filter((k) => k !== key).join(' or ');
}

/** The agency the response counts for; `agencyExists` was looked up with the study. */
async function resolveAgency(
  db: Kysely<Database>,
  study: Study,
  waveId: number,
  submission: Submission,
  agencyExists: boolean,
): Promise<string> {
  if (submission.link !== undefined) {
    return resolveLinkCode(db, study.id, waveId, submission.link);
  }
  if (submission.token !== undefined) {
    const token = await findInvitationToken(db, study.id, submission.token);
    if (!token) throw new AppError('TOKEN_NOT_FOUND', 'This invitation token is not valid.');
    if (token.used) throw new AppError('TOKEN_USED', 'This invitation has already been used.');
    return token.agencyCode;
  }
  if (!agencyExists) {
    throw new AppError('AGENCY_NOT_FOUND', `There is no agency "${submission.agency}".`);
  }
  return submission.agency;
}
