// The neutrality perception index as satisfaction-survey (IKM) widgets show it: the index, its A–D grade, and who answered.

import type { Lang } from '../lang';
import type {
  PerceptionIndexCell,
  PerceptionIndexResult,
  RespondentCounts,
} from '../../server/services/results/results-types';
import { SuppressedMark } from './agency-cells';
import { agencyMessages } from './agency-messages';
import { count } from './format';

const indexText = (value: number, lang: Lang) =>
  value.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });

function IndexTile({
  who,
  cell,
  lang,
  k,
  main,
}: {
  who: 'agency' | 'national' | 'peer';
  cell: PerceptionIndexCell;
  lang: Lang;
  k: number;
  main: boolean;
}) {
  const m = agencyMessages[lang];
  const name = who === 'agency' ? m.agency : who === 'national' ? m.national : m.peer;
  return (
    <div className={main ? 'index-tile main' : 'index-tile'} data-series={who}>
      <p className="index-who">{m.indexOf(name)}</p>
      {cell.suppressed !== null ? (
        <p>
          <SuppressedMark reason={cell.suppressed} lang={lang} k={k} />
        </p>
      ) : (
        <>
          <p className="index-value">
            <span className="index-number" data-index={cell.index}>
              {indexText(cell.index, lang)}
            </span>
            <span className={`grade grade-${cell.grade}`} data-grade={cell.grade}>
              <span className="visually-hidden">{m.grade} </span>
              {cell.grade}
            </span>
          </p>
          <p className="index-meta">
            {m.grade} {cell.grade}: {m.grades[cell.grade]} · {m.indexBase(count(cell.nBase, lang))}
          </p>
        </>
      )}
    </div>
  );
}

export interface PerceptionIndexWidgetProps {
  index: PerceptionIndexResult | undefined;
  counts: RespondentCounts[];
  respondents: number;
  lang: Lang;
  k: number;
}

/**
 * The agency's index large with its grade (PermenPANRB 14/2017 letters, spelled out beside
 * them, so the grade never rests on colour), the nation and peers beside it, and the agency's
 * respondents by sex and education, each count hidden below k.
 */
export function PerceptionIndexWidget({
  index,
  counts,
  respondents,
  lang,
  k,
}: PerceptionIndexWidgetProps) {
  const m = agencyMessages[lang];
  return (
    <section
      className="card index-widget"
      aria-labelledby="index-title"
      data-testid="perception-index"
    >
      <h2 id="index-title">{index?.label ?? m.indexTitle}</h2>
      {index ? (
        <>
          <div className="index-tiles">
            <IndexTile who="agency" cell={index.agency} lang={lang} k={k} main />
            <IndexTile who="national" cell={index.national} lang={lang} k={k} main={false} />
            <IndexTile who="peer" cell={index.peer} lang={lang} k={k} main={false} />
          </div>
          <p className="note">{index.methodNote}</p>
        </>
      ) : null}
      <h3>{m.countsTitle}</h3>
      <dl className="counts" data-testid="respondent-counts">
        <div>
          <dt>{m.countsTotal}</dt>
          <dd data-count="total">{count(respondents, lang)}</dd>
        </div>
        {counts.map((variable) => {
          const reasons = [
            ...new Set(variable.categories.map((c) => c.suppressed).filter((r) => r !== null)),
          ];
          return (
            <div key={variable.variable} data-variable={variable.variable}>
              <dt>{variable.label}</dt>
              <dd>
                <ul>
                  {variable.categories.map((c) => (
                    <li key={c.value} data-category={c.value}>
                      {c.label}:{' '}
                      {c.respondents !== null ? (
                        count(c.respondents, lang)
                      ) : (
                        <span className="suppressed" data-suppressed={c.suppressed}>
                          ⊘ {m.suppressed}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
                {/* The reason once per variable, not under every category, so the widget stays short on a phone. */}
                {reasons.length > 0 ? (
                  <p className="note">
                    ⊘ {m.suppressed}: {reasons.map((r) => m.reasons[r](k)).join('; ')}
                  </p>
                ) : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
