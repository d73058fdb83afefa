// Agency routes for respondent pages: the frame's agencies without their headcounts.
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { AppError } from '../../errors.ts';
import { findAgency, listAgencies } from '../../storage/repositories/agencies.ts';
import { publicAgency } from './public-agency.ts';

/**
 * `GET /` every agency, `GET /:code` one agency.
 *
 * @example
 * app.route('/api/agencies', agencyRoutes(deps));
 */
export function agencyRoutes({ db }: AppDeps) {
  return new Hono()
    .get('/', async (c) => c.json((await listAgencies(db)).map(publicAgency)))
    .get('/:code', async (c) => {
      const code = c.req.param('code');
      const agency = await findAgency(db, code);
      if (!agency) throw new AppError('AGENCY_NOT_FOUND', `There is no agency "${code}".`);
      return c.json(publicAgency(agency));
    });
}
