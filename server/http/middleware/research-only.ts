// Placeholder guard of the researcher route group until sign-in lands: refuses every request, so research data is never public.
import { createMiddleware } from 'hono/factory';
import { AppError } from '../../errors.ts';

/**
 * Refuses every request with `UNAUTHENTICATED` (401). Results, fieldwork and downloads are for
 * researchers and administrators only; until keys and sessions exist nobody can prove to be
 * one, so nobody gets through.
 *
 * @example
 * new Hono().get('/:study/results', researchOnly, handler);
 */
export const researchOnly = createMiddleware(async () => {
  throw new AppError('UNAUTHENTICATED', 'Sign in as a researcher or administrator.');
});
