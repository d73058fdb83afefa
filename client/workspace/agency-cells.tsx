// How one disclosure-controlled cell reads on the agency dashboard: its figures, or "suppressed" and why in words.

import type { ComparisonValue } from '../charts/comparison-chart';
import type { Lang } from '../lang';
import type {
  AgencyResults,
  DisclosedCell,
  SignificanceMark,
  SuppressionReason,
} from '../../server/services/results/results-types';
import { agencyMessages } from './agency-messages';
import { count, percent } from './format';

/** k of a question: the sensitive k for sensitive items, else k. */
export function minimumOf(disclosure: AgencyResults['disclosure'], question: string): number {
  return disclosure.sensitiveQuestions.includes(question)
    ? disclosure.sensitiveMinimumCellSize
    : disclosure.minimumCellSize;
}

/**
 * The words for a hidden cell, e.g. `disembunyikan — di bawah k: dasar kurang dari 10 responden`.
 *
 * @example
 * suppressedText('complementary', 'en', 10) // 'suppressed — complementary: so that …'
 */
export function suppressedText(reason: SuppressionReason, lang: Lang, k: number): string {
  const m = agencyMessages[lang];
  return `${m.suppressed} — ${m.reasons[reason](k)}`;
}

/** A hidden cell: the word "suppressed" and the reason, never a number. */
export function SuppressedMark({
  reason,
  lang,
  k,
}: {
  reason: SuppressionReason;
  lang: Lang;
  k: number;
}) {
  const m = agencyMessages[lang];
  return (
    <span className="suppressed" data-suppressed={reason}>
      <strong>⊘ {m.suppressed}</strong> <span>{m.reasons[reason](k)}</span>
    </span>
  );
}

/** A 0–1 share as `60,0%`, or a bound as `≥ 90,0%`. */
export function shareText(cell: DisclosedCell & { suppressed: null }, lang: Lang): string {
  const m = agencyMessages[lang];
  const { bound, estimate } = cell.figures;
  if (bound)
    return `${bound.side === 'at-least' ? m.atLeast : m.atMost} ${percent(bound.value, lang)}%`;
  return estimate === null ? '–' : `${percent(estimate, lang)}%`;
}

/** A p-value as `0,003`, or `< 0,001`. */
function pText(p: number, lang: Lang): string {
  if (p < 0.001) return `< ${(0.001).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB')}`;
  return p.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', {
    minimumFractionDigits: 3,
    maximumFractionDigits: 3,
  });
}

/** `▲ higher, significant (+12.5 percentage points, p = 0.003)`. */
export function significanceText(mark: SignificanceMark, lang: Lang): string {
  const m = agencyMessages[lang];
  const points = `${mark.difference > 0 ? '+' : '−'}${percent(Math.abs(mark.difference), lang)}`;
  const arrow = mark.direction === 'higher' ? '▲' : '▼';
  return `${arrow} ${m.significant(
    mark.direction === 'higher' ? m.higher : m.lower,
    points,
    pText(mark.pValue, lang),
  )}`;
}

/** A table cell's content: share, interval, base and reliability, or the suppressed mark. */
export function CellView({ cell, lang, k }: { cell: DisclosedCell; lang: Lang; k: number }) {
  const m = agencyMessages[lang];
  if (cell.suppressed !== null)
    return <SuppressedMark reason={cell.suppressed} lang={lang} k={k} />;
  const { ciLow, ciHigh, nBase, lowReliability } = cell.figures;
  return (
    <span className="cell-figures">
      <strong className="share">{shareText(cell, lang)}</strong>
      {ciLow !== null && ciHigh !== null && cell.figures.bound === null ? (
        <span className="ci">
          {m.ci} {percent(ciLow, lang)}–{percent(ciHigh, lang)}
        </span>
      ) : null}
      <span className="base">n = {count(nBase, lang)}</span>
      {lowReliability ? <span className="flag">⚠ {m.lowReliability}</span> : null}
    </span>
  );
}

/** The chart's reading of a cell: hidden, a bound, an estimate with its interval, or nothing. */
export function chartValue(cell: DisclosedCell): ComparisonValue {
  if (cell.suppressed !== null) return { kind: 'hidden' };
  const { bound, estimate, ciLow, ciHigh, lowReliability } = cell.figures;
  if (bound) return { kind: 'bound', side: bound.side, value: bound.value };
  if (estimate === null) return { kind: 'none' };
  return { kind: 'estimate', estimate, low: ciLow, high: ciHigh, flagged: lowReliability };
}
