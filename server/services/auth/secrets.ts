// Random secrets (keys, session ids) and their stored form: a SHA-256 hash, compared in constant time.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hashToken } from '../../storage/repositories/invitation-tokens.ts';

/**
 * A new random secret of `bytes` bytes, base64url-encoded (no padding), with an optional
 * prefix that makes it recognisable to secret scanners.
 *
 * @example
 * newSecret(32, 'nsk_') // 'nsk_3q2-…' (4 + 43 characters, 256 random bits)
 */
export function newSecret(bytes: number, prefix = ''): string {
  return prefix + randomBytes(bytes).toString('base64url');
}

/**
 * The stored form of a secret: SHA-256, hex. A fast hash is enough because every secret
 * carries at least 128 random bits; there is nothing to guess from it.
 *
 * @example
 * hashSecret('nsk_…') // 64 hex digits
 */
export function hashSecret(secret: string): string {
  return hashToken(secret);
}

/**
 * Whether `secret` hashes to `storedHash`, compared with `timingSafeEqual` so the time taken
 * says nothing about how much of the hash matched.
 *
 * @example
 * if (!secretMatches(presented, row.keyHash)) return undefined;
 */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
