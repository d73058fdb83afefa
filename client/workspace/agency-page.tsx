// The agency dashboard at /agency: the signed-in agency's disclosure-controlled results beside the nation and its peers, printable as a one-page summary.

import './workspace.css';
import './agency.css';
import { useEffect, useMemo, useState } from 'react';
import type { Lang } from '../lang';
import { useLang } from '../use-lang';
import { AgencyBreakdowns } from './agency-breakdowns';
import { shareText, significanceText } from './agency-cells';
import { AgencyComparison } from './agency-comparison';
import { agencyMessages } from './agency-messages';
import { count } from './format';
import { workspaceMessages } from './messages';
import { PerceptionIndexWidget } from './perception-index-widget';
import { ProblemList } from './problem-list';
import { useSession } from './use-session';
import { WorkspaceFrame } from './workspace-frame';
import {
  agencyCsvPath,
  workspaceApi,
  type AgencyResults,
  type WorkspaceError,
} from './workspace-api';
import { QuestionSelect } from './question-select';

type ViewState =
  | { kind: 'loading' }
  | { kind: 'failed'; error?: WorkspaceError }
  | { kind: 'loaded'; view: AgencyResults };

/** How many significant differences the printed summary lists (the largest first), so it fits one page. */
const printedDifferences = 6;

/** The report's footnotes the one-page summary keeps; the technical ones stay on the screen. */
const printedFootnotes = new Set(['synthetic', 'illustrative-headcounts']);

function Footnotes({ view, lang }: { view: AgencyResults; lang: Lang }) {
  const m = agencyMessages[lang];
  const d = view.disclosure;
  return (
    <section className="card footnotes-card" aria-labelledby="footnotes-title">
      <h2 id="footnotes-title">{m.footnotesTitle}</h2>
      <ol className="footnotes" data-testid="footnotes">
        <li data-code="disclosure">
          {m.disclosureRule(
            d.minimumCellSize,
            d.sensitiveMinimumCellSize,
            d.sensitiveQuestions.join(', '),
            d.minimumPeerAgencies,
          )}
        </li>
        {view.agency.shown ? (
          <>
            <li data-code="significance">{view.significanceNote}</li>
            <li data-code="intervals-chart" className="print-omit">
              {m.intervalsNote}
            </li>
            {view.perceptionIndexes.map((index) => (
              <li key={index.id} data-code={`index-${index.id}`}>
                {index.note}
              </li>
            ))}
          </>
        ) : null}
        {view.footnotes.map((f) => (
          <li
            key={f.code}
            data-code={f.code}
            className={printedFootnotes.has(f.code) ? undefined : 'print-omit'}
          >
            {f.text}
          </li>
        ))}
      </ol>
      <p className="print-only">{m.technicalNotes}</p>
    </section>
  );
}

