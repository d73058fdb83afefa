// The table of a question's results: every cell with its unweighted n and flags (small cells flagged, never hidden).

import type { Lang } from '../lang';
import { count, percent } from './format';
import { workspaceMessages } from './messages';
import type { Report } from './workspace-api';

type Row = Report['rows'][number];

function flagText(row: Row, lang: Lang): string[] {
  const m = workspaceMessages[lang];
  const flags: string[] = [];
  if (row.flags.lowReliability) flags.push(m.lowReliability);
  if (row.flags.census) flags.push(m.census);
  if (row.flags.fewDegreesOfFreedom) flags.push(m.fewDf);
  if (row.flags.noInterval) flags.push(m.noInterval);
  return flags;
}

export function ResultsTable({
  rows,
  lang,
  caption,
}: {
  rows: Row[];
  lang: Lang;
  caption: string;
}) {
  const m = workspaceMessages[lang];
  return (
    <div className="table-scroll tall" tabIndex={0} role="region" aria-label={caption}>
      <table data-testid="results-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.domain}</th>
            <th scope="col">{m.option}</th>
            <th scope="col">{m.percent}</th>
            <th scope="col">{m.se}</th>
            <th scope="col">{m.ci}</th>
            <th scope="col">{m.nBase}</th>
            <th scope="col">{m.nOption}</th>
            <th scope="col">{m.flags}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const flags = flagText(r, lang);
            return (
              <tr
                key={`${r.domainValues.join('|')}:${r.option}`}
                className={r.flags.lowReliability ? 'low-reliability' : undefined}
                data-option={r.option}
                data-domain={r.domainValues.join('|')}
              >
                <th scope="row">
                  {r.domainVariables.length > 0 ? r.domainLabels.join(' × ') : m.national}
                </th>
                <td>{r.optionLabel}</td>
                <td>{percent(r.estimate, lang)}</td>
                <td>{percent(r.se, lang, 2)}</td>
                <td>
                  {r.ciLow === null || r.ciHigh === null
                    ? '–'
                    : `${percent(r.ciLow, lang)}–${percent(r.ciHigh, lang)}`}
                </td>
                <td>{count(r.nBase, lang)}</td>
                <td>{count(r.nOption, lang)}</td>
                <td>
                  {flags.length > 0 ? <span className="flag">⚠ {flags.join(', ')}</span> : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
