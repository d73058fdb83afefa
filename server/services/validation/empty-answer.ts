// SurveyJS's notion of an unanswered value, shared by the required check and answer flattening.

/**
 * Whether SurveyJS treats `value` as no answer: undefined, null, NaN, '', [], or a plain
 * object whose values are all empty (an untouched matrix). Mirrors survey-core's
 * `Helpers.isValueEmpty`, so "required" means the same thing on both sides.
 *
 * @example
 * isEmptyAnswer({ F1: null }) // true
 * isEmptyAnswer(0) // false
 */
export function isEmptyAnswer(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (typeof value === 'number') return Number.isNaN(value);
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) {
    for (const key in value) {
      if (!isEmptyAnswer(value[key])) return false;
    }
    return true;
  }
  return false;
}

/**
 * A JSON object (not an array, not null, not a class instance).
 *
 * @example
 * isPlainObject({}) // true
 * isPlainObject([]) // false
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
