// One question on the agency dashboard: a chart of agency, nation and peers with intervals, then the same figures as a table.

import { ComparisonChart, seriesColours, seriesKeys } from '../charts/comparison-chart';
import { useContainerWidth } from '../charts/use-container-width';
import type { Lang } from '../lang';
import type { AgencyResults } from '../../server/services/results/results-types';
import { CellView, chartValue, minimumOf, significanceText } from './agency-cells';
import { agencyMessages } from './agency-messages';

type Row = AgencyResults['comparison'][number];

export interface AgencyComparisonProps {
  rows: Row[];
  disclosure: AgencyResults['disclosure'];
  lang: Lang;
}

/** The chart's legend: shapes and colours of the three series, and the significance mark. */
function Legend({ lang }: { lang: Lang }) {
  const m = agencyMessages[lang];
  const labels = { agency: m.legendAgency, national: m.legendNational, peer: m.legendPeer };
  const shapes = { agency: '●', national: '■', peer: '◆' };
  return (
    <ul className="legend">
      {seriesKeys.map((s) => (
        <li key={s}>
          <span aria-hidden="true" style={{ color: seriesColours[s] }}>
            {shapes[s]}
          </span>{' '}
          {labels[s]}
        </li>
      ))}
      <li>{m.legendSignificant}</li>
    </ul>
  );
}

export function AgencyComparison({ rows, disclosure, lang }: AgencyComparisonProps) {
  const m = agencyMessages[lang];
  const [box, width] = useContainerWidth(640);
  const first = rows[0];
  if (!first) return null;
  const k = minimumOf(disclosure, first.question);
  const caption = `${first.question} — ${first.questionLabel}`;
  return (
    <div data-testid="comparison" data-question={first.question}>
      <h3>{caption}</h3>
      <Legend lang={lang} />
      <figure ref={box}>
        <ComparisonChart
          width={Math.min(width, 760)}
          groups={rows.map((r) => ({
            label: r.optionLabel,
            values: {
              agency: chartValue(r.agency),
              national: chartValue(r.national),
              peer: chartValue(r.peer),
            },
            mark: r.significance?.direction ?? null,
          }))}
          seriesLabels={{ agency: m.agency, national: m.national, peer: m.peerShort }}
          hiddenText={m.suppressed}
          description={m.chartAlt(first.questionLabel, rows.length)}
        />
      </figure>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table data-testid="comparison-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.option}</th>
              <th scope="col">{m.agency}</th>
              <th scope="col">{m.national}</th>
              <th scope="col">{m.peer}</th>
              <th scope="col">{m.difference}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.option} data-option={r.option}>
                <th scope="row">{r.optionLabel}</th>
                {seriesKeys.map((s) => (
                  <td key={s} data-series={s}>
                    <CellView cell={r[s]} lang={lang} k={k} />
                  </td>
                ))}
                <td data-significance={r.significance?.direction ?? 'none'}>
                  {r.significance ? (
                    <strong className="significant">
                      {significanceText(r.significance, lang)}
                    </strong>
                  ) : (
                    m.notSignificant
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