/** Name, type, place, respondents and peer group: the facts every view of the agency starts with. */
function Profile({ view, lang }: { view: AgencyResults; lang: Lang }) {
  const m = agencyMessages[lang];
  const { agency, peerGroup } = view;
  const typeName = m.agencyTypes[agency.type] ?? agency.type;
  return (
    <dl className="profile" aria-label={m.agencyFacts}>
      <div>
        <dt>{m.type}</dt>
        <dd>{typeName}</dd>
      </div>
      <div>
        <dt>{m.province}</dt>
        <dd>{agency.province}</dd>
      </div>
      <div>
        <dt>{m.islandRegion}</dt>
        <dd>{agency.islandRegion}</dd>
      </div>
      <div>
        <dt>{m.respondents}</dt>
        <dd data-testid="agency-respondents">{count(agency.respondents, lang)}</dd>
      </div>
      {agency.shown ? (
        <div>
          <dt>{m.peerGroup}</dt>
          <dd>{m.peerGroupText(typeName, peerGroup.islandRegion, peerGroup.otherAgencies)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** Every option where the agency differs significantly from the nation, the largest first. */
function SignificantDifferences({
  view,
  lang,
  onPick,
}: {
  view: AgencyResults;
  lang: Lang;
  onPick: (question: string) => void;
}) {
  const m = agencyMessages[lang];
  const marked = view.comparison
    .filter((r) => r.significance !== null)
    .sort((a, b) => Math.abs(b.significance!.difference) - Math.abs(a.significance!.difference));
  return (
    <section className="card" aria-labelledby="significant-title" data-testid="significant">
      <h2 id="significant-title">{m.significantTitle}</h2>
      {marked.length === 0 ? (
        <p>{m.significantNone}</p>
      ) : (
        <p>{m.significantCount(marked.length)}</p>
      )}
      <ul className="significant-list">
        {marked.map((r, i) => (
          <li
            key={`${r.question}:${r.option}`}
            className={i >= printedDifferences ? 'print-omit' : undefined}
          >
            <button type="button" className="link-button" onClick={() => onPick(r.question)}>
              {r.question}
            </button>{' '}
            {r.questionLabel} — <em>{r.optionLabel}</em>:{' '}
            {r.agency.suppressed === null ? shareText(r.agency, lang) : ''} · {m.national}{' '}
            {r.national.suppressed === null ? shareText(r.national, lang) : ''}{' '}
            <span className="significant">{significanceText(r.significance!, lang)}</span>
          </li>
        ))}
      </ul>
      {marked.length > printedDifferences ? (
        <p className="print-only">{m.moreDifferences(marked.length - printedDifferences)}</p>
      ) : null}
    </section>
  );
}

function Dashboard({ view, lang }: { view: AgencyResults; lang: Lang }) {
  const m = agencyMessages[lang];
  const questions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of view.comparison)
      if (!seen.has(r.question)) seen.set(r.question, r.questionLabel);
    return [...seen].map(([name, label]) => ({ name, label }));
  }, [view]);
  const [question, setQuestion] = useState('');
  const current = questions.some((q) => q.name === question)
    ? question
    : (questions[0]?.name ?? '');
  const rows = view.comparison.filter((r) => r.question === current);
  const k = view.disclosure.minimumCellSize;

  function pick(name: string) {
    setQuestion(name);
    document.getElementById('comparison-title')?.scrollIntoView();
  }

  return (
    <>
      <PerceptionIndexWidget
        index={view.perceptionIndexes[0]}
        counts={view.respondentCounts}
        respondents={view.agency.respondents}
        lang={lang}
        k={k}
      />
      <SignificantDifferences view={view} lang={lang} onPick={pick} />
      <section className="card no-print" aria-labelledby="comparison-title">
        <h2 id="comparison-title">{m.comparisonTitle}</h2>
        <div className="controls">
          <QuestionSelect
            caption={m.question}
            questions={questions}
            value={current}
            onChange={setQuestion}
            maxLabel={80}
          />
        </div>
        <AgencyComparison rows={rows} disclosure={view.disclosure} lang={lang} />
      </section>
      <section
        className="card no-print"
        aria-labelledby="breakdowns-title"
        data-testid="breakdowns"
      >
        <h2 id="breakdowns-title">{m.breakdownsTitle}</h2>
        <p>{m.breakdownsIntro}</p>
        <AgencyBreakdowns view={view} question={current} lang={lang} />
      </section>
    </>
  );
}

function AgencyResultsView({ lang }: { lang: Lang }) {
  const m = agencyMessages[lang];
  const study = useMemo(
    () => new URLSearchParams(window.location.search).get('study') ?? undefined,
    [],
  );
  const [state, setState] = useState<ViewState>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    setState({ kind: 'loading' });
    workspaceApi
      .agencyResults(study, lang)
      .then((r): ViewState =>
        r.ok ? { kind: 'loaded', view: r.value } : { kind: 'failed', error: r.error },
      )
      .catch((): ViewState => ({ kind: 'failed' }))
      .then((next) => {
        if (!cancelled) setState(next);
      });
    return () => {
      cancelled = true;
    };
  }, [study, lang]);

  if (state.kind === 'loading') return <p aria-busy="true">{m.loading}</p>;
  if (state.kind === 'failed') {
    const code = state.error?.code;
    if (code === 'RESULTS_NOT_RELEASED' || code === 'NOT_FOUND') {
      return (
        <p role="status" data-testid="not-released">
          {m.notReleased}
        </p>
      );
    }
    return state.error ? (
      <ProblemList error={state.error} lang={lang} />
    ) : (
      <p role="alert">{workspaceMessages[lang].failed}</p>
    );
  }
  const { view } = state;
  return (
    <div
      className="agency-dashboard"
      data-testid="agency-dashboard"
      data-agency={view.agency.code}
      data-lang={view.lang}
      data-shown={String(view.agency.shown)}
    >
      <h1>
        {m.title}: {view.agency.name}
      </h1>
      <p className="study-line">
        {view.study.synthetic ? (
          <strong className="badge" data-testid="synthetic">
            {m.synthetic}
          </strong>
        ) : null}{' '}
        {view.study.title} · {m.wave(view.wave.name, view.wave.opensOn)}
      </p>
      <Profile view={view} lang={lang} />
      {view.agency.shown ? (
        <>
          <p className="no-print">{m.intro}</p>
          <div className="actions no-print">
            <a href={agencyCsvPath(view.study.id, view.lang)} download data-testid="csv-link">
              {m.downloadCsv}
            </a>
            <button type="button" onClick={() => window.print()}>
              {m.print}
            </button>
          </div>
          <Dashboard view={view} lang={lang} />
        </>
      ) : (
        <section className="card" data-testid="agency-below-k" aria-labelledby="below-k-title">
          <h2 id="below-k-title">{m.belowKTitle}</h2>
          <p>{m.belowK(count(view.agency.respondents, lang), view.disclosure.minimumCellSize)}</p>
        </section>
      )}
      <Footnotes view={view} lang={lang} />
    </div>
  );
}

export default function AgencyPage() {
  const [lang, setLang] = useLang();
  const state = useSession(['agency']);
  useEffect(() => {
    document.title = agencyMessages[lang].title;
  }, [lang]);
  return (
    <WorkspaceFrame lang={lang} onLangChange={setLang} state={state}>
      {() => <AgencyResultsView lang={lang} />}
    </WorkspaceFrame>
  );
}
