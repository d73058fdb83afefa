// Queries on access keys: store a key's hash with its role, find it by hash, list and revoke keys.
import type { Kysely } from 'kysely';
import type { AccessKeyRow, Database, Role } from '../db/schema.ts';
import { toBoolean } from '../db/values.ts';

/** A stored key as everyone but the sign-in check sees it: no secret, no hash. */
export interface AccessKey {
  id: number;
  role: Role;
  /** The agency of an agency key; null for admin and researcher keys. */
  agencyCode: string | null;
  /** Day the key was created (`YYYY-MM-DD`). */
  createdOn: string;
  revoked: boolean;
}

export type NewAccessKey = Omit<AccessKey, 'id' | 'revoked'> & { keyHash: string };

function toAccessKey(row: Omit<AccessKeyRow, 'key_hash'>): AccessKey {
  return {
    id: row.id,
    role: row.role,
    agencyCode: row.agency_code,
    createdOn: row.created_on,
    revoked: toBoolean(row.revoked),
  };
}

const publicColumns = ['id', 'role', 'agency_code', 'created_on', 'revoked'] as const;

/**
 * Stores a new key by its hash and returns it with its id.
 *
 * @example
 * const key = await insertAccessKey(db, { keyHash, role: 'researcher', agencyCode: null,
 *   createdOn: '2026-11-29' });
 */
export async function insertAccessKey(db: Kysely<Database>, key: NewAccessKey): Promise<AccessKey> {
  const row = await db
    .insertInto('access_keys')
    .values({
      key_hash: key.keyHash,
      role: key.role,
      agency_code: key.agencyCode,
      created_on: key.createdOn,
      revoked: false,
    })
    .returning(publicColumns)
    .executeTakeFirstOrThrow();
  return toAccessKey(row);
}

/**
 * The key with this hash, with its hash (for the constant-time check), or undefined.
 *
 * @example
 * const found = await findAccessKeyByHash(db, hashToken(presented));
 */
export async function findAccessKeyByHash(
  db: Kysely<Database>,
  keyHash: string,
): Promise<(AccessKey & { keyHash: string }) | undefined> {
  const row = await db
    .selectFrom('access_keys')
    .selectAll()
    .where('key_hash', '=', keyHash)
    .executeTakeFirst();
  return row && { ...toAccessKey(row), keyHash: row.key_hash };
}

/**
 * Every key, oldest first, without hashes.
 *
 * @example
 * const keys = await listAccessKeys(db);
 */
export async function listAccessKeys(db: Kysely<Database>): Promise<AccessKey[]> {
  const rows = await db.selectFrom('access_keys').select(publicColumns).orderBy('id').execute();
  return rows.map(toAccessKey);
}

/**
 * Marks a key revoked; false when there is no such key.
 *
 * @example
 * if (!(await markAccessKeyRevoked(db, 3))) throw …;
 */
export async function markAccessKeyRevoked(db: Kysely<Database>, id: number): Promise<boolean> {
  const result = await db
    .updateTable('access_keys')
    .set({ revoked: true })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Whether any admin key is still usable: the first start creates one only when none is.
 *
 * @example
 * if (!(await hasActiveAdminKey(db))) …;
 */
export async function hasActiveAdminKey(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('access_keys')
    .select('id')
    .where('role', '=', 'admin')
    .where('revoked', '=', false)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
