// The researcher workspace at /research: pick a study, watch its fieldwork, read and download its results.

import './workspace.css';
import { useEffect, useState } from 'react';
import { useLang } from '../use-lang';
import { FieldworkMonitor } from './fieldwork-monitor';
import { workspaceMessages } from './messages';
import { ProblemList } from './problem-list';
import { ResultsPanel, type DomainChoice } from './results-panel';
import { useSession } from './use-session';
import { WorkspaceFrame } from './workspace-frame';
import {
  researchFile,
  workspaceApi,
  type FieldworkReport,
  type SessionInfo,
  type WorkspaceError,
} from './workspace-api';
import type { Lang } from '../lang';

interface StudyChoice {
  id: string;
  title: string;
}

/** Studies a researcher can pick: the open ones; an admin sees every study. */
async function studyChoices(session: SessionInfo, lang: Lang): Promise<StudyChoice[]> {
  if (session.role === 'admin') {
    const all = await workspaceApi.studies();
    if (all.ok) return all.value.map((s) => ({ id: s.id, title: s.title[lang] }));
  }
  const open = await workspaceApi.openStudies();
  if (!open.ok) return [];
  return open.value.map((s) => ({
    id: s.id,
    title: typeof s.title === 'string' ? s.title : s.title[lang],
  }));
}

interface CodebookJson {
  variables: { variable: string; domain: boolean; label: { id: string; en: string } }[];
}

async function domainChoices(study: string, lang: Lang): Promise<DomainChoice[]> {
  const res = await fetch(researchFile(study, 'codebook.json'), { credentials: 'same-origin' });
  if (!res.ok) return [];
  const codebook = (await res.json()) as CodebookJson;
  const seen = new Set<string>();
  return codebook.variables
    .filter((v) => v.domain && !seen.has(v.variable) && seen.add(v.variable))
    .map((v) => ({ variable: v.variable, label: `${v.variable} — ${v.label[lang]}` }));
}

function Workspace({ session, lang }: { session: SessionInfo; lang: Lang }) {
  const m = workspaceMessages[lang];
  const [studies, setStudies] = useState<StudyChoice[] | undefined>();
  const [study, setStudy] = useState(
    () => new URLSearchParams(window.location.search).get('study') ?? '',
  );
  const [fieldwork, setFieldwork] = useState<FieldworkReport | WorkspaceError | undefined>();
  const [domains, setDomains] = useState<DomainChoice[]>([]);
  const [view, setView] = useState<'results' | 'fieldwork'>('results');

  useEffect(() => {
    void studyChoices(session, lang).then(setStudies);
  }, [session, lang]);
  // A closed study is not in the open list researchers can read: it is reached by its id.
  const current = study !== '' ? study : studies?.[0]?.id;
  const listed =
    studies && current && !studies.some((s) => s.id === current)
      ? [...studies, { id: current, title: current }]
      : (studies ?? []);

  useEffect(() => {
    if (!current) return;
    let cancelled = false;
    setFieldwork(undefined);
    void workspaceApi.fieldwork(current).then((r) => {
      if (!cancelled) setFieldwork(r.ok ? r.value : r.error);
    });
    void domainChoices(current, lang).then((d) => {
      if (!cancelled) setDomains(d);
    });
    return () => {
      cancelled = true;
    };
  }, [current, lang]);

  function choose(id: string) {
    setStudy(id);
    const url = new URL(window.location.href);
    url.searchParams.set('study', id);
    window.history.replaceState(null, '', url);
  }

  if (!studies) return <p aria-busy="true">{m.loading}</p>;
  if (!current) return <p>{m.noStudies}</p>;
  return (
    <>
      <h1>{m.navResearch}</h1>
      <div className="controls">
        <label>
          {m.study}
          <select name="study" value={current} onChange={(e) => choose(e.target.value)}>
            {listed.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title} ({s.id})
              </option>
            ))}
          </select>
        </label>
        <form
          className="controls"
          onSubmit={(e) => {
            e.preventDefault();
            const id = String(new FormData(e.currentTarget).get('other') ?? '').trim();
            if (id !== '') choose(id);
          }}
        >
          <label>
            {m.otherStudy}
            <input name="other" pattern="[a-z0-9]+(-[a-z0-9]+)*" />
          </label>
          <button type="submit">{m.openStudy}</button>
        </form>
      </div>
      <div className="view-switch" role="group" aria-label={m.navResearch}>
        {(['results', 'fieldwork'] as const).map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
            {v === 'results' ? m.resultsTitle : m.fieldworkTitle}
          </button>
        ))}
      </div>
      {/* Both stay mounted, so switching keeps the chosen breakdown and the loaded figures. */}
      <div hidden={view !== 'fieldwork'}>
        {fieldwork === undefined ? <p aria-busy="true">{m.loading}</p> : null}
        {fieldwork && 'national' in fieldwork ? (
          <FieldworkMonitor report={fieldwork} lang={lang} />
        ) : null}
        {fieldwork && 'code' in fieldwork ? <ProblemList error={fieldwork} lang={lang} /> : null}
      </div>
      <div hidden={view !== 'results'}>
        <ResultsPanel key={current} study={current} lang={lang} domains={domains} />
      </div>
    </>
  );
}

export default function ResearchPage() {
  const [lang, setLang] = useLang();
  const state = useSession(['researcher', 'admin']);
  useEffect(() => {
    document.title = workspaceMessages[lang].navResearch;
  }, [lang]);
  return (
    <WorkspaceFrame lang={lang} onLangChange={setLang} state={state}>
      {(session) => <Workspace session={session} lang={lang} />}
    </WorkspaceFrame>
  );
}
