// Access keys: create one (shown once), check a presented key, list and revoke keys.
import type { Kysely } from 'kysely';
import { AppError } from '../../errors.ts';
import type { Database } from '../../storage/db/schema.ts';
import {
  findAccessKeyByHash,
  insertAccessKey,
  listAccessKeys as listStoredAccessKeys,
  markAccessKeyRevoked,
  type AccessKey,
} from '../../storage/repositories/access-keys.ts';
import { findAgency } from '../../storage/repositories/agencies.ts';
import { deleteSessionsOfKey } from '../../storage/repositories/sessions.ts';
import { inTransaction } from '../../storage/db/in-transaction.ts';
import type { KeyPrincipal, Role } from './principal.ts';
import { hashSecret, newSecret, secretMatches } from './secrets.ts';

export type { AccessKey } from '../../storage/repositories/access-keys.ts';

/** 256 random bits; the prefix marks the string as a key of this platform. */
const keyBytes = 32;
export const keyPrefix = 'nsk_';

/** Keys supplied by an operator (`ADMIN_KEY`) must be at least this long. */
export const minimumKeyLength = 32;

/** Longest string accepted as a key (generated keys have 47 characters). */
export const maximumKeyLength = 256;

export interface NewKeyRequest {
  role: Role;
  /** Required for the agency role, refused for the others. */
  agencyCode?: string | null;
  /** Day of creation (`YYYY-MM-DD`); default today in UTC. */
  today?: string;
}

/**
 * Creates a key and returns it in clear text with its stored record: the only time the key
 * exists outside its holder's hands. Throws `INVALID_REQUEST` when an agency key names no
 * agency or another role names one, `AGENCY_NOT_FOUND` for an agency not in the frame.
 *
 * @example
 * const { key } = await createAccessKey(db, { role: 'agency', agencyCode: 'kab-sleman' });
 */
export async function createAccessKey(
  db: Kysely<Database>,
  request: NewKeyRequest,
): Promise<{ key: string; accessKey: AccessKey }> {
  const key = newSecret(keyBytes, keyPrefix);
  const accessKey = await storeAccessKey(db, key, request);
  return { key, accessKey };
}

/**
 * Stores a key chosen elsewhere (the operator's `ADMIN_KEY`) by its hash, with the same
 * checks as `createAccessKey`.
 *
 * @example
 * await storeAccessKey(db, process.env.ADMIN_KEY, { role: 'admin' });
 */
export async function storeAccessKey(
  db: Kysely<Database>,
  key: string,
  { role, agencyCode = null, today = new Date().toISOString().slice(0, 10) }: NewKeyRequest,
): Promise<AccessKey> {
  if (role === 'agency' && !agencyCode) {
    throw new AppError('INVALID_REQUEST', 'An agency key needs its agency.', [
      { field: 'agency', problem: 'required for the agency role' },
    ]);
  }
  if (role !== 'agency' && agencyCode) {
    throw new AppError('INVALID_REQUEST', `A ${role} key belongs to no agency.`, [
      { field: 'agency', problem: 'only agency keys name an agency' },
    ]);
  }
  if (agencyCode && !(await findAgency(db, agencyCode))) {
    throw new AppError('AGENCY_NOT_FOUND', `There is no agency "${agencyCode}".`);
  }
  return insertAccessKey(db, { keyHash: hashSecret(key), role, agencyCode, createdOn: today });
}

/**
 * The principal a presented key signs in as, or undefined for an unknown or revoked key (the
 * caller answers both with the same 401).
 *
 * @example
 * const principal = await authenticateKey(db, bearerKey);
 */
export async function authenticateKey(
  db: Kysely<Database>,
  key: string,
): Promise<KeyPrincipal | undefined> {
  if (key.length === 0 || key.length > maximumKeyLength) return undefined;
  const found = await findAccessKeyByHash(db, hashSecret(key));
  if (!found || !secretMatches(key, found.keyHash) || found.revoked) return undefined;
  return { keyId: found.id, role: found.role, agencyCode: found.agencyCode };
}

/**
 * Every key without secrets or hashes, oldest first.
 *
 * @example
 * const keys = await listAccessKeys(db);
 */
export function listAccessKeys(db: Kysely<Database>): Promise<AccessKey[]> {
  return listStoredAccessKeys(db);
}

/**
 * Revokes a key and ends its sessions at once. Revoking a revoked key is a no-op; an unknown
 * id throws `KEY_NOT_FOUND`.
 *
 * @example
 * await revokeAccessKey(db, 3);
 */
export async function revokeAccessKey(db: Kysely<Database>, id: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    if (!(await markAccessKeyRevoked(trx, id))) {
      throw new AppError('KEY_NOT_FOUND', `There is no key ${id}.`);
    }
    await deleteSessionsOfKey(trx, id);
  });
}
