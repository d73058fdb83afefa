// The public dashboard's API, no sign-in: headline indicators and rankings of public studies, recorded violations.
import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { languages } from '../../services/reports/report-types.ts';
import type { ResultsService } from '../../services/results/results-service.ts';
import { validQuery } from './research-queries.ts';

const lang = z.enum(languages).default('id');

/** `indicator=<question>:<option>` (`H2:ya`, `F.F1:4`), `by=province|type`. */
const rankingQuery = z.strictObject({
  indicator: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_.]{0,63}:[A-Za-z0-9_.-]{1,64}$/, 'an indicator is question:option')
    .transform((text) => {
      const at = text.indexOf(':');
      return { question: text.slice(0, at), option: text.slice(at + 1) };
    }),
  by: z.enum(['province', 'type']).default('province'),
  lang,
});

const studyParam = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/);

/**
 * `GET /studies` (public studies with responses, latest first), `GET /studies/:study/headline`, `GET /studies/:study/ranking?indicator=…&by=…`,
 * `GET /violations`. Only public studies (marked so, or synthetic demos) are served; another
 * answers `404 STUDY_NOT_FOUND` as an unknown one does.
 *
 * @example
 * app.route('/api/public', publicResultsRoutes(results));
 */
export function publicResultsRoutes(results: ResultsService) {
  const study = (value: string) => {
    if (!studyParam.safeParse(value).success) {
      throw new AppError('STUDY_NOT_FOUND', 'There is no such study.');
    }
    return value;
  };
  return new Hono()
    .get('/studies', validQuery(z.strictObject({ lang })), async (c) =>
      c.json(await results.studies(c.req.valid('query').lang)),
    )
    .get('/studies/:study/headline', validQuery(z.strictObject({ lang })), async (c) =>
      c.json(await results.headline(study(c.req.param('study')), c.req.valid('query').lang)),
    )
    .get('/studies/:study/ranking', validQuery(rankingQuery), async (c) => {
      const { indicator, by, lang: language } = c.req.valid('query');
      return c.json(
        await results.ranking(study(c.req.param('study')), { ...indicator, by }, language),
      );
    })
    .get('/violations', validQuery(z.strictObject({ lang })), async (c) =>
      c.json(await results.violations(c.req.valid('query').lang)),
    );
}
