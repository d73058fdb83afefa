// "Taking part in a survey?": the studies open right now, and the hint to use the agency's link.

import { useEffect, useState } from 'react';
import { api, type StudySummary } from '../api-client';
import type { Lang } from '../lang';
import { dashboardMessages } from './messages';

type StudiesState =
  { kind: 'loading' } | { kind: 'failed' } | { kind: 'loaded'; studies: StudySummary[] };

function studyTitle(study: StudySummary, lang: Lang): string {
  return typeof study.title === 'string' ? study.title : study.title[lang];
}

export function OpenStudiesSection({ lang }: { lang: Lang }) {
  const m = dashboardMessages[lang];
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

  return (
    <section className="notice dashboard-section" aria-labelledby="open-studies-title">
      <h2 id="open-studies-title">{m.openStudiesTitle}</h2>
      <p className="hint">{m.useAgencyLink}</p>
      <h3>{m.openStudies}</h3>
      {state.kind === 'loading' ? <p aria-busy="true">{m.loading}</p> : null}
      {state.kind === 'failed' ? <p>{m.openStudiesFailed}</p> : null}
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
      <p>{m.anonymity}</p>
    </section>
  );
}
