// The administration API under /api/admin: keys, questionnaire versions, studies and waves, the frame, margins, invitations. Admins only.
import { Hono, type Context } from 'hono';
import { defaultBodyLimitBytes } from '../../config.ts';
import { AppError } from '../../errors.ts';
import {
  createAccessKey,
  listAccessKeys,
  revokeAccessKey,
} from '../../services/auth/access-keys.ts';
import { decodeUpload } from '../../services/csv/decode-upload.ts';
import { csvText } from '../../services/csv/write-csv.ts';
import { importFrame } from '../../services/frame/import-frame.ts';
import { parseFrameCsv } from '../../services/frame/parse-frame.ts';
import { importRecordedViolations } from '../../services/context/import-recorded-violations.ts';
import { issueInvitationBatches } from '../../services/administration/invitation-batches.ts';
import { publishQuestionnaireVersion } from '../../services/administration/publish-questionnaire.ts';
import { questionnaireMetadataSchema } from '../../services/administration/questionnaire-metadata.ts';
import { setWaveMargins } from '../../services/administration/raking-margins.ts';
import {
  addWave,
  closeStudyWave,
  createStudyFromVersion,
  findStudyWave,
  listStudiesWithWaves,
  listStudyWaveLinkCodes,
  openStudyWave,
} from '../../services/administration/study-waves.ts';
import { calendarDay } from '../../services/submissions/calendar-day.ts';
import { findWaveMargins } from '../../storage/repositories/raking-margins.ts';
import type { AppDeps } from '../app-deps.ts';
import { authenticate, requireRole } from '../middleware/auth.ts';
import { bodyLimit } from '../middleware/body-limit.ts';
import { validate } from '../middleware/validate.ts';
import { ownOrigin } from '../own-origin.ts';
import {
  frameQuery,
  violationsQuery,
  keyParam,
  newKeyBody,
  newStudyBody,
  newWaveBody,
  studyParam,
  tokenBatchesBody,
  waveParam,
} from './admin-schemas.ts';
import { z } from 'zod';

/** Uploads (a questionnaire, a frame) are larger than answers: 4 MiB, at least the app's limit. */
const uploadLimitBytes = 4 * 1024 * 1024;

const publishBody = z.strictObject({
  json: z.record(z.string(), z.unknown()),
  metadata: questionnaireMetadataSchema,
});

/** An uploaded CSV's text: UTF-8, or the encoding named by `?encoding=` (Excel's Windows-1252). */
async function uploadText(c: Context): Promise<string> {
  return decodeUpload(new Uint8Array(await c.req.arrayBuffer()), c.req.query('encoding'));
}

/** A one-time download of links to distribute: `agency,link`, CRLF lines as Excel writes them. */
function linksCsv(
  c: Context,
  filename: string,
  links: { agencyCode: string; link: string }[],
  status: 200 | 201,
) {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${filename}"`);
  const rows = links.map((l) => [l.agencyCode, l.link]);
  return c.body(csvText(rows, { columns: ['agency', 'link'], newline: '\r\n' }), status);
}

/**
 * Every administration route, behind one `authenticate` + `requireRole('admin')`:
 *
 * - `GET /keys` keys without secrets; `POST /keys` `{ role, agency? }` → `201 { key, … }` (the
 *   key shown once); `POST /keys/:id/revoke` → the key, revoked, its sessions ended.
 * - `GET /questionnaires`; `POST /questionnaires` `{ json, metadata }` → `201` published (or
 *   `200` when the same content was published before), `422 INVALID_QUESTIONNAIRE`,
 *   `409 QUESTIONNAIRE_VERSION_EXISTS`.
 * - `GET /studies` with waves; `POST /studies`; `POST /studies/:study/waves`
 *   `{ name, opensOn, closesOn? }` (not yet open); `POST /studies/:study/waves/:wave/open`;
 *   `POST /studies/:study/waves/:wave/close` (today, early if before its planned close).
 * - `GET /studies/:study/waves/:wave/links.csv`: the wave's coded agency links (studies with
 *   link codes; issued when the wave opens), `agency,link`.
 * - `PUT /frame[?illustrative=true]` with the frame CSV as body: replaces the frame, all
 *   agencies or none → `{ imported, removed, kept }` (agencies left out are removed unless a
 *   response, token, key or link names them); `422 INVALID_FRAME` with every problem's line
 *   and column.
 * - `PUT /studies/:study/waves/:wave/margins` with `variable,level,share` CSV;
 *   `GET` the same path → the stored margins.
 * - `POST /violations[?illustrative=true]` with a recorded-violations CSV (`text/csv`) as body:
 *   all rows or none, `422 INVALID_CONTEXT` with every problem's line and column.
 * - `POST /studies/:study/invitations` `{ batches: [{ agency, count }] }` → a CSV
 *   `agency,link` download: the only copy of the tokens.
 *
 * @example
 * app.route('/api/admin', adminRoutes(deps));
 */
