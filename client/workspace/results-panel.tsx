// Weighted results: a breakdown picker, the weighting toggle, and per question a chart with intervals and the full table.

import { useEffect, useMemo, useState } from 'react';
import { IntervalChart } from '../charts/interval-chart';
import { useContainerWidth } from '../charts/use-container-width';
import type { Lang } from '../lang';
import { count } from './format';
import { workspaceMessages } from './messages';
import { ProblemList } from './problem-list';
import { ResultsTable } from './results-table';
import {
  researchFile,
  workspaceApi,
  type Report,
  type ResultsQuery,
  type WorkspaceError,
} from './workspace-api';
import { QuestionSelect } from './question-select';

type Row = Report['rows'][number];
export type DomainChoice = { variable: string; label: string };

type ReportState =
  | { kind: 'loading' }
  | { kind: 'failed'; error?: WorkspaceError }
  | { kind: 'loaded'; report: Report };

const frameVariables = ['province', 'islandRegion', 'type', 'agency'];

/** `A4`, or `A4*province` for a two-way cross; empty for national figures only. */
export function breakdownParam(first: string, second: string): string {
  if (first === '') return '';
  return second === '' || second === first ? first : `${first}*${second}`;
}

const domainText = (row: Row) => row.domainLabels.join(' × ');

export interface ResultsPanelProps {
  study: string;
  /** The wave to report on; the study's latest when absent. */
  wave?: number;
  lang: Lang;
  /** The questionnaire's domain variables (from its codebook), besides the frame's. */
  domains: DomainChoice[];
}

