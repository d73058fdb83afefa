// The secret that signs session cookies: from SESSION_SECRET, or generated once and kept in the database.
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/db/schema.ts';
import { settingOrInit } from '../../storage/repositories/server-settings.ts';
import { newSecret } from './secrets.ts';

/**
 * The cookie-signing secret: `configured` (the `SESSION_SECRET` variable) when given, else the
 * one stored in the database, generated (256 random bits) by the first process that asks. Every
 * process on the same database thus signs and checks cookies alike.
 *
 * @example
 * const secret = await loadSessionSecret(db, config.sessionSecret);
 */
export async function loadSessionSecret(
  db: Kysely<Database>,
  configured?: string,
): Promise<string> {
  if (configured !== undefined) return configured;
  return settingOrInit(db, 'session_secret', () => newSecret(32));
}
