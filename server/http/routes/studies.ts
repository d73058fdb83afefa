// Study routes for respondents: open studies, one study, and its questionnaire in the chosen language.
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { AppError } from '../../errors.ts';
import { findStudyNotice } from '../../storage/repositories/study-notices.ts';
import { listOpenStudies, type Study } from '../../storage/repositories/studies.ts';
import { withStudy } from './with-study.ts';

const languages = ['id', 'en'] as const;

/** What a respondent page needs to know about a study; `open`: a wave accepts responses now. */
function summary(study: Study, open: boolean) {
  const { id, title, usesTokens, usesLinkCodes } = study;
  return { id, title, usesTokens, usesLinkCodes, open };
}

/**
 * `GET /` open studies, `GET /:study` one study (open or not) with its respondent notice, `GET /:study/questionnaire?lang=id|en`
 * its SurveyJS JSON with `locale` set (Indonesian by default).
 *
 * @example
 * app.route('/api/studies', studyRoutes(deps));
 */
export function studyRoutes({ db, questionnaires }: AppDeps) {
  const study = withStudy(db);

  return (
    new Hono()
      .get('/', async (c) => c.json((await listOpenStudies(db)).map((s) => summary(s, true))))
      // With the notice shown before the first question (null until the study team sets one).
      .get('/:study', study, async (c) =>
        c.json({
          ...summary(c.get('study'), c.get('openWaveId') !== undefined),
          notice: (await findStudyNotice(db, c.get('study').id)) ?? null,
        }),
      )
      .get('/:study/questionnaire', study, async (c) => {
        const lang = c.req.query('lang') ?? 'id';
        if (!(languages as readonly string[]).includes(lang)) {
          throw new AppError('INVALID_REQUEST', 'Unsupported language.', [
            { field: 'lang', problem: 'must be id or en' },
          ]);
        }
        const { questionnaireId, questionnaireVersion } = c.get('study');
        const { definition } = questionnaires.get(questionnaireId, questionnaireVersion);
        return c.json({ ...definition.json, locale: lang });
      })
  );
}
