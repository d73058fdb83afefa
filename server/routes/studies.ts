// Study routes for respondents: open studies, one study, and its questionnaire in the chosen language.
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { AppError } from '../errors.ts';
import { findStudy, listOpenStudies, type Study } from '../repositories/studies.ts';

const languages = ['id', 'en'] as const;

/** What a respondent page needs to know about a study. */
function summary(study: Study) {
  return { id: study.id, title: study.title, usesTokens: study.usesTokens };
}

/**
 * `GET /` open studies, `GET /:study` one study, `GET /:study/questionnaire?lang=id|en` its
 * SurveyJS JSON with `locale` set (Indonesian by default).
 *
 * @example
 * app.route('/api/studies', studyRoutes(deps));
 */
export function studyRoutes({ db, questionnaires }: AppDeps) {
  const requireStudy = async (id: string): Promise<Study> => {
    const study = await findStudy(db, id);
    if (!study) throw new AppError('STUDY_NOT_FOUND', `There is no study "${id}".`);
    return study;
  };

  return new Hono()
    .get('/', async (c) => c.json((await listOpenStudies(db)).map(summary)))
    .get('/:study', async (c) => c.json(summary(await requireStudy(c.req.param('study')))))
    .get('/:study/questionnaire', async (c) => {
      const lang = c.req.query('lang') ?? 'id';
      if (!(languages as readonly string[]).includes(lang)) {
        throw new AppError('INVALID_REQUEST', 'Unsupported language.', [
          { field: 'lang', problem: 'must be id or en' },
        ]);
      }
      const study = await requireStudy(c.req.param('study'));
      const { definition } = questionnaires.get(study.questionnaireId, study.questionnaireVersion);
      return c.json({ ...definition.json, locale: lang });
    });
}
