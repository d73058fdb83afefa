// The page at /: the public national dashboard (headline indicators, breakdowns, ranking, recorded violations) and the studies open right now.

import { useEffect, useState } from 'react';
import { BreakdownSection, HeadlineSection } from '../dashboard/headline-section';
import { dashboardMessages } from '../dashboard/messages';
import { OpenStudiesSection } from '../dashboard/open-studies-section';
import {
  publicApi,
  type PublicHeadline,
  type PublicStudy,
  type PublicViolations,
} from '../dashboard/public-api';
import { RankingSection } from '../dashboard/ranking-section';
import { ViolationsSection } from '../dashboard/violations-section';
import '../dashboard/dashboard.css';
import type { Lang } from '../lang';
import { frameMessages } from '../messages';
import { PageFrame } from '../page-frame';
import { useLang } from '../use-lang';
import { count } from '../workspace/format';

/** What the page has: the public studies and the chosen one's headline, each in `lang`. */
interface Loaded {
  lang: Lang;
  studies: PublicStudy[];
  headline: PublicHeadline | undefined;
}

type Status = 'loading' | 'failed' | 'loaded';

export default function LandingPage() {
  const [lang, setLang] = useLang();
  const m = dashboardMessages[lang];
  // `/?study=<id>` opens a given public study (a link to share); else the latest one.
  const [chosen, setChosen] = useState<string | undefined>(
    () => new URLSearchParams(window.location.search).get('study') ?? undefined,
  );
  // Figures already shown stay while the next language or study loads.
  const [loaded, setLoaded] = useState<Loaded>();
  const [status, setStatus] = useState<Status>('loading');
  const [violations, setViolations] = useState<PublicViolations>();

  useEffect(() => {
    let cancelled = false;
    setStatus('loading');
    (async () => {
      const studies = await publicApi.studies(lang);
      if (!studies.ok) return undefined;
      const study = studies.value.find((s) => s.id === chosen) ?? studies.value[0];
      if (!study) return { lang, studies: studies.value, headline: undefined };
      const headline = await publicApi.headline(study.id, lang);
      return headline.ok ? { lang, studies: studies.value, headline: headline.value } : undefined;
    })()
      .catch(() => undefined)
      .then((next) => {
        if (cancelled) return;
        if (next) setLoaded(next);
        setStatus(next ? 'loaded' : 'failed');
      });
    return () => {
      cancelled = true;
    };
  }, [lang, chosen]);

  useEffect(() => {
    let cancelled = false;
    publicApi
      .violations(lang)
      .then((r) => {
        if (!cancelled && r.ok) setViolations(r.value);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [lang]);

  useEffect(() => {
    document.title = `${m.title} · ${frameMessages[lang].projectName}`;
  }, [m, lang]);

  const headline = loaded?.headline;
  const study = loaded?.studies.find((s) => s.id === headline?.study.id);
  return (
    <PageFrame lang={lang} onLangChange={setLang}>
      <div className="dashboard" data-testid="dashboard" data-lang={loaded?.lang}>
        <section className="notice dashboard-section">
          <h1>{m.title}</h1>
          <p>{m.intro}</p>
          {loaded && loaded.studies.length > 1 ? (
            <label className="field">
              {m.study}
              <select value={study?.id} onChange={(e) => setChosen(e.target.value)}>
                {loaded.studies.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {headline ? (
            <div data-testid="study" data-study={headline.study.id}>
              <p className="study-line">
                <strong>{headline.study.title}</strong>
                <br />
                {m.waveLine(headline.wave.name, count(headline.respondents, lang))}
              </p>
              {headline.study.synthetic ? (
                <p className="synthetic-note" data-testid="synthetic">
                  <span className="badge">{m.synthetic}</span> {m.syntheticNote}
                </p>
              ) : null}
            </div>
          ) : null}
          {status === 'loading' ? <p aria-busy="true">{m.loading}</p> : null}
          {status === 'failed' ? <p role="alert">{m.failed}</p> : null}
          {status === 'loaded' && !headline ? <p>{m.noStudy}</p> : null}
        </section>
        {headline ? <HeadlineSection headline={headline} lang={lang} /> : null}
        {headline ? <BreakdownSection headline={headline} lang={lang} /> : null}
        {study ? <RankingSection key={study.id} study={study} lang={lang} /> : null}
        {violations ? <ViolationsSection violations={violations} lang={lang} /> : null}
        {headline ? (
          <section className="notice dashboard-section" aria-labelledby="notes-title">
            <h2 id="notes-title">{m.footnotes}</h2>
            <ul className="footnotes">
              <li>
                {m.disclosure(
                  headline.disclosure.minimumCellSize,
                  headline.disclosure.sensitiveMinimumCellSize,
                )}
              </li>
              {headline.footnotes.map((f) => (
                <li key={f.code} data-code={f.code}>
                  {f.text}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <OpenStudiesSection lang={lang} />
      </div>
    </PageFrame>
  );
}
