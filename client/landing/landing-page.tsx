// The page at /: the project's name, a word on anonymity, and the studies open right now.

import { useEffect, useState } from 'react';
import { api, type StudySummary } from '../api-client';
import type { Lang } from '../lang';
import { frameMessages } from '../messages';
import { PageFrame } from '../page-frame';
import { useLang } from '../use-lang';

type StudiesState =
  { kind: 'loading' } | { kind: 'failed' } | { kind: 'loaded'; studies: StudySummary[] };

function studyTitle(study: StudySummary, lang: Lang): string {
  return typeof study.title === 'string' ? study.title : study.title[lang];
}

export default function LandingPage() {
  const [lang, setLang] = useLang();
  const m = frameMessages[lang];
  const [state, setState] = useState<StudiesState>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    api
      .listOpenStudies()
      .then((r): StudiesState => (r.ok ? { kind: 'loaded', studies: r.value } : { kind: 'failed' }))
      .catch((): StudiesState => ({ kind: 'failed' }))
      .then((next) => {
        if (!cancelled) setState(next);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    document.title = m.projectName;
  }, [m]);

  return (
    <PageFrame lang={lang} onLangChange={setLang}>
      <section className="notice">
        <h1>{m.projectName}</h1>
        <p>{m.landingIntro}</p>
        <h2>{m.openStudies}</h2>
        {state.kind === 'loading' ? <p aria-busy="true">{m.loading}</p> : null}
        {state.kind === 'failed' ? <p>{m.loadFailed}</p> : null}
        {state.kind === 'loaded' && state.studies.length === 0 ? <p>{m.noOpenStudies}</p> : null}
        {state.kind === 'loaded' && state.studies.length > 0 ? (
          <ul className="study-list">
            {state.studies.map((study) => (
              <li key={study.id} data-study={study.id}>
                {studyTitle(study, lang)}
              </li>
            ))}
          </ul>
        ) : null}
        <p className="hint">{m.useAgencyLink}</p>
      </section>
    </PageFrame>
  );
}
