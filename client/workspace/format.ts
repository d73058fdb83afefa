// Number formats of the workspace: percentages and counts in the interface language's conventions.

import type { Lang } from '../lang';

const locale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');

/** A 0–1 proportion as a percentage with `digits` decimals; `–` for none. */
export function percent(value: number | null, lang: Lang, digits = 1): string {
  if (value === null) return '–';
  return (value * 100).toLocaleString(locale(lang), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** A whole count with the language's digit grouping. */
export function count(value: number, lang: Lang): string {
  return value.toLocaleString(locale(lang));
}