export function adminRoutes(deps: AppDeps & { sessionSecret: string }) {
  const { db, questionnaires, config, sessionSecret, now = () => new Date() } = deps;
  const today = () => calendarDay(config.timeZone)(now());
  const limit = bodyLimit({
    maxSize: Math.max(uploadLimitBytes, config.bodyLimitBytes ?? defaultBodyLimitBytes),
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', `Uploads are limited to ${uploadLimitBytes} bytes.`);
    },
  });

  return new Hono()
    .use(authenticate({ db, sessionSecret, now, publicOrigin: config.edge?.publicOrigin }))
    .use(requireRole('admin'))
    .use(limit)
    .get('/keys', async (c) => c.json(await listAccessKeys(db)))
    .post('/keys', validate('json', newKeyBody), async (c) => {
      const { role, agency } = c.req.valid('json');
      const { key, accessKey } = await createAccessKey(db, {
        role,
        agencyCode: agency ?? null,
        today: today(),
      });
      return c.json({ key, ...accessKey }, 201);
    })
    .post('/keys/:id/revoke', validate('param', keyParam), async (c) => {
      const { id } = c.req.valid('param');
      await revokeAccessKey(db, id);
      return c.json((await listAccessKeys(db)).find((k) => k.id === id));
    })
    .get('/questionnaires', (c) =>
      c.json(questionnaires.list().map(({ id, version, title }) => ({ id, version, title }))),
    )
    .post('/questionnaires', validate('json', publishBody), async (c) => {
      const published = await publishQuestionnaireVersion(db, questionnaires, c.req.valid('json'));
      return c.json(published, published.created ? 201 : 200);
    })
    .get('/studies', async (c) => c.json(await listStudiesWithWaves(db)))
    .post('/studies', validate('json', newStudyBody), async (c) =>
      c.json(await createStudyFromVersion(db, questionnaires, c.req.valid('json')), 201),
    )
    .post(
      '/studies/:study/waves',
      validate('param', studyParam),
      validate('json', newWaveBody),
      async (c) => c.json(await addWave(db, c.req.valid('param').study, c.req.valid('json')), 201),
    )
    .post('/studies/:study/waves/:wave/open', validate('param', waveParam), async (c) => {
      const { study, wave } = c.req.valid('param');
      return c.json(await openStudyWave(db, study, wave));
    })
    .post('/studies/:study/waves/:wave/close', validate('param', waveParam), async (c) => {
      const { study, wave } = c.req.valid('param');
      return c.json(await closeStudyWave(db, study, wave, today()));
    })
    .get('/studies/:study/waves/:wave/margins', validate('param', waveParam), async (c) => {
      const { study, wave } = c.req.valid('param');
      await findStudyWave(db, study, wave);
      return c.json(await findWaveMargins(db, wave));
    })
    .put('/studies/:study/waves/:wave/margins', validate('param', waveParam), async (c) => {
      const { study, wave } = c.req.valid('param');
      return c.json(await setWaveMargins(db, questionnaires, study, wave, await uploadText(c)));
    })
    .post(
      '/studies/:study/invitations',
      validate('param', studyParam),
      validate('json', tokenBatchesBody),
      async (c) => {
        const { study } = c.req.valid('param');
        const batches = c.req.valid('json').batches.map((b) => ({
          agencyCode: b.agency,
          count: b.count,
        }));
        const issued = await issueInvitationBatches(db, study, batches);
        const origin = ownOrigin(c, config.edge?.publicOrigin);
        const links = issued.map((i) => ({
          agencyCode: i.agencyCode,
          link: `${origin}/s/${study}/t/${i.token}`,
        }));
        return linksCsv(c, `invitations-${study}.csv`, links, 201);
      },
    )
    .get('/studies/:study/waves/:wave/links.csv', validate('param', waveParam), async (c) => {
      const { study, wave } = c.req.valid('param');
      const codes = await listStudyWaveLinkCodes(db, study, wave);
      const origin = ownOrigin(c, config.edge?.publicOrigin);
      const links = codes.map((l) => ({
        agencyCode: l.agencyCode,
        link: `${origin}/s/${study}/l/${l.code}`,
      }));
      return linksCsv(c, `links-${study}-${wave}.csv`, links, 200);
    })
    .put('/frame', validate('query', frameQuery), async (c) => {
      const agencies = parseFrameCsv(await uploadText(c));
      const headcountIllustrative = c.req.valid('query').illustrative === 'true';
      return c.json(await importFrame(db, agencies, { headcountIllustrative }));
    })
    .post('/violations', validate('query', violationsQuery), async (c) => {
      const type = c.req.header('content-type') ?? '';
      if (!/^text\/csv\b/i.test(type)) {
        throw new AppError('INVALID_REQUEST', 'Send the recorded violations as text/csv.', [
          { field: 'content-type', problem: `expected text/csv, got "${type}"` },
        ]);
      }
      const illustrative = c.req.valid('query').illustrative === 'true';
      const imported = await importRecordedViolations(db, await c.req.text(), { illustrative });
      return c.json({ imported });
    });
}
