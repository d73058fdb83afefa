// Request schemas of the administration API, shared by its routes (and so by the client's types).
import { z } from 'zod';
import { roles } from '../../services/auth/principal.ts';
import { maximumBatchSize } from '../../services/administration/invitation-batches.ts';

/** A slug as used in links: `netralitas-asn-2026`. */
export const slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens');

/** A calendar day `YYYY-MM-DD` that exists. */
export const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')
  .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'not a calendar day');

const localized = z.strictObject({
  id: z.string().min(1).max(300),
  en: z.string().min(1).max(300),
});

export const newKeyBody = z.strictObject({
  role: z.enum(roles),
  agency: slug.optional(),
});

export const keyParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

export const newStudyBody = z.strictObject({
  id: slug,
  questionnaire: z.strictObject({ id: slug, version: z.number().int().positive() }),
  title: localized,
  usesTokens: z.boolean(),
  usesLinkCodes: z.boolean().optional(),
});

export const studyParam = z.object({ study: slug });

export const waveParam = z.object({
  study: slug,
  wave: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

export const newWaveBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    opensOn: day,
    closesOn: day.nullable().default(null),
  })
  .refine((w) => w.closesOn === null || w.closesOn >= w.opensOn, {
    path: ['closesOn'],
    message: 'must not be before opensOn',
  });

export const tokenBatchesBody = z.strictObject({
  batches: z
    .array(z.strictObject({ agency: slug, count: z.number().int().min(1).max(maximumBatchSize) }))
    .min(1)
    .max(1000)
    .refine((b) => new Set(b.map((x) => x.agency)).size === b.length, 'an agency appears twice'),
});

export const frameQuery = z.object({
  illustrative: z.enum(['true', 'false']).default('false'),
});

/** `POST /violations?illustrative=true|false`: demo counts must be labelled as made up. */
export const violationsQuery = z.object({
  illustrative: z.enum(['true', 'false']).default('false'),
});
