// Sign-in and sign-out: a key exchanged for a signed, httpOnly, SameSite=Strict session cookie stored server-side.
import { Hono } from 'hono';
import { deleteCookie, setSignedCookie } from 'hono/cookie';
import { z } from 'zod';
import { defaultSessionHours, defaultSignInAttempts } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { authenticateKey, maximumKeyLength } from '../../services/auth/access-keys.ts';
import { createSession, deleteSession } from '../../services/auth/sessions.ts';
import type { AppDeps } from '../app-deps.ts';
import { authenticate, requireRole, sessionCookie } from '../middleware/auth.ts';
import { servedOverHttps } from '../own-origin.ts';
import { signInRateLimit } from '../middleware/sign-in-rate-limit.ts';
import { validate } from '../middleware/validate.ts';

const signInBody = z.strictObject({ key: z.string().min(1).max(maximumKeyLength) });

/**
 * `POST /` with `{ key }` → `200 { role, agency }` and the session cookie; a wrong or revoked
 * key → `401 UNAUTHORIZED` (no reason given), too many failures → `429`. `GET /` → the
 * signed-in caller's `{ role, agency }` or 401. `DELETE /` signs out: the session is deleted
 * server-side and the cookie cleared (`204`). A sign-in posted from another origin is refused
 * (403): a foreign page must not sign a visitor into someone else's session.
 *
 * @example
 * app.route('/api/session', sessionRoutes(deps));
 */
export function sessionRoutes(deps: AppDeps & { sessionSecret: string }) {
  const { db, config, sessionSecret, now = () => new Date() } = deps;
  const ttlMs = (config.sessionHours ?? defaultSessionHours) * 3_600_000;
  const publicOrigin = config.edge?.publicOrigin;
  const auth = authenticate({ db, sessionSecret, now, publicOrigin });
  const limit = signInRateLimit({
    attempts: config.signInAttempts ?? defaultSignInAttempts,
    clientAddressHeader: config.edge?.clientAddressHeader,
  });

  return new Hono()
    .post('/', limit, validate('json', signInBody), async (c) => {
      const principal = await authenticateKey(db, c.req.valid('json').key);
      if (!principal) throw new AppError('UNAUTHORIZED', 'Sign-in failed.');
      const { sessionId, expiresAt } = await createSession(db, principal.keyId, {
        now: now(),
        ttlMs,
      });
      await setSignedCookie(c, sessionCookie, sessionId, sessionSecret, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: servedOverHttps(c, publicOrigin),
        path: '/',
        expires: expiresAt,
      });
      return c.json({ role: principal.role, agency: principal.agencyCode });
    })
    .get('/', auth, requireRole('admin', 'researcher', 'agency'), (c) => {
      const { role, agencyCode } = c.var.principal;
      return c.json({ role, agency: agencyCode });
    })
    .delete('/', auth, async (c) => {
      const sessionId = c.var.sessionId;
      if (sessionId !== undefined) await deleteSession(db, sessionId);
      deleteCookie(c, sessionCookie, { path: '/' });
      return c.body(null, 204);
    });
}
