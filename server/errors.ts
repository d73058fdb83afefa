// The server's one error type and its closed set of codes; HTTP statuses live in http/error-handler.ts.

/** Every expected failure's code; `http/error-handler.ts` maps each to its HTTP status. */
export const errorCodes = [
  'INVALID_JSON',
  'INVALID_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'KEY_NOT_FOUND',
  'QUESTIONNAIRE_NOT_FOUND',
  'WAVE_NOT_FOUND',
  'FORBIDDEN_ORIGIN',
  'LINK_NOT_FOUND',
  'REQUEST_TIMEOUT',
  'REQUEST_ABORTED',
  'UNSUPPORTED_MEDIA_TYPE',
  'TOO_MANY_REQUESTS',
  'HEADERS_TOO_LARGE',
  'SERVICE_UNAVAILABLE',
  'STUDY_NOT_FOUND',
  'AGENCY_NOT_FOUND',
  'TOKEN_NOT_FOUND',
  'WAVE_CLOSED',
  'TOKEN_USED',
  'RESPONSE_ID_CONFLICT',
  'QUESTIONNAIRE_VERSION_EXISTS',
  'STUDY_EXISTS',
  'WAVE_EXISTS',
  'WAVE_ALREADY_OPEN',
  'WAVE_RELEASED',
  'RESULTS_NOT_RELEASED',
  'STUDY_WITHOUT_TOKENS',
  'PAYLOAD_TOO_LARGE',
  'INVALID_RESPONSE',
  'INVALID_FRAME',
  'INVALID_CONTEXT',
  'INVALID_ENCODING',
  'INVALID_QUESTIONNAIRE',
  'INVALID_MARGINS',
  'RAKING_FAILED',
  'HEADCOUNT_EXCEEDED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

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
  error: {
    code: ErrorCode;
    message: string;
    details?: ErrorDetail[];
    /** How many details were left out of `details` (the HTTP edge lists a bounded number). */
    omittedDetails?: number;
  };
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

  toBody(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code, message: this.message };
    if (this.details !== undefined) error.details = this.details;
    return { error };
  }
}
