// The first admin key: taken from ADMIN_KEY, or created at the first start and handed back to be printed once.
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/db/schema.ts';
import { findAccessKeyByHash, hasActiveAdminKey } from '../../storage/repositories/access-keys.ts';
import { createAccessKey, storeAccessKey } from './access-keys.ts';
import { hashSecret } from './secrets.ts';

/**
 * Makes sure an administrator can sign in. With `adminKey` (the `ADMIN_KEY` variable) that
 * key is stored (hashed) unless it already is; a key revoked through the API stays revoked.
 * Without it, a new admin key is created when no usable admin key exists, and returned in
 * clear text so the caller prints it once; otherwise undefined.
 *
 * @example
 * const printOnce = await ensureAdminKey(db, { adminKey: config.adminKey, today });
 * if (printOnce) console.log(`admin key: ${printOnce}`);
 */
export async function ensureAdminKey(
  db: Kysely<Database>,
  { adminKey, today }: { adminKey?: string; today: string },
): Promise<string | undefined> {
  if (adminKey !== undefined) {
    const stored = await findAccessKeyByHash(db, hashSecret(adminKey));
    if (!stored) {
      await storeAccessKey(db, adminKey, { role: 'admin', today });
    } else if (stored.role !== 'admin') {
      throw new Error('ADMIN_KEY is already stored as a key of another role; choose another.');
    }
    return undefined;
  }
  if (await hasActiveAdminKey(db)) return undefined;
  return (await createAccessKey(db, { role: 'admin', today })).key;
}
