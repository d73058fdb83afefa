// Tells which database errors were caused by the input (a 4xx, never a 5xx) or by load, whichever the dialect.

/** What a database error says about the request that caused it. */
export type DatabaseErrorKind = 'invalid-input' | 'busy' | 'missing-reference';

/**
 * Classifies an error thrown by a query: `invalid-input` when the database refused a value
 * (PostgreSQL SQLSTATE class 22 "data exception": a NUL byte in text is 22021, a malformed
 * number 22P02, an out-of-range one 22003, a too-long string 22001; SQLite's SQLITE_TOOBIG,
 * SQLITE_MISMATCH), `busy` when it gave up waiting (PostgreSQL 57014 statement timeout,
 * 55P03 lock timeout; SQLITE_BUSY after the busy timeout), `missing-reference` when a row
 * names one that is gone (PostgreSQL 23503 foreign-key violation; SQLITE_CONSTRAINT_FOREIGNKEY),
 * otherwise undefined. Edges
 * validate inputs first; this is the defensive backstop for whatever slips through.
 * Sources: PostgreSQL manual, appendix A "Error Codes"; SQLite "Result and Error Codes".
 *
 * @example
 * databaseErrorKind(Object.assign(new Error('invalid byte sequence'), { code: '22021' })) // 'invalid-input'
 */
export function databaseErrorKind(error: unknown): DatabaseErrorKind | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return undefined;
  if (/^22[0-9A-Z]{3}$/.test(code)) return 'invalid-input';
  if (code === 'SQLITE_TOOBIG' || code === 'SQLITE_MISMATCH') return 'invalid-input';
  if (code === '57014' || code === '55P03' || code.startsWith('SQLITE_BUSY')) return 'busy';
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return 'missing-reference';
  return undefined;
}
