// Who is calling: the session cookie or a Bearer key resolved to a principal, and the role check each route group declares once.
import type { Kysely } from 'kysely';
import { getSignedCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../../errors.ts';
import { authenticateKey } from '../../services/auth/access-keys.ts';
import type { KeyPrincipal, Principal, Role } from '../../services/auth/principal.ts';
import { findSession } from '../../services/auth/sessions.ts';
import type { Database } from '../../storage/db/schema.ts';
import { forbiddenOrigin, isUnsafeMethod, requestOrigin } from './request-origin.ts';

export type { Principal, Role } from '../../services/auth/principal.ts';

/** The name of the signed session cookie. */
export const sessionCookie = 'netralitas_session';

/** What `authenticate` sets on the context. */
export interface AuthVariables {
  /** The signed-in caller, or undefined for an anonymous request. */
  principal: Principal | undefined;
  /** The key behind the principal (for revocation checks and sessions). */
  keyPrincipal: KeyPrincipal | undefined;
  /** The session id from a valid cookie (to sign out), undefined otherwise. */
  sessionId: string | undefined;
}

export interface AuthenticateOptions {
  db: Kysely<Database>;
  /** Signs the session cookie (`SESSION_SECRET` or the database's). */
  sessionSecret: string;
  now: () => Date;
  /** `PUBLIC_ORIGIN`, when the server sits behind a proxy. */
  publicOrigin?: string | undefined;
}

/**
 * Resolves the caller from `Authorization: Bearer <key>` or, failing that, the signed session
 * cookie, and sets `principal` (undefined when anonymous or the credential is wrong: the role
 * check answers that with a reasonless 401). A state-changing request authenticated by the
 * cookie must come from this server's own origin, else `FORBIDDEN_ORIGIN`: a cross-site page cannot
 * ride the cookie. Bearer keys are never sent by browsers on their own, so they need no check.
 *
 * @example
 * new Hono().use(authenticate({ db, sessionSecret, now })).use(requireRole('admin'))
 */
export function authenticate({ db, sessionSecret, now, publicOrigin }: AuthenticateOptions) {
  return createMiddleware<{ Variables: AuthVariables }>(async (c, next) => {
    let keyPrincipal: KeyPrincipal | undefined;
    let sessionId: string | undefined;
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const match = /^Bearer +(\S+)\s*$/i.exec(authorization);
      keyPrincipal = match?.[1] === undefined ? undefined : await authenticateKey(db, match[1]);
    } else {
      const cookie = await getSignedCookie(c, sessionSecret, sessionCookie);
      if (typeof cookie === 'string') {
        keyPrincipal = await findSession(db, cookie, now());
        if (keyPrincipal) {
          sessionId = cookie;
          // The cookie is only ever sent by browsers, so ask for positive proof of this
          // site (SameSite=Strict alone lets a sibling subdomain through).
          if (isUnsafeMethod(c.req.method) && requestOrigin(c, publicOrigin) !== 'own') {
            throw forbiddenOrigin();
          }
        }
      }
    }
    c.set('keyPrincipal', keyPrincipal);
    c.set('principal', keyPrincipal && toPrincipal(keyPrincipal));
    c.set('sessionId', sessionId);
    await next();
  });
}

function toPrincipal({ role, agencyCode }: KeyPrincipal): Principal {
  return { role, agencyCode };
}

/**
 * Lets through callers signed in with one of `allowed`; `UNAUTHORIZED` (401, saying nothing
 * about why) for anonymous callers and wrong, revoked or expired credentials, `FORBIDDEN`
 * (403) for a signed-in role without the right. Mount after `authenticate`, once per route
 * group: handlers behind it read `c.var.principal` as present and never check again.
 *
 * @example
 * new Hono().use(authenticate(options)).use(requireRole('admin', 'researcher'))
 */
export function requireRole<const R extends Role>(...allowed: R[]) {
  return createMiddleware<{ Variables: { principal: Principal & { role: R } } }>(
    async (c, next) => {
      // Undefined when `authenticate` found no valid credential.
      const principal: Principal | undefined = c.get('principal');
      if (!principal) throw new AppError('UNAUTHORIZED', 'Sign in to continue.');
      if (!(allowed as readonly Role[]).includes(principal.role)) {
        throw new AppError('FORBIDDEN', 'Your role may not do this.');
      }
      await next();
    },
  );
}
