// The server's one error type, its closed set of codes, and the single mapping of errors to HTTP responses.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** HTTP status of every error code; the closed union of codes is this table's keys. */
const statusOf = {
  INVALID_JSON: 400,
  INVALID_REQUEST: 400,
  NOT_FOUND: 404,
  STUDY_NOT_FOUND: 404,
  AGENCY_NOT_FOUND: 404,
  TOKEN_NOT_FOUND: 404,
  WAVE_CLOSED: 409,
  TOKEN_USED: 409,
  RESPONSE_ID_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  INVALID_RESPONSE: 422,
  INVALID_FRAME: 422,
  INTERNAL: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof statusOf;

/** One field-level reason, shaped by what was wrong: an answer, a request field, a CSV cell. */
export type ErrorDetail =
  { question: string; problem: string } | { field: string; problem: string } | CsvProblem;

/** A problem in an uploaded CSV file: 1-based line and column (null when no one column is at fault). */
export interface CsvProblem {
  line: number;
  column: number | null;
  columnName?: string;
  problem: string;
}

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[] };
}

/**
 * An expected failure with a code from the closed set; handlers throw it and `onError` maps it.
 *
 * @example
 * throw new AppError('WAVE_CLOSED', 'This study is not accepting responses.');
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  /** The HTTP status this error is answered with. */
  get status(): ContentfulStatusCode {
    return statusOf[this.code];
  }

  toBody(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code, message: this.message };
    if (this.details !== undefined) error.details = this.details;
    return { error };
  }
}

/** Receives unexpected errors; the client only ever sees a generic 500. */
export type ErrorLogger = (message: string, error: unknown) => void;

/**
 * The app's `onError`: AppErrors become their envelope, anything else is logged and hidden.
 *
 * @example
 * app.onError(errorHandler(console.error));
 */
export function errorHandler(logError: ErrorLogger) {
  return (error: Error, c: Context): Response => {
    const appError = toAppError(error);
    if (appError) return c.json(appError.toBody(), appError.status);
    // Only the method and route pattern are logged: never addresses, agents or bodies.
    logError(`Unexpected error in ${c.req.method} ${c.req.routePath}`, error);
    const internal = new AppError('INTERNAL', 'Something went wrong on the server.');
    return c.json(internal.toBody(), internal.status);
  };
}

function toAppError(error: Error): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 404) return new AppError('NOT_FOUND', 'Not found.');
    if (error.status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'Request body too large.');
    if (error.status === 400)
      return new AppError('INVALID_REQUEST', error.message || 'Bad request.');
  }
  return undefined;
}
