// The fieldwork monitor: per agency n_h, N_h, response rate and last day; totals; responses per day.

import { useMemo, useState } from 'react';
import { DayBarsChart } from '../charts/day-bars-chart';
import { useContainerWidth } from '../charts/use-container-width';
import type { Lang } from '../lang';
import { count, percent } from './format';
import { workspaceMessages } from './messages';
import type { FieldworkReport } from './workspace-api';

type Agency = FieldworkReport['agencies'][number];
type SortKey =
  | 'name'
  | 'province'
  | 'islandRegion'
  | 'responses'
  | 'headcount'
  | 'responseRate'
  | 'lastSubmissionDay';

function compare(a: Agency, b: Agency, key: SortKey): number {
  const x = a[key];
  const y = b[key];
  if (x === y) return 0;
  if (x === null) return -1;
  if (y === null) return 1;
  return typeof x === 'number' && typeof y === 'number'
    ? x - y
    : String(x).localeCompare(String(y));
}

interface TotalsTableProps {
  caption: string;
  groupLabel: string;
  rows: FieldworkReport['provinces'];
  lang: Lang;
}

function TotalsTable({ caption, groupLabel, rows, lang }: TotalsTableProps) {
  const m = workspaceMessages[lang];
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{groupLabel}</th>
            <th scope="col">{m.agenciesResponding}</th>
            <th scope="col">{m.responses}</th>
            <th scope="col">{m.headcount}</th>
            <th scope="col">{m.responseRate} (%)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.group}>
              <th scope="row">{row.group}</th>
              <td>
                {row.agenciesWithResponses} / {row.agencies}
              </td>
              <td>{count(row.responses, lang)}</td>
              <td>{count(row.headcount, lang)}</td>
              <td>{percent(row.responseRate, lang, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The open wave's hours that stand out (an agency's link posted publicly, or a script spread
 * over the public agency codes): agency, how many hours ago, submissions and the usual hourly
 * count. Nothing when there is none.
 */
function BurstAlert({ report, lang }: { report: FieldworkReport; lang: Lang }) {
  const m = workspaceMessages[lang];
  if (report.bursts.length === 0) return null;
  const names = new Map(report.agencies.map((a) => [a.code, a.name]));
  return (
    <div role="alert" className="alert" data-testid="fieldwork-bursts">
      <h3>{m.burstsTitle}</h3>
      <p>{m.burstsIntro}</p>
      <ul>
        {report.bursts.map((b) => (
          <li key={`${b.agencyCode}/${b.hoursAgo}`}>
            {m.burstLine(
              names.get(b.agencyCode) ?? b.agencyCode,
              b.hoursAgo,
              count(b.submissions, lang),
              count(Math.round(b.usualPerHour), lang),
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Sortable (a button in each column header, `aria-sort` on the sorted one) and filterable (by
 * text and island region) table of agencies, province and island-region totals, and a chart of
 * responses per day with its figures in a table.
 */
export function FieldworkMonitor({ report, lang }: { report: FieldworkReport; lang: Lang }) {
  const m = workspaceMessages[lang];
  const [filter, setFilter] = useState('');
  const [chartBox, chartWidth] = useContainerWidth(640);
  const [region, setRegion] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: 'responseRate',
    descending: false,
  });
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const rows = report.agencies.filter(
      (a) =>
        (region === '' || a.islandRegion === region) &&
        (needle === '' ||
          [a.code, a.name, a.province, a.type].some((v) => v.toLowerCase().includes(needle))),
    );
    rows.sort((a, b) => compare(a, b, sort.key) * (sort.descending ? -1 : 1));
    return rows;
  }, [report.agencies, filter, region, sort]);

  const columns: { key: SortKey; label: string }[] = [
    { key: 'name', label: m.agency },
    { key: 'province', label: m.province },
    { key: 'islandRegion', label: m.islandRegion },
    { key: 'responses', label: m.responses },
    { key: 'headcount', label: m.headcount },
    { key: 'responseRate', label: `${m.responseRate} (%)` },
    { key: 'lastSubmissionDay', label: m.lastDay },
  ];
  const bursting = new Set(report.bursts.map((b) => b.agencyCode));
  const national = report.national;
  const total = report.days.reduce((sum, d) => sum + d.responses, 0);

  return (
    <section aria-labelledby="fieldwork-title" className="card">
      <h2 id="fieldwork-title">{m.fieldworkTitle}</h2>
      <p data-testid="fieldwork-national">
        {m.national}: {count(national.responses, lang)} / {count(national.headcount, lang)} (
        {percent(national.responseRate, lang, 2)}%) · {m.agenciesResponding}{' '}
        {national.agenciesWithResponses} / {national.agencies}
      </p>
      {report.headcountsIllustrative ? <p className="hint">{m.illustrativeHeadcounts}</p> : null}
      <BurstAlert report={report} lang={lang} />

      <h3>{m.perDay}</h3>
      <figure ref={chartBox}>
        <DayBarsChart
          width={Math.min(chartWidth, 760)}
          days={report.days}
          description={m.perDayAlt(report.days.length, total)}
        />
        <details>
          <summary>{m.perDay}</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">{m.day}</th>
                <th scope="col">{m.responses}</th>
              </tr>
            </thead>
            <tbody>
              {report.days.map((d) => (
                <tr key={d.day}>
                  <th scope="row">{d.day}</th>
                  <td>{count(d.responses, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figure>

      <h3>{m.agencies}</h3>
      <div className="controls">
        <label>
          {m.filter}
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        <label>
          {m.islandRegion}
          <select value={region} onChange={(e) => setRegion(e.target.value)}>
            <option value="">{m.allRegions}</option>
            {report.islandRegions.map((r) => (
              <option key={r.group} value={r.group}>
                {r.group}
              </option>
            ))}
          </select>
        </label>
        <output aria-live="polite">{m.shownOf(shown.length, report.agencies.length)}</output>
      </div>
      <div className="table-scroll tall" tabIndex={0} role="region" aria-label={m.agencies}>
        <table data-testid="fieldwork-agencies">
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={
                    sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined
                  }
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() =>
                      setSort((s) => ({
                        key: c.key,
                        descending: s.key === c.key ? !s.descending : false,
                      }))
                    }
                  >
                    {c.label}
                    <span aria-hidden="true">
                      {sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => (
              <tr key={a.code} data-burst={bursting.has(a.code) || undefined}>
                <th scope="row">
                  {a.name}
                  {bursting.has(a.code) ? <strong className="badge">{m.burstBadge}</strong> : null}
                </th>
                <td>{a.province}</td>
                <td>{a.islandRegion}</td>
                <td>{count(a.responses, lang)}</td>
                <td>{count(a.headcount, lang)}</td>
                <td>{percent(a.responseRate, lang, 2)}</td>
                <td>{a.lastSubmissionDay ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TotalsTable
        caption={m.byIslandRegion}
        groupLabel={m.islandRegion}
        rows={report.islandRegions}
        lang={lang}
      />
      <details>
        <summary>{m.byProvince}</summary>
        <TotalsTable
          caption={m.byProvince}
          groupLabel={m.province}
          rows={report.provinces}
          lang={lang}
        />
      </details>
    </section>
  );
}
