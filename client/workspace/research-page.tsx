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
  type StudyWithWaves,
  type WorkspaceError,
} from './workspace-api';
import type { Lang } from '../lang';

type WaveChoice = Pick<StudyWithWaves['waves'][number], 'id' | 'name' | 'status'>;

interface StudyChoice {
  id: string;
  title: string;
  /** Oldest first; the latest is shown unless another is chosen. */
  waves: WaveChoice[];
}

/** Every study a researcher can read, open or closed, with its waves. */
async function studyChoices(lang: Lang): Promise<StudyChoice[]> {
  const all = await workspaceApi.researchStudies();
  if (!all.ok) return [];
  return all.value.map((s) => ({
    id: s.id,
    title: s.title[lang],
    waves: s.waves.map(({ id, name, status }) => ({ id, name, status })),
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

function Workspace({ lang }: { lang: Lang }) {
  const m = workspaceMessages[lang];
  const [studies, setStudies] = useState<StudyChoice[] | undefined>();
  const [study, setStudy] = useState(
    () => new URLSearchParams(window.location.search).get('study') ?? '',
  );
  const [waveParam, setWaveParam] = useState(
    () => new URLSearchParams(window.location.search).get('wave') ?? '',
  );
  const [fieldwork, setFieldwork] = useState<FieldworkReport | WorkspaceError | undefined>();
  const [domains, setDomains] = useState<DomainChoice[]>([]);
  const [view, setView] = useState<'results' | 'fieldwork'>('results');

  useEffect(() => {
    void studyChoices(lang).then(setStudies);
  }, [lang]);
  const current = studies?.find((s) => s.id === study) ?? studies?.[0];
  const waves = current?.waves ?? [];
  const wave = waves.find((w) => String(w.id) === waveParam) ?? waves.at(-1);

  const currentId = current?.id;
  const waveId = wave?.id;
  useEffect(() => {
    if (currentId === undefined || waveId === undefined) return;
    let cancelled = false;
    setFieldwork(undefined);
    void workspaceApi.fieldwork(currentId, waveId).then((r) => {
      if (!cancelled) setFieldwork(r.ok ? r.value : r.error);
    });
    void domainChoices(currentId, lang).then((d) => {
      if (!cancelled) setDomains(d);
    });
    return () => {
      cancelled = true;
    };
  }, [currentId, waveId, lang]);

  /** Shows another study (its latest wave) or another wave, and keeps it in the address. */
  function choose(next: { study: string; wave: string }) {
    setStudy(next.study);
    setWaveParam(next.wave);
    const url = new URL(window.location.href);
    url.searchParams.set('study', next.study);
    if (next.wave === '') url.searchParams.delete('wave');
    else url.searchParams.set('wave', next.wave);
    window.history.replaceState(null, '', url);
  }

  if (!studies) return <p aria-busy="true">{m.loading}</p>;
  if (!current) return <p>{m.noStudies}</p>;
  if (!wave) return <p>{m.noWaves}</p>;
  return (
    <>
      <h1>{m.navResearch}</h1>
      <div className="controls">
        <label>
          {m.study}
          <select
            name="study"
            value={current.id}
            onChange={(e) => choose({ study: e.target.value, wave: '' })}
          >
            {studies.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title} ({s.id}){s.waves.some((w) => w.status === 'open') ? '' : m.studyClosed}
              </option>
            ))}
          </select>
        </label>
        <label>
          {m.wave}
          <select
            name="wave"
            value={String(wave.id)}
            onChange={(e) => choose({ study: current.id, wave: e.target.value })}
          >
            {waves.map((w) => (
              <option key={w.id} value={String(w.id)}>
                {w.name} — {m.waveStatus[w.status]}
              </option>
            ))}
          </select>
        </label>
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
        <ResultsPanel
          key={`${current.id}/${wave.id}`}
          study={current.id}
          wave={wave.id}
          lang={lang}
          domains={domains}
        />
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
      {() => <Workspace lang={lang} />}
    </WorkspaceFrame>
  );
}
