// Link-code route for respondents: which agency a coded agency link stands for, asked before filling.
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { AppError } from '../../errors.ts';
import { resolveLinkCode } from '../../services/links/link-codes.ts';
import { findAgency } from '../../storage/repositories/agencies.ts';
import { publicAgency } from './public-agency.ts';
import { withStudy } from './with-study.ts';

/**
 * `GET /:study/links/:code` → `200 { agency }` (its public fields) for a code of the study's
 * open wave; `404 LINK_NOT_FOUND` for a code never issued, another study's code, or any code
 * of a study without link codes; `409 WAVE_CLOSED` for a code of an earlier wave;
 * `404 STUDY_NOT_FOUND`. It only reads.
 *
 * @example
 * app.route('/api/studies', linkCodeRoutes(deps));
 */
export function linkCodeRoutes({ db }: AppDeps) {
  return new Hono().get('/:study/links/:code', withStudy(db), async (c) => {
    const study = c.get('study');
    if (!study.usesLinkCodes) {
      throw new AppError('LINK_NOT_FOUND', 'This study does not use link codes.');
    }
    const agencyCode = await resolveLinkCode(
      db,
      study.id,
      c.get('openWaveId'),
      c.req.param('code'),
    );
    const agency = await findAgency(db, agencyCode);
    // The foreign key makes this impossible short of a damaged database: a 500, not a 404.
    if (!agency) throw new Error(`Agency ${agencyCode} of a link code is missing`);
    return c.json({ agency: publicAgency(agency) });
  });
}
