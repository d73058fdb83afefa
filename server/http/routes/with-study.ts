// Route middleware that loads the study named by the `:study` path parameter, or refuses with STUDY_NOT_FOUND.
import type { Kysely } from 'kysely';
import { createMiddleware } from 'hono/factory';
import type { Database } from '../../storage/db/schema.ts';
import { AppError } from '../../errors.ts';
import { findStudyWithOpenWave, type Study } from '../../storage/repositories/studies.ts';

/** What `withStudy` hands to the handler through `c.get()`. */
export interface StudyVariables {
  study: Study;
  /** The id of the study's open wave; undefined while no wave accepts responses. */
  openWaveId: number | undefined;
}

/**
 * Looks up the `:study` of the route once (with its open wave, in the same query), so
 * handlers neither repeat the lookup nor the 404.
 *
 * @example
 * new Hono().get('/:study', withStudy(db), (c) => c.json(c.get('study')));
 */
export function withStudy(db: Kysely<Database>) {
  return createMiddleware<{ Variables: StudyVariables }>(async (c, next) => {
    const id = c.req.param('study') ?? '';
    const found = await findStudyWithOpenWave(db, id);
    if (!found) throw new AppError('STUDY_NOT_FOUND', `There is no study "${id}".`);
    c.set('study', found.study);
    c.set('openWaveId', found.openWaveId);
    await next();
  });
}
