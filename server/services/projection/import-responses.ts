// Bulk-loads validated responses into a wave and folds them into the analysis counts in the same transaction.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { inTransaction } from '../../storage/db/in-transaction.ts';
import type { Database } from '../../storage/db/schema.ts';
import { AppError } from '../../errors.ts';
import type { QuestionnaireRegistry } from '../questionnaires/questionnaire-registry.ts';
import {
  insertMaterializedResponses,
  type NewResponse,
} from '../../storage/repositories/responses.ts';
import { findStudy } from '../../storage/repositories/studies.ts';
import { findWave } from '../../storage/repositories/waves.ts';
import { aggregateResponses } from './aggregate-responses.ts';
import { storeAggregate } from './store-aggregate.ts';

/** One response to import; the id defaults to a new UUID. */
export interface ImportedResponse {
  id?: string;
  agencyCode: string;
  answers: Record<string, unknown>;
  /** `YYYY-MM-DD`. */
  submittedOn: string;
}

/**
 * Validates every response against the wave's questionnaire version, then inserts them all
 * already materialized, with their counts, in one transaction: all or nothing. For loading
 * many responses (benchmarks, the demo); submissions from respondents use `submitResponse`.
 *
 * @example
 * await importResponses(db, questionnaires, wave.id, [
 *   { agencyCode: 'kab-sleman', answers, submittedOn: '2021-09-01' },
 * ]);
 */
export async function importResponses(
  db: Kysely<Database>,
  questionnaires: QuestionnaireRegistry,
  waveId: number,
  responses: readonly ImportedResponse[],
): Promise<number> {
  const wave = await findWave(db, waveId);
  if (!wave) throw new Error(`There is no wave ${waveId}`);
  const study = await findStudy(db, wave.studyId);
  if (!study) throw new Error(`Wave ${waveId} has no study`);
  const { compiled } = questionnaires.get(study.questionnaireId, study.questionnaireVersion);

  const rows: NewResponse[] = responses.map((r, index) => {
    const problems = compiled.validate(r.answers);
    if (problems.length > 0) {
      throw new AppError(
        'INVALID_RESPONSE',
        `Response ${index} does not fit the questionnaire; nothing was imported.`,
        problems,
      );
    }
    return {
      clientId: (r.id ?? randomUUID()).toLowerCase(),
      waveId,
      agencyCode: r.agencyCode,
      questionnaireId: study.questionnaireId,
      questionnaireVersion: study.questionnaireVersion,
      submittedOn: r.submittedOn,
      answers: r.answers,
    };
  });

  await inTransaction(db, async (trx) => {
    await insertMaterializedResponses(trx, rows);
    await storeAggregate(trx, aggregateResponses(rows, questionnaires));
  });
  return rows.length;
}
