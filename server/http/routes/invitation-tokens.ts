// Invitation-token route for respondents: whether a personal invitation can still be used, asked before filling.
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { AppError } from '../../errors.ts';
import { findAgency } from '../../storage/repositories/agencies.ts';
import { findInvitationToken } from '../../storage/repositories/invitation-tokens.ts';
import { publicAgency } from './public-agency.ts';
import { withStudy } from './with-study.ts';

/**
 * `GET /:study/tokens/:token` → `200 { agency, status: 'unused' }` (the agency's public
 * fields), `404 TOKEN_NOT_FOUND` for a token never issued for this study, `409 TOKEN_USED`,
 * `404 STUDY_NOT_FOUND`. A study that takes agency links has no tokens, so every token of it
 * is `TOKEN_NOT_FOUND` (a 404 rather than a 400: to the respondent it is an unknown link).
 *
 * Read-only by design: it spends nothing and stores nothing, so asking never ties the token
 * to a response or to a moment in time (the submission alone spends the token).
 *
 * @example
 * app.route('/api/studies', invitationTokenRoutes(deps));
 */
export function invitationTokenRoutes({ db }: AppDeps) {
  return new Hono().get('/:study/tokens/:token', withStudy(db), async (c) => {
    const study = c.get('study');
    if (!study.usesTokens) {
      throw new AppError('TOKEN_NOT_FOUND', 'This study does not use invitation tokens.');
    }
    const token = await findInvitationToken(db, study.id, c.req.param('token'));
    // The same answer for a mistyped token and another study's, so neither can be probed for.
    if (!token) throw new AppError('TOKEN_NOT_FOUND', 'There is no such invitation in this study.');
    if (token.used) throw new AppError('TOKEN_USED', 'This invitation has already been used.');
    const agency = await findAgency(db, token.agencyCode);
    // The foreign key makes this impossible short of a damaged database: a 500, not a 404.
    if (!agency) throw new Error(`Agency ${token.agencyCode} of an invitation token is missing`);
    return c.json({ agency: publicAgency(agency), status: 'unused' as const });
  });
}
