// Bounds what an error answer may cost: a fixed number of details, each text cut to a fixed length.
import type { AppError, ErrorBody, ErrorDetail } from '../errors.ts';

/** At most this many details per answer; the rest are counted in `omittedDetails`. */
export const maxErrorDetails = 50;
/** Longest text (message, problem, question or field name) an answer repeats, in characters. */
export const maxErrorText = 200;

/**
 * The JSON body of an error answer, bounded so a large hostile request cannot buy a much
 * larger answer: a 64 KiB submission of unknown keys used to get a 1.76 MB list back (×27).
 * At most `maxErrorDetails` details, every string cut to `maxErrorText` characters (with `…`),
 * and `omittedDetails: n` when details were left out. The answer is then at most about
 * 50 × 4 × 200 characters (≈ 40 KB) whatever the request held.
 *
 * @example
 * boundedErrorBody(new AppError('INVALID_RESPONSE', 'Some answers…', problems))
 * // { error: { code: 'INVALID_RESPONSE', message: 'Some answers…', details: [50 items], omittedDetails: 950 } }
 */
export function boundedErrorBody(error: AppError): ErrorBody {
  const body: ErrorBody['error'] = { code: error.code, message: cut(error.message) };
  const details = error.details;
  if (details !== undefined) {
    body.details = details.slice(0, maxErrorDetails).map(boundedDetail);
    if (details.length > maxErrorDetails) body.omittedDetails = details.length - maxErrorDetails;
  }
  return { error: body };
}

function boundedDetail(detail: ErrorDetail): ErrorDetail {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(detail)) {
    copy[key] = typeof value === 'string' ? cut(value) : value;
  }
  // Same keys, same value types, shorter strings: still the detail shape it was.
  return copy as ErrorDetail;
}

function cut(text: string): string {
  return text.length <= maxErrorText ? text : `${text.slice(0, maxErrorText - 1)}…`;
}
