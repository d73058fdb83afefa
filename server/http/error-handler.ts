// Maps every error to its HTTP answer: AppError codes to statuses and the one JSON envelope.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, type ErrorCode } from '../errors.ts';
import { boundedErrorBody } from './bounded-error-body.ts';
import { databaseErrorKind } from '../storage/db/database-errors.ts';

/** HTTP status of every error code: the only place that pairs codes with statuses. */
const statusOf = {
  INVALID_JSON: 400,
  INVALID_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  KEY_NOT_FOUND: 404,
  QUESTIONNAIRE_NOT_FOUND: 404,
  WAVE_NOT_FOUND: 404,
  FORBIDDEN_ORIGIN: 403,
  LINK_NOT_FOUND: 404,
  REQUEST_TIMEOUT: 408,
  // The client is gone; the status is for the log, nobody reads the answer.
  REQUEST_ABORTED: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  HEADERS_TOO_LARGE: 431,
  SERVICE_UNAVAILABLE: 503,
  STUDY_NOT_FOUND: 404,
  AGENCY_NOT_FOUND: 404,
  TOKEN_NOT_FOUND: 404,
  WAVE_CLOSED: 409,
  TOKEN_USED: 409,
  RESPONSE_ID_CONFLICT: 409,
  QUESTIONNAIRE_VERSION_EXISTS: 409,
  STUDY_EXISTS: 409,
  WAVE_EXISTS: 409,
  WAVE_ALREADY_OPEN: 409,
  WAVE_RELEASED: 409,
  RESULTS_NOT_RELEASED: 404,
  STUDY_WITHOUT_TOKENS: 409,
  PAYLOAD_TOO_LARGE: 413,
  INVALID_RESPONSE: 422,
  INVALID_FRAME: 422,
  INVALID_CONTEXT: 422,
  INVALID_ENCODING: 422,
  INVALID_QUESTIONNAIRE: 422,
  INVALID_MARGINS: 422,
  RAKING_FAILED: 422,
  HEADCOUNT_EXCEEDED: 409,
  INTERNAL: 500,
} as const satisfies Record<ErrorCode, ContentfulStatusCode>;

/** The HTTP status an AppError is answered with. */
export function statusOfError(error: AppError): ContentfulStatusCode {
  return statusOf[error.code];
}

/** Receives unexpected errors; the client only ever sees a generic 500. */
export type ErrorLogger = (message: string, error: unknown) => void;

/**
 * The app's `onError`: AppErrors become their (bounded) envelope, anything else is logged and
 * hidden. A request whose client went away mid-body is not an unexpected error: it is
 * answered `REQUEST_ABORTED` (nobody reads it) without a log line or stack.
 *
 * @example
 * app.onError(errorHandler(console.error));
 */
export function errorHandler(logError: ErrorLogger) {
  return (error: Error, c: Context): Response => {
    const appError = toAppError(error);
    if (appError) return c.json(boundedErrorBody(appError), statusOfError(appError));
    if (c.req.raw.signal.aborted) {
      const aborted = new AppError('REQUEST_ABORTED', 'The request was not received whole.');
      return c.json(aborted.toBody(), statusOfError(aborted));
    }
    // Only the method and route pattern are logged: never addresses, agents or bodies.
    logError(`Unexpected error in ${c.req.method} ${c.req.routePath}`, error);
    const internal = new AppError('INTERNAL', 'Something went wrong on the server.');
    return c.json(internal.toBody(), statusOfError(internal));
  };
}

function toAppError(error: Error): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 404) return new AppError('NOT_FOUND', 'Not found.');
    if (error.status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'Request body too large.');
    // Hono's body validator throws this for a body that does not parse as JSON.
    if (error.status === 400 && error.message.startsWith('Malformed JSON'))
      return new AppError('INVALID_JSON', 'The request body is not valid JSON.');
    if (error.status === 400)
      return new AppError('INVALID_REQUEST', error.message || 'Bad request.');
  }
  // Input the database refused is the request's fault, whatever slipped past the edge.
  const kind = databaseErrorKind(error);
  if (kind === 'invalid-input') {
    return new AppError(
      'INVALID_REQUEST',
      'A value in this request cannot be stored or looked up.',
    );
  }
  if (kind === 'busy') {
    return new AppError('SERVICE_UNAVAILABLE', 'The server is busy; try again in a moment.');
  }
  if (kind === 'missing-reference') {
    return new AppError('NOT_FOUND', 'Something this request names was removed meanwhile.');
  }
  return undefined;
}
