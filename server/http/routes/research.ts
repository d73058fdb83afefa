// Researcher routes of a study: weighted results (JSON and CSV), the fieldwork monitor and the downloads, behind one guard.
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { listStudiesWithWaves } from '../../services/administration/study-waves.ts';
import { codebookCsv, codebookDocument } from '../../services/exports/codebook-export.ts';
import { textStream } from '../../services/exports/csv-text.ts';
import {
  manifestOf,
  microdataCsv,
  microdataScript,
  type DownloadSource,
  type ScriptKind,
} from '../../services/exports/downloads.ts';
import type { ReportService } from '../../services/reports/report-service.ts';
import { findReportWave } from '../../services/reports/report-wave.ts';
import {
  microdataQuery,
  resultsQuery,
  scriptQuery,
  validQuery,
  waveQuery,
} from './research-queries.ts';
import { withStudy } from './with-study.ts';

/** Headers of a download saved under `<study>-<file>`. */
function attachment(studyId: string, file: string, type: string): Record<string, string> {
  const name = `${studyId}-${file}`.replace(/[^A-Za-z0-9._-]/g, '_');
  return { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${name}"` };
}

const csvType = 'text/csv; charset=utf-8';
const scriptTypes: Record<ScriptKind, string> = {
  R: 'text/plain; charset=utf-8',
  do: 'text/plain; charset=utf-8',
  sps: 'text/plain; charset=utf-8',
};

/**
 * `GET /:study/results` (JSON) and `/:study/results.csv`, `/:study/fieldwork` (with the
 * open wave's submission bursts, `BurstWindow[]`, from this process's monitor), and the
 * downloads `codebook.csv`, `codebook.json`, `microdata.csv`, `microdata.R`, `microdata.do`,
 * `microdata.sps`, `manifest.json`. Every route passes `guard` first (authorisation is declared
 * here, once, for the whole group), so an unknown study answers 401/403 like a known one.
 *
 * @example
 * app.route('/api/studies', researchRoutes(deps, reports, requireRole('researcher', 'admin')));
 */
export function researchRoutes(deps: AppDeps, reports: ReportService, guard: MiddlewareHandler) {
  const { db, questionnaires } = deps;
  const study = withStudy(db);
  const now = deps.now ?? (() => new Date());

  const downloadSource = async (
    studyRecord: DownloadSource['study'],
    waveId: number | undefined,
  ): Promise<DownloadSource> => ({
    db,
    questionnaires,
    reports,
    study: studyRecord,
    wave: await findReportWave(db, studyRecord.id, waveId),
  });

  return new Hono()
    .get('/:study/results', guard, study, validQuery(resultsQuery), async (c) => {
      const query = c.req.valid('query');
      const wave = await findReportWave(db, c.get('study').id, query.wave);
      const json = await reports.reportText(
        c.get('study').id,
        { ...query, waveId: wave.id },
        'json',
      );
      return c.body(json, 200, { 'Content-Type': 'application/json; charset=utf-8' });
    })
    .get('/:study/results.csv', guard, study, validQuery(resultsQuery), async (c) => {
      const query = c.req.valid('query');
      const studyId = c.get('study').id;
      const wave = await findReportWave(db, studyId, query.wave);
      const csv = await reports.reportText(studyId, { ...query, waveId: wave.id }, 'csv');
      return c.body(csv, 200, attachment(studyId, 'results.csv', csvType));
    })
    .get('/:study/fieldwork', guard, study, validQuery(waveQuery), async (c) => {
      const studyId = c.get('study').id;
      const wave = await findReportWave(db, studyId, c.req.valid('query').wave);
      const fieldwork = await reports.fieldwork(studyId, wave.id);
      // Bursts are counted in this process since it started, for the wave taking answers now.
      const bursts = wave.status === 'open' ? (deps.bursts?.bursts(studyId) ?? []) : [];
      return c.json({ ...fieldwork, bursts });
    })
    .get('/:study/codebook.json', guard, study, validQuery(waveQuery), async (c) => {
      const { questionnaireId, questionnaireVersion, id } = c.get('study');
      const { definition } = questionnaires.get(questionnaireId, questionnaireVersion);
      return c.body(
        JSON.stringify(codebookDocument(definition), null, 2),
        200,
        attachment(id, 'codebook.json', 'application/json; charset=utf-8'),
      );
    })
    .get('/:study/codebook.csv', guard, study, validQuery(waveQuery), async (c) => {
      const { questionnaireId, questionnaireVersion, id } = c.get('study');
      const { definition } = questionnaires.get(questionnaireId, questionnaireVersion);
      return c.body(codebookCsv(definition), 200, attachment(id, 'codebook.csv', csvType));
    })
    .get('/:study/microdata.csv', guard, study, validQuery(microdataQuery), async (c) => {
      const query = c.req.valid('query');
      const source = await downloadSource(c.get('study'), query.wave);
      const chunks = await microdataCsv(source, { freeText: query.freeText });
      // no-transform: the compress middleware would gzip ahead of the reader and hold the file
      // (about 100 MB per million rows) in memory; streamed as is, memory stays flat.
      return c.body(textStream(chunks), 200, {
        ...attachment(source.study.id, 'microdata.csv', csvType),
        'Cache-Control': 'no-store, no-transform',
      });
    })
    .get('/:study/microdata.R', guard, study, validQuery(scriptQuery), async (c) => {
      const query = c.req.valid('query');
      const source = await downloadSource(c.get('study'), query.wave);
      const text = await microdataScript(source, 'R', query.lang);
      return c.body(text, 200, attachment(source.study.id, 'microdata.R', scriptTypes.R));
    })
    .get('/:study/microdata.do', guard, study, validQuery(scriptQuery), async (c) => {
      const query = c.req.valid('query');
      const source = await downloadSource(c.get('study'), query.wave);
      const text = await microdataScript(source, 'do', query.lang);
      return c.body(text, 200, attachment(source.study.id, 'microdata.do', scriptTypes.do));
    })
    .get('/:study/microdata.sps', guard, study, validQuery(scriptQuery), async (c) => {
      const query = c.req.valid('query');
      const source = await downloadSource(c.get('study'), query.wave);
      const text = await microdataScript(source, 'sps', query.lang);
      return c.body(text, 200, attachment(source.study.id, 'microdata.sps', scriptTypes.sps));
    })
    .get('/:study/manifest.json', guard, study, validQuery(waveQuery), async (c) => {
      const source = await downloadSource(c.get('study'), c.req.valid('query').wave);
      const manifest = await manifestOf(source, now());
      return c.body(
        JSON.stringify(manifest, null, 2),
        200,
        attachment(source.study.id, 'manifest.json', 'application/json; charset=utf-8'),
      );
    });
}

/**
 * `GET /studies` → every study, open or closed, with its waves oldest first
 * (`StudyWithWaves[]`), so a researcher can return to a closed wave's results. Behind `guard`
 * (researcher or admin), declared once for the group.
 *
 * @example
 * app.route('/api/research', researchStudyRoutes(deps, researcherOnly(deps)));
 */
export function researchStudyRoutes({ db }: AppDeps, guard: MiddlewareHandler) {
  return new Hono().get('/studies', guard, async (c) => c.json(await listStudiesWithWaves(db)));
}
