// The headline indicators beside KASN's published 2021 figures, and one indicator broken down by island region and position type.

import { useState } from 'react';
import type { StackedIntervalRow } from '../charts/stacked-interval-chart';
import { useContainerWidth } from '../charts/use-container-width';
import type { Lang } from '../lang';
import { cellText, publishedText } from './format';
import { LazyIntervalChart } from './lazy-chart';
import { dashboardMessages } from './messages';
import type { DisclosedCell, PublicHeadline } from './public-api';
import { TableBox } from './table-box';

type Indicator = PublicHeadline['indicators'][number];

/** `D1:tim_sukses`, `C20:3+4`: the indicator's key, unique within a headline. */
export const indicatorKey = (indicator: Indicator): string =>
  `${indicator.variable}:${indicator.options.join('+')}`;

/** A chart row of a cell: hidden cells carry their words only, never a figure. */
export function chartRow(
  label: string,
  cell: DisclosedCell,
  lang: Lang,
  extra: Partial<StackedIntervalRow> = {},
): StackedIntervalRow {
  const m = dashboardMessages[lang];
  if (cell.suppressed !== null) {
    return {
      label,
      estimate: null,
      low: null,
      high: null,
      hiddenText: `${m.hidden} (${m.reasons[cell.suppressed]})`,
      ...extra,
    };
  }
  const f = cell.figures;
  return {
    label,
    estimate: f.bound ? f.bound.value : f.estimate,
    low: f.bound ? null : f.ciLow,
    high: f.bound ? null : f.ciHigh,
    flagged: f.lowReliability,
    ...extra,
  };
}

export interface HeadlineSectionProps {
  headline: PublicHeadline;
  lang: Lang;
}

export function HeadlineSection({ headline, lang }: HeadlineSectionProps) {
  const m = dashboardMessages[lang];
  const [box, width] = useContainerWidth(360);
  const rows = headline.indicators.map((indicator) =>
    chartRow(indicator.label, indicator.national, lang, {
      reference: indicator.published.percent / 100,
    }),
  );
  return (
    <section className="notice dashboard-section" aria-labelledby="headline-title">
      <h2 id="headline-title">{m.headlineTitle}</h2>
      <p>{m.headlineIntro}</p>
      <Legend lang={lang} />
      <figure ref={box} className="dashboard-chart">
        <LazyIntervalChart
          rows={rows}
          width={Math.min(width, 760)}
          description={m.chartAltHeadline(rows.length)}
        />
      </figure>
      <TableBox label={m.scrollTable(m.headlineTitle)}>
        <table className="figures" data-testid="headline-table">
          <caption className="visually-hidden">{m.headlineTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{m.indicator}</th>
              <th scope="col">
                {m.estimate} ({m.interval})
              </th>
              <th scope="col">{m.published}</th>
            </tr>
          </thead>
          <tbody>
            {headline.indicators.map((indicator) => (
              <tr key={indicatorKey(indicator)} data-indicator={indicatorKey(indicator)}>
                <th scope="row">{indicator.label}</th>
                <td data-cell="national">
                  {cellText(indicator.national, lang)}
                  {indicator.components.length > 1 ? (
                    <span className="cell-note">
                      {m.noInterval}:{' '}
                      {indicator.components
                        .map((c) => `${c.optionLabel} ${cellText(c.cell, lang)}`)
                        .join('; ')}
                    </span>
                  ) : null}
                </td>
                <td data-cell="published">
                  {publishedText(indicator.published.percent, lang)}
                  <span className="cell-note">
                    {indicator.published.source.url ? (
                      <a href={indicator.published.source.url} rel="noreferrer">
                        {indicator.published.source.publisher}
                      </a>
                    ) : (
                      indicator.published.source.publisher
                    )}
                    , {indicator.published.source.published}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>
    </section>
  );
}

/** What the marks mean, drawn as they are in the chart (shape, not only colour). */
function Legend({ lang }: { lang: Lang }) {
  const m = dashboardMessages[lang];
  return (
    <p className="chart-legend" aria-hidden="true">
      <svg width="14" height="14" viewBox="0 0 14 14">
        <circle cx="7" cy="7" r="5" className="legend-estimate" />
      </svg>{' '}
      {m.legendEstimate}{' '}
      <svg width="14" height="14" viewBox="0 0 14 14">
        <rect
          x="3"
          y="3"
          width="8"
          height="8"
          transform="rotate(45 7 7)"
          className="legend-published"
        />
      </svg>{' '}
      {m.legendPublished}
    </p>
  );
}

export interface BreakdownSectionProps {
  headline: PublicHeadline;
  lang: Lang;
}

/** One headline indicator (the reader picks which) by island region and by position type. */
export function BreakdownSection({ headline, lang }: BreakdownSectionProps) {
  const m = dashboardMessages[lang];
  const [chosen, setChosen] = useState('');
  const [box, width] = useContainerWidth(360);
  const indicator =
    headline.indicators.find((i) => indicatorKey(i) === chosen) ?? headline.indicators[0];
  if (!indicator) return null;
  const parts = [
    ['island-region', m.byIslandRegion, indicator.byIslandRegion],
    ['position-type', m.byPositionType, indicator.byPositionType],
  ] as const;
  return (
    <section className="notice dashboard-section" aria-labelledby="breakdown-title">
      <h2 id="breakdown-title">{m.breakdownTitle}</h2>
      <label className="field">
        {m.breakdownIndicator}
        <select value={indicatorKey(indicator)} onChange={(e) => setChosen(e.target.value)}>
          {headline.indicators.map((i) => (
            <option key={indicatorKey(i)} value={indicatorKey(i)}>
              {i.label}
            </option>
          ))}
        </select>
      </label>
      <div ref={box}>
        {parts.map(([key, title, entries]) => (
          <div key={key} data-breakdown={key}>
            <h3>{title}</h3>
            <figure className="dashboard-chart">
              <LazyIntervalChart
                rows={entries.map((e) => chartRow(e.label, e.cell, lang))}
                width={Math.min(width, 760)}
                description={m.chartAltBreakdown(indicator.label, title)}
              />
            </figure>
            <TableBox label={m.scrollTable(`${indicator.label} — ${title}`)}>
              <table className="figures">
                <caption className="visually-hidden">
                  {indicator.label} — {title}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{title}</th>
                    <th scope="col">
                      {m.estimate} ({m.interval})
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((e) => (
                    <tr key={e.value} data-value={e.value}>
                      <th scope="row">{e.label}</th>
                      <td>{cellText(e.cell, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableBox>
          </div>
        ))}
      </div>
    </section>
  );
}
