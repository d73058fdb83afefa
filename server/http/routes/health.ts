// The liveness and readiness probe: the process answers and the database answers a query.
import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppDeps } from '../app-deps.ts';
import { AppError } from '../../errors.ts';

/**
 * `GET /healthz` → `200 { status: 'ok' }` after a `SELECT 1` on the database, or
 * `503 SERVICE_UNAVAILABLE` when the database does not answer (pool exhausted, server down).
 * Load balancers and the crash test poll it; it reads nothing about studies or responses.
 *
 * @example
 * app.route('/healthz', healthRoutes(deps));
 */
export function healthRoutes({ db }: AppDeps) {
  return new Hono().get('/', async (c) => {
    try {
      await sql`select 1`.execute(db);
    } catch {
      throw new AppError('SERVICE_UNAVAILABLE', 'The database does not answer.');
    }
    return c.json({ status: 'ok' as const });
  });
}