export function ResultsPanel({ study, wave, lang, domains }: ResultsPanelProps) {
  const m = workspaceMessages[lang];
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [weighting, setWeighting] = useState<ResultsQuery['weighting']>('design');
  const [question, setQuestion] = useState('');
  const [chartOption, setChartOption] = useState('');
  const [state, setState] = useState<ReportState>({ kind: 'loading' });
  const by = breakdownParam(first, second);
  const [chartBox, chartWidth] = useContainerWidth(640);

  useEffect(() => {
    let cancelled = false;
    setState({ kind: 'loading' });
    workspaceApi
      .results(study, { by, weighting, lang, ...(wave === undefined ? {} : { wave }) })
      .then((r): ReportState =>
        r.ok ? { kind: 'loaded', report: r.value } : { kind: 'failed', error: r.error },
      )
      .catch((): ReportState => ({ kind: 'failed' }))
      .then((next) => {
        if (!cancelled) setState(next);
      });
    return () => {
      cancelled = true;
    };
  }, [study, wave, by, weighting, lang]);

  const choices: DomainChoice[] = [
    ...frameVariables.map((variable) => ({ variable, label: m.variables[variable] ?? variable })),
    ...domains,
  ];
  const report = state.kind === 'loaded' ? state.report : undefined;
  const questions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const row of report?.rows ?? []) {
      if (!seen.has(row.question)) seen.set(row.question, row.questionLabel);
    }
    return [...seen].map(([name, label]) => ({ name, label }));
  }, [report]);
  const current = questions.some((q) => q.name === question) ? question : questions[0]?.name;
  const questionRows = (report?.rows ?? []).filter((r) => r.question === current);
  const breakdownRows = questionRows.filter((r) => r.domainVariables.length > 0);
  const options = [...new Map(questionRows.map((r) => [r.option, r.optionLabel]))];
  const shownOption = options.some(([o]) => o === chartOption) ? chartOption : options[0]?.[0];
  const chartRows =
    breakdownRows.length > 0 ? breakdownRows.filter((r) => r.option === shownOption) : questionRows;
  const questionLabel = questions.find((q) => q.name === current)?.label ?? '';

  // Every download is of the wave on screen.
  const ofWave: Record<string, string> = wave === undefined ? {} : { wave: String(wave) };
  const downloadSearch = { by, weighting, lang, ...ofWave };
  const downloads: [string, string][] = [
    [researchFile(study, 'results.csv', downloadSearch), m.downloadResults],
    [researchFile(study, 'codebook.csv', ofWave), m.downloadCodebookCsv],
    [researchFile(study, 'codebook.json', ofWave), m.downloadCodebookJson],
    [researchFile(study, 'microdata.csv', ofWave), m.downloadMicrodata],
    [researchFile(study, 'microdata.R', { lang, ...ofWave }), m.downloadR],
    [researchFile(study, 'microdata.do', { lang, ...ofWave }), m.downloadStata],
    [researchFile(study, 'microdata.sps', { lang, ...ofWave }), m.downloadSpss],
    [researchFile(study, 'manifest.json', ofWave), m.downloadManifest],
  ];

  return (
    <section aria-labelledby="results-title" className="card">
      <h2 id="results-title">{m.resultsTitle}</h2>
      <div className="controls">
        <label>
          {m.breakdown}
          <select name="by" value={first} onChange={(e) => setFirst(e.target.value)}>
            <option value="">{m.none}</option>
            {choices.map((c) => (
              <option key={c.variable} value={c.variable}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {m.breakdownSecond}
          <select
            name="by2"
            value={second}
            disabled={first === ''}
            onChange={(e) => setSecond(e.target.value)}
          >
            <option value="">{m.none}</option>
            {choices
              .filter((c) => c.variable !== first)
              .map((c) => (
                <option key={c.variable} value={c.variable}>
                  {c.label}
                </option>
              ))}
          </select>
        </label>
        <fieldset className="toggle">
          <legend>{m.weighting}</legend>
          {(['design', 'raked'] as const).map((w) => (
            <label key={w}>
              <input
                type="radio"
                name="weighting"
                value={w}
                checked={weighting === w}
                onChange={() => setWeighting(w)}
              />
              {m[w]}
            </label>
          ))}
        </fieldset>
      </div>

      {state.kind === 'loading' ? <p aria-busy="true">{m.loading}</p> : null}
      {state.kind === 'failed' ? (
        state.error ? (
          <ProblemList error={state.error} lang={lang} />
        ) : (
          <p role="alert">{m.failed}</p>
        )
      ) : null}
      {report ? (
        <div data-testid="results" data-weighting={report.weighting.kind} data-by={by}>
          <p>
            {report.study.synthetic ? <strong className="badge">{m.synthetic}</strong> : null}{' '}
            {report.wave.name} · {m.respondents(count(report.respondents, lang), report.strata)} ·{' '}
            {report.weighting.description}
          </p>
          <div className="controls">
            <QuestionSelect
              caption={m.question}
              questions={questions}
              value={current}
              onChange={setQuestion}
              maxLabel={90}
            />
            {breakdownRows.length > 0 ? (
              <label>
                {m.showOption}
                <select value={shownOption} onChange={(e) => setChartOption(e.target.value)}>
                  {options.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
          </div>
          <h3>
            {current} — {questionLabel}
          </h3>
          <figure ref={chartBox}>
            <IntervalChart
              width={Math.min(chartWidth, 760)}
              points={chartRows.map((r) => ({
                label: r.domainVariables.length > 0 ? domainText(r) : r.optionLabel,
                estimate: r.estimate,
                low: r.ciLow,
                high: r.ciHigh,
                flagged: r.flags.lowReliability,
              }))}
              description={m.chartAlt(questionLabel, chartRows.length)}
            />
          </figure>
          <ResultsTable rows={questionRows} lang={lang} caption={`${current} — ${questionLabel}`} />
          {report.footnotes.length > 0 ? (
            <>
              <h3>{m.footnotes}</h3>
              <ol className="footnotes">
                {report.footnotes.map((f) => (
                  <li key={f.code} data-code={f.code}>
                    {f.text}
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </div>
      ) : null}

      <h3>{m.downloadsTitle}</h3>
      <ul className="downloads">
        {downloads.map(([href, label]) => (
          <li key={href}>
            <a href={href} download>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
