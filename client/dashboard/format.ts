// How the dashboard writes a disclosed cell: a percentage with its 95% interval, a bound, or "hidden" with the reason and no number.

import type { Lang } from '../lang';
import { percent } from '../workspace/format';
import { dashboardMessages } from './messages';
import type { DisclosedCell } from './public-api';

/**
 * The estimate as a percentage with one decimal (`32,5%`), a bound (`≥ 90%`), or for a hidden
 * cell `Disembunyikan (basis terlalu kecil)`: words only, never a figure of it.
 *
 * @example
 * estimateText({ suppressed: 'below-minimum', figures: null }, 'en') // 'Hidden (base too small)'
 */
export function estimateText(cell: DisclosedCell, lang: Lang): string {
  const m = dashboardMessages[lang];
  if (cell.suppressed !== null) return `${m.hidden} (${m.reasons[cell.suppressed]})`;
  const f = cell.figures;
  if (f.bound)
    return `${f.bound.side === 'at-least' ? '≥' : '≤'} ${percent(f.bound.value, lang, 0)}%`;
  return f.estimate === null ? '–' : `${percent(f.estimate, lang)}%`;
}

/** The 95% interval as `31,6–33,4%`, or '' when the cell has none (hidden, a bound, a sum). */
export function intervalText(cell: DisclosedCell, lang: Lang): string {
  const f = cell.figures;
  if (!f || f.ciLow === null || f.ciHigh === null || f.bound) return '';
  return `${percent(f.ciLow, lang)}–${percent(f.ciHigh, lang)}%`;
}

/** Estimate and interval in one line: `32,5% (31,6–33,4%)`. */
export function cellText(cell: DisclosedCell, lang: Lang): string {
  const interval = intervalText(cell, lang);
  return interval === '' ? estimateText(cell, lang) : `${estimateText(cell, lang)} (${interval})`;
}

/** A published percentage (0–100) as `96,49%`, with the decimals it was published with. */
export function publishedText(value: number, lang: Lang): string {
  const digits = Number.isInteger(value) ? 0 : (String(value).split('.')[1]?.length ?? 0);
  return `${percent(value / 100, lang, digits)}%`;
}
