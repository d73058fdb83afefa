// Server-wide settings stored in the database, so every process on it agrees (the session cookie secret).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * The stored value of a setting; when there is none, stores `initial()` first. Two processes
 * starting at once both end up with the value that was stored first (insert-if-absent, then read).
 *
 * @example
 * const secret = await settingOrInit(db, 'session_secret', () => randomBytes(32).toString('base64url'));
 */
export async function settingOrInit(
  db: Kysely<Database>,
  name: string,
  initial: () => string,
): Promise<string> {
  await db
    .insertInto('server_settings')
    .values({ setting: name, value: initial() })
    .onConflict((oc) => oc.column('setting').doNothing())
    .execute();
  const row = await db
    .selectFrom('server_settings')
    .select('value')
    .where('setting', '=', name)
    .executeTakeFirstOrThrow();
  return row.value;
}
