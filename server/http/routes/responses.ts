// The submission route: one POST per completed questionnaire, answered only after the row is committed.
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { AppError } from '../../errors.ts';
import { bodyLimit } from '../middleware/body-limit.ts';
import { jsonBodyOnly } from '../middleware/json-body-only.ts';
import { submissionRateLimit } from '../middleware/submission-rate-limit.ts';
import { defaultEdgeConfig } from '../../config.ts';
import { calendarDay } from '../../services/submissions/calendar-day.ts';
import { parseSubmission } from '../../services/submissions/parse-submission.ts';
import { responseStore } from '../../services/submissions/response-store.ts';
import { submitResponse } from '../../services/submissions/submit-response.ts';

/**
 * `POST /:study/responses` with `{ id, agency | token | link, answers }` → `201 { id }`. Before
 * the body is read: over the per-client rate limit → 429, not `application/json` → 415, over
 * `config.bodyLimitBytes` (64 KiB by default) → 413.
 *
 * @example
 * app.route('/api/studies', responseRoutes(deps));
 */
export function responseRoutes({
  db,
  questionnaires,
  config,
  bursts,
  now = () => new Date(),
}: AppDeps) {
  const dayOf = calendarDay(config.timeZone);
  const submitDeps = {
    db,
    questionnaires,
    store: responseStore(db),
    today: () => dayOf(now()),
    onStored:
      bursts && ((studyId: string, agencyCode: string) => bursts.record(studyId, agencyCode)),
  };
  const rateLimit = submissionRateLimit({
    perMinute: config.edge?.submitRateLimitPerMinute ?? defaultEdgeConfig.submitRateLimitPerMinute,
    clientAddressHeader: config.edge?.clientAddressHeader,
  });
  const limit = bodyLimit({
    maxSize: config.bodyLimitBytes,
    onError: () => {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than ${config.bodyLimitBytes} bytes.`,
      );
    },
  });

  return new Hono().post('/:study/responses', rateLimit, jsonBodyOnly(), limit, async (c) => {
    let text: string;
    try {
      text = await c.req.text();
    } catch {
      // The client went away (or timed out) mid-body: its fault, and nobody reads the answer.
      if (c.req.raw.signal.aborted) {
        throw new AppError('REQUEST_ABORTED', 'The request was not received whole.');
      }
      throw new AppError('INVALID_REQUEST', 'The request body could not be read.');
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new AppError('INVALID_JSON', 'The request body is not valid JSON.');
    }
    const result = await submitResponse(submitDeps, c.req.param('study'), parseSubmission(body));
    return c.json(result, 201);
  });
}
