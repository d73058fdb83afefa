// Recorded violations beside perceptions: cases per region and per 1,000 civil servants, the province's perception figure, the source and year.

import type { Lang } from '../lang';
import { count } from '../workspace/format';
import { cellText } from './format';
import { dashboardMessages } from './messages';
import type { PublicViolations } from './public-api';
import { TableBox } from './table-box';

export interface ViolationsSectionProps {
  violations: PublicViolations;
  lang: Lang;
}

const rate = (value: number, lang: Lang) =>
  value.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });

/** Sourced rows first, then illustrative ones; by region within each. */
function ordered(rows: PublicViolations['violations']) {
  return [...rows].sort(
    (a, b) =>
      Number(a.illustrative) - Number(b.illustrative) ||
      a.province.localeCompare(b.province) ||
      a.region.localeCompare(b.region) ||
      a.electionYear - b.electionYear,
  );
}

export function ViolationsSection({ violations, lang }: ViolationsSectionProps) {
  const m = dashboardMessages[lang];
  const rows = ordered(violations.violations);
  const anyIllustrative = rows.some((r) => r.illustrative);
  return (
    <section className="notice dashboard-section" aria-labelledby="violations-title">
      <h2 id="violations-title">{m.violationsTitle}</h2>
      {rows.length === 0 ? <p>{m.violationsNone}</p> : null}
      {rows.length > 0 ? (
        <>
          <p>{m.violationsIntro(violations.perception?.label ?? m.noPerception)}</p>
          {anyIllustrative ? <p className="hint">{m.illustrativeNote}</p> : null}
          <TableBox label={m.scrollTable(m.violationsTitle)}>
            <table className="figures" data-testid="violations-table">
              <caption className="visually-hidden">{m.violationsTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.region}</th>
                  <th scope="col">
                    {m.cases} ({m.perThousand})
                  </th>
                  <th scope="col">{m.perception}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((v) => (
                  <tr
                    key={`${v.region}|${v.electionYear}|${v.reportedOn}`}
                    data-region={v.region}
                    data-illustrative={v.illustrative ? 'true' : undefined}
                  >
                    <th scope="row">
                      {v.region}
                      <span className="cell-note">
                        {v.province} · {m.year} {v.electionYear}
                      </span>
                      <span className="cell-note">
                        {m.source}: {v.source}, {v.reportedOn}
                      </span>
                      {v.illustrative ? <span className="badge">{m.illustrative}</span> : null}
                    </th>
                    <td>
                      {count(v.casesRecorded, lang)}
                      {v.ratePerThousand !== null ? (
                        <span className="cell-note">
                          {rate(v.ratePerThousand, lang)} {m.perThousand}
                        </span>
                      ) : null}
                    </td>
                    <td>{v.perception ? cellText(v.perception.cell, lang) : m.noPerception}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        </>
      ) : null}
    </section>
  );
}
