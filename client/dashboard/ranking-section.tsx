// Provinces or agency types ranked on a chosen indicator: intervals drawn, overlapping ones shaded as tie groups, hidden rows marked without a number.

import { useEffect, useState } from 'react';
import { useContainerWidth } from '../charts/use-container-width';
import type { Lang } from '../lang';
import { cellText } from './format';
import { chartRow } from './headline-section';
import { LazyIntervalChart } from './lazy-chart';
import { dashboardMessages } from './messages';
import { publicApi, type PublicRanking, type PublicStudy, type RankingBy } from './public-api';
import { TableBox } from './table-box';

export interface RankingSectionProps {
  study: PublicStudy;
  lang: Lang;
}

const rankText = (rank: { best: number; worst: number }) =>
  rank.best === rank.worst ? String(rank.best) : `${rank.best}–${rank.worst}`;

export function RankingSection({ study, lang }: RankingSectionProps) {
  const m = dashboardMessages[lang];
  const first = study.rankingIndicators[0];
  const [indicator, setIndicator] = useState(first ? `${first.question}:${first.option}` : '');
  const [by, setBy] = useState<RankingBy>('province');
  // The last ranking stays on screen while the next one loads, so the page does not jump.
  const [ranking, setRanking] = useState<PublicRanking>();
  const [status, setStatus] = useState<'loading' | 'failed' | 'loaded'>('loading');
  const [box, width] = useContainerWidth(360);

  useEffect(() => {
    if (indicator === '') return;
    let cancelled = false;
    setStatus('loading');
    publicApi
      .ranking(study.id, indicator, by, lang)
      .then((r) => (r.ok ? r.value : undefined))
      .catch(() => undefined)
      .then((next) => {
        if (cancelled) return;
        if (next) setRanking(next);
        setStatus(next ? 'loaded' : 'failed');
      });
    return () => {
      cancelled = true;
    };
  }, [study.id, indicator, by, lang]);

  if (study.rankingIndicators.length === 0) return null;
  const label = ranking
    ? `${ranking.indicator.questionLabel}: ${ranking.indicator.optionLabel}`
    : '';
  return (
    <section className="notice dashboard-section" aria-labelledby="ranking-title">
      <h2 id="ranking-title">{m.rankingTitle}</h2>
      <div className="controls">
        <label className="field">
          {m.rankingIndicator}
          <select name="indicator" value={indicator} onChange={(e) => setIndicator(e.target.value)}>
            {study.rankingIndicators.map((i) => (
              <option key={`${i.question}:${i.option}`} value={`${i.question}:${i.option}`}>
                {i.label}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="toggle">
          <legend>{m.rankingBy}</legend>
          {(
            [
              ['province', m.byProvince],
              ['type', m.byType],
            ] as const
          ).map(([value, text]) => (
            <label key={value}>
              <input
                type="radio"
                name="ranking-by"
                value={value}
                checked={by === value}
                onChange={() => setBy(value)}
              />
              {text}
            </label>
          ))}
        </fieldset>
      </div>
      {status === 'loading' ? <p aria-busy="true">{m.loading}</p> : null}
      {status === 'failed' ? <p role="alert">{m.failed}</p> : null}
      {ranking ? (
        <div
          data-testid="ranking"
          data-indicator={`${ranking.indicator.question}:${ranking.indicator.option}`}
          data-by={ranking.by}
        >
          <h3>{label}</h3>
          <p className="hint">{m.tieNote}</p>
          <figure ref={box} className="dashboard-chart">
            <LazyIntervalChart
              rows={ranking.entries.map((e) =>
                chartRow(e.label, e.cell, lang, e.rank ? { group: e.rank.tieGroup } : {}),
              )}
              width={Math.min(width, 760)}
              groupLabel={m.groupLabel}
              zoom
              description={m.chartAltRanking(label, ranking.entries.length)}
            />
          </figure>
          <TableBox label={m.scrollTable(`${m.rankingTitle}: ${label}`)}>
            <table className="figures ranking-table">
              <caption className="visually-hidden">
                {m.rankingTitle}: {label}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{m.rank}</th>
                  <th scope="col">{ranking.by === 'province' ? m.byProvince : m.byType}</th>
                  <th scope="col">
                    {m.estimate} ({m.interval})
                  </th>
                </tr>
              </thead>
              <tbody>
                {ranking.entries.map((e) => (
                  <tr
                    key={e.value}
                    data-value={e.value}
                    data-hidden={e.rank === null ? 'true' : undefined}
                    className={e.rank && e.rank.tieGroup % 2 === 1 ? 'tie-band' : undefined}
                  >
                    <td>
                      {e.rank ? (
                        <>
                          {rankText(e.rank)}
                          <span className="cell-note">{m.groupLabel(e.rank.tieGroup)}</span>
                        </>
                      ) : (
                        '–'
                      )}
                    </td>
                    <th scope="row">{e.label}</th>
                    <td>{cellText(e.cell, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
          <p className="hint">{ranking.note}</p>
        </div>
      ) : null}
    </section>
  );
}
