// Query schemas of the researcher routes (zod, through @hono/zod-validator), refusing anything else with INVALID_REQUEST.
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import {
  languages,
  weightingChoices,
  type Breakdown,
} from '../../services/reports/report-types.ts';

/** A variable name as questionnaires and the frame spell them (`A4`, `F.F1`, `islandRegion`). */
const variableName = /^[A-Za-z][A-Za-z0-9_.]{0,63}$/;
/** Breakdowns per request at most: each one is a full pass over every question. */
const maxBreakdowns = 8;

/** `by=province,A4,province*A4`: one-way variables and two-way crosses. */
const breakdowns = z
  .string()
  .max(512)
  .transform((text, ctx): Breakdown[] => {
    if (text.trim() === '') return [];
    const items = text.split(',').map((item) => item.trim());
    if (items.length > maxBreakdowns) {
      ctx.addIssue({ code: 'custom', message: `at most ${maxBreakdowns} breakdowns` });
      return z.NEVER;
    }
    const parsed: Breakdown[] = [];
    for (const item of items) {
      const parts = item.split('*').map((part) => part.trim());
      if (parts.length > 2 || !parts.every((part) => variableName.test(part))) {
        ctx.addIssue({
          code: 'custom',
          message: `"${item}" is neither a variable nor a two-way cross a*b`,
        });
        return z.NEVER;
      }
      parsed.push(
        parts.length === 1 ? (parts[0] as string) : [parts[0] as string, parts[1] as string],
      );
    }
    return parsed;
  });

const waveId = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'a wave id is a positive whole number')
  .transform(Number);
const lang = z.enum(languages).default('id');

/** `GET …/results` and `…/results.csv`. */
export const resultsQuery = z.strictObject({
  by: breakdowns.default([]),
  weighting: z.enum(weightingChoices).default('design'),
  lang,
  wave: waveId.optional(),
});

/** `GET …/fieldwork`, `…/manifest.json`, `…/codebook.*`. */
export const waveQuery = z.strictObject({ wave: waveId.optional() });

/** `GET …/microdata.csv`. */
export const microdataQuery = z.strictObject({
  wave: waveId.optional(),
  freeText: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

/** `GET …/microdata.R|do|sps`. */
export const scriptQuery = z.strictObject({ wave: waveId.optional(), lang });

/**
 * zValidator for the query string whose failures become the one error envelope:
 * `INVALID_REQUEST` with a detail per problem naming the parameter.
 *
 * @example
 * app.get('/:study/results', validQuery(resultsQuery), (c) => c.req.valid('query'));
 */
export function validQuery<T extends z.ZodType>(schema: T) {
  return zValidator('query' as keyof ValidationTargets & 'query', schema, (result) => {
    if (!result.success) {
      throw new AppError(
        'INVALID_REQUEST',
        'Invalid query parameters.',
        result.error.issues.map((issue) => ({
          field: issue.path.length > 0 ? issue.path.join('.') : 'query',
          problem: issue.message,
        })),
      );
    }
  });
}
