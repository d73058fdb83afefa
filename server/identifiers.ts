// The shapes of identifiers that come from outside (study ids, agency codes, invitation tokens), one zod schema each, shared by every edge.
import { z } from 'zod';

/**
 * A study id or agency code: lower-case ASCII letters and digits in hyphen-separated words,
 * at most 100 characters (`netralitas-asn-2021`, `kab-sleman`). Anything else (a NUL byte, a
 * space, upper case, another script) can never name a stored row, so it is refused before a
 * query is made.
 *
 * @example
 * slugSchema.safeParse('kab-sleman').success // true
 * slugSchema.safeParse('kab-sleman\u0000').success // false
 */
export const slugSchema = z
  .string()
  .max(100, 'at most 100 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters and digits in hyphen-separated words');

/**
 * An invitation token: issued ones are 24 base64url characters; 16–128 leaves room for other
 * issuers.
 *
 * @example
 * invitationTokenSchema.safeParse('q3XkVb0-2wq9Hk1mZp7tY8aB').success // true
 */
export const invitationTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,128}$/, '16 to 128 letters, digits, - or _');
