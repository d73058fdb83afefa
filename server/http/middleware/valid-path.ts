// Route middleware that checks path parameters against the shared identifier schemas before any handler or query sees them.
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import { AppError, type ErrorCode } from '../../errors.ts';
import { invitationTokenSchema, slugSchema } from '../../identifiers.ts';

/** The path parameters the API uses, and what a malformed one is to a respondent. */
const parameters = {
  study: { schema: slugSchema, code: 'STUDY_NOT_FOUND', what: 'study' },
  code: { schema: slugSchema, code: 'AGENCY_NOT_FOUND', what: 'agency' },
  agency: { schema: slugSchema, code: 'AGENCY_NOT_FOUND', what: 'agency' },
  token: { schema: invitationTokenSchema, code: 'TOKEN_NOT_FOUND', what: 'invitation' },
} as const satisfies Record<string, { schema: z.ZodType<string>; code: ErrorCode; what: string }>;

type ParameterName = keyof typeof parameters;

/**
 * Validates the named path parameters with @hono/zod-validator. A malformed value is answered
 * like an unknown one (`STUDY_NOT_FOUND`, `AGENCY_NOT_FOUND`, `TOKEN_NOT_FOUND`, 404 in the
 * envelope), because to whoever followed the link it is exactly that, with a detail saying
 * what was wrong; it never reaches the database (PostgreSQL refuses a NUL byte in text with
 * an error, where SQLite simply finds nothing).
 *
 * @example
 * app.use('/api/agencies/:code', validPath('code'));
 */
export function validPath<const N extends ParameterName>(...names: N[]) {
  const shape = Object.fromEntries(names.map((n) => [n, parameters[n].schema])) as {
    [K in N]: (typeof parameters)[K]['schema'];
  };
  return zValidator('param', z.object(shape), (result) => {
    if (result.success) return;
    const issue = result.error.issues[0];
    const name = (issue?.path[0] ?? names[0]) as N;
    const { code, what } = parameters[name];
    throw new AppError(code, `There is no such ${what}.`, [
      { field: String(name), problem: issue?.message ?? 'malformed' },
    ]);
  });
}
