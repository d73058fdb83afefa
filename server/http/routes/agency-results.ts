// The agency dashboard's API: GET /results (JSON) and /results.csv, for agency sessions and keys only; the agency is the principal's.
import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { Principal } from '../../services/auth/principal.ts';
import { languages } from '../../services/reports/report-types.ts';
import { agencyResultsCsv } from '../../services/results/agency-results-csv.ts';
import type { ResultsService } from '../../services/results/results-service.ts';
import { validQuery } from './research-queries.ts';

/** A study slug as links spell it. */
const studySlug = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * `study` (optional, checked) and `lang`; any other parameter is refused (`INVALID_REQUEST`
 * naming it), as on every other results route: a typo (`stdy=`) or `study[]=` must not quietly
 * give the default study. Nothing a query can name changes whose figures are shown.
 */
const agencyQuery = z.strictObject({
  study: z
    .string()
    .regex(studySlug, 'a study id is lower-case letters, digits and dashes')
    .optional(),
  lang: z.enum(languages).default('id'),
});

function agencyOf(principal: Principal): string {
  // requireRole('agency') lets only agency principals through, and an agency key always names one.
  if (principal.agencyCode === null) throw new AppError('FORBIDDEN', 'This key names no agency.');
  return principal.agencyCode;
}

/**
 * `GET /results` → `AgencyResults` and `GET /results.csv` → the same cells as CSV, each
 * behind `guard` (authenticate + requireRole('agency')). The agency is taken from the
 * signed-in principal only.
 *
 * @example
 * app.route('/api/agency', agencyResultsRoutes(results, every(authenticate(o), requireRole('agency'))));
 */
export function agencyResultsRoutes(results: ResultsService, guard: MiddlewareHandler) {
  return new Hono<{ Variables: { principal: Principal } }>()
    .get('/results', guard, validQuery(agencyQuery), async (c) => {
      const { study, lang } = c.req.valid('query');
      return c.json(await results.agency(agencyOf(c.get('principal')), study, lang));
    })
    .get('/results.csv', guard, validQuery(agencyQuery), async (c) => {
      const { study, lang } = c.req.valid('query');
      const view = await results.agency(agencyOf(c.get('principal')), study, lang);
      const name = `${view.study.id}-${view.agency.code}-results.csv`.replace(
        /[^A-Za-z0-9._-]/g,
        '_',
      );
      return c.body(agencyResultsCsv(view), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
      });
    });
}
