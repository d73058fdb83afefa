// Small builders for SurveyJS JSON fragments, so questionnaires read as content rather than braces.

/** A SurveyJS localizable string: Indonesian under `default`, English under `en`. */
export interface LocalizedJsonText {
  default: string;
  en: string;
}

/** A SurveyJS choice (or matrix row/column, or rate value) with a localized label. */
export interface JsonChoice {
  value: string | number;
  text: LocalizedJsonText;
  isExclusive?: boolean;
}

/**
 * Builds a localized string; Indonesian is the default because respondents are Indonesian civil
 * servants, English is the alternative interface language.
 *
 * @example
 * tx('Jenis kelamin', 'Sex') // { default: 'Jenis kelamin', en: 'Sex' }
 */
export function tx(indonesian: string, english: string): LocalizedJsonText {
  return { default: indonesian, en: english };
}

/**
 * Builds a choice with a stable machine value and a localized label.
 *
 * @example
 * choice('ya', 'Ya', 'Yes')
 */
export function choice(value: string | number, indonesian: string, english: string): JsonChoice {
  return { value, text: tx(indonesian, english) };
}

/**
 * Builds a checkbox choice that clears every other tick (e.g. "Tidak ada"), as SurveyJS's
 * `isExclusive` does.
 *
 * @example
 * exclusiveChoice('tidak_tahu', 'Tidak tahu', "Don't know")
 */
export function exclusiveChoice(value: string, indonesian: string, english: string): JsonChoice {
  return { value, text: tx(indonesian, english), isExclusive: true };
}
