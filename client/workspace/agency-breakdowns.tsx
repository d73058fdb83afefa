// The agency's own respondents by sex, education and position type on one question, each group beside the nation's.

import { useMemo } from 'react';
import type { Lang } from '../lang';
import type { AgencyResults, DisclosedRow } from '../../server/services/results/results-types';
import { CellView, minimumOf } from './agency-cells';
import { agencyMessages } from './agency-messages';

export interface AgencyBreakdownsProps {
  view: AgencyResults;
  question: string;
  lang: Lang;
}

const keyOf = (question: string, option: string, variable: string, value: string) =>
  [question, option, variable, value].join('\u0000');

/**
 * One table per breakdown variable the API sends (`agency × A4`, …): a row per group and
 * option with the agency's cell and the nation's for the same group. Hidden cells read
 * "suppressed" and why.
 */
export function AgencyBreakdowns({ view, question, lang }: AgencyBreakdownsProps) {
  const m = agencyMessages[lang];
  const national = useMemo(() => {
    const byKey = new Map<string, DisclosedRow>();
    for (const r of view.nationalBreakdowns) {
      byKey.set(
        keyOf(r.question, r.option, r.domainVariables[0] ?? '', r.domainValues[0] ?? ''),
        r,
      );
    }
    return byKey;
  }, [view]);
  const variables = useMemo(
    () => [...new Set(view.breakdowns.map((r) => r.domainVariables[1] ?? ''))],
    [view],
  );
  const k = minimumOf(view.disclosure, question);
  const rows = view.breakdowns.filter((r) => r.question === question);
  if (rows.length === 0) return <p>{m.noBreakdowns}</p>;
  return (
    <>
      {variables.map((variable) => {
        // Groups in the order the question offers them (SD before S2), options as asked.
        const order = view.comparison.filter((r) => r.question === variable).map((r) => r.option);
        const rank = (value: string) => {
          const i = order.indexOf(value);
          return i === -1 ? order.length : i;
        };
        const own = rows
          .filter((r) => r.domainVariables[1] === variable)
          .map((r, i) => ({ r, i }))
          .sort(
            (a, b) =>
              rank(a.r.domainValues[1] ?? '') - rank(b.r.domainValues[1] ?? '') || a.i - b.i,
          )
          .map(({ r }) => r);
        if (own.length === 0) return null;
        const label =
          view.comparison.find((r) => r.question === variable)?.questionLabel ?? variable;
        const caption = `${m.breakdownBy(label)} — ${question}`;
        return (
          <div key={variable}>
            <h3>{m.breakdownBy(label)}</h3>
            <div className="table-scroll tall" tabIndex={0} role="region" aria-label={caption}>
              <table data-testid="breakdown-table" data-variable={variable}>
                <caption>{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m.category}</th>
                    <th scope="col">{m.option}</th>
                    <th scope="col">{m.agency}</th>
                    <th scope="col">{m.national}</th>
                  </tr>
                </thead>
                <tbody>
                  {own.map((r) => {
                    const value = r.domainValues[1] ?? '';
                    const nation = national.get(keyOf(question, r.option, variable, value));
                    return (
                      <tr key={`${value}:${r.option}`} data-category={value} data-option={r.option}>
                        <th scope="row">{r.domainLabels[1] ?? value}</th>
                        <td>{r.optionLabel}</td>
                        <td data-series="agency">
                          <CellView cell={r.cell} lang={lang} k={k} />
                        </td>
                        <td data-series="national">
                          {nation ? <CellView cell={nation.cell} lang={lang} k={k} /> : '–'}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
    </>
  );
}
