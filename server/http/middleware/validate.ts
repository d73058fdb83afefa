// Request validation with zod through Hono's validator, every failure mapped to the one INVALID_REQUEST envelope.
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { AppError, type ErrorDetail } from '../../errors.ts';

/** One detail per zod issue, naming the field by its path (`''` for the body as a whole). */
function detailsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  return issues.map((issue): ErrorDetail => ({
    field: issue.path.map(String).join('.'),
    problem: issue.message,
  }));
}

const messages: Partial<Record<keyof ValidationTargets, string>> = {
  json: 'The request body is not well-formed.',
  query: 'The query parameters are not well-formed.',
  param: 'The path is not well-formed.',
  form: 'The form is not well-formed.',
};

/**
 * `zValidator` with the project's hook: an invalid request throws `INVALID_REQUEST` whose
 * details name each faulty field, so every route answers bad input the same way and the
 * parsed type flows to `c.req.valid(target)` and to the client's `hc`. A body that is not
 * JSON at all becomes `INVALID_JSON` in the error handler.
 *
 * @example
 * app.post('/', validate('json', z.object({ key: z.string() })), (c) => c.json(c.req.valid('json')));
 */
export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(
  target: Target,
  schema: Schema,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      throw new AppError(
        'INVALID_REQUEST',
        messages[target] ?? 'The request is not well-formed.',
        detailsOf(result.error.issues),
      );
    }
  });
}
