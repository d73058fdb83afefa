// The administration page at /admin: keys, questionnaire versions, studies and waves, the frame. Admins only.

import './workspace.css';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Lang } from '../lang';
import { useLang } from '../use-lang';
import { FrameSection } from './frame-section';
import { KeysSection } from './keys-section';
import { workspaceMessages } from './messages';
import { ProblemList } from './problem-list';
import { QuestionnairesSection } from './questionnaires-section';
import { StudyCard } from './study-card';
import { useSession } from './use-session';
import { WorkspaceFrame } from './workspace-frame';
import {
  workspaceApi,
  type PublishedQuestionnaire,
  type StudyWithWaves,
  type WorkspaceError,
} from './workspace-api';

function Administration({ lang }: { lang: Lang }) {
  const m = workspaceMessages[lang];
  const [versions, setVersions] = useState<PublishedQuestionnaire[]>([]);
  const [studies, setStudies] = useState<StudyWithWaves[]>([]);
  const [error, setError] = useState<WorkspaceError | undefined>();

  const reload = useCallback(async () => {
    const [q, s] = await Promise.all([workspaceApi.questionnaires(), workspaceApi.studies()]);
    if (q.ok) setVersions(q.value);
    if (s.ok) setStudies(s.value);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  async function createStudy(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const [id = '', version = '0'] = String(form.get('questionnaire') ?? '').split('@');
    const r = await workspaceApi.createStudy({
      id: String(form.get('id') ?? ''),
      questionnaire: { id, version: Number(version) },
      title: { id: String(form.get('titleId') ?? ''), en: String(form.get('titleEn') ?? '') },
      usesTokens: form.get('usesTokens') === 'on',
    });
    setError(r.ok ? undefined : r.error);
    await reload();
  }

  return (
    <>
      <h1>{m.navAdmin}</h1>
      <KeysSection lang={lang} />
      <QuestionnairesSection lang={lang} versions={versions} onPublished={() => void reload()} />
      <section aria-labelledby="studies-title" className="card">
        <h2 id="studies-title">{m.studiesTitle}</h2>
        <form className="controls" onSubmit={(e) => void createStudy(e)}>
          <label>
            {m.studyId}
            <input name="id" required pattern="[a-z0-9]+(-[a-z0-9]+)*" />
          </label>
          <label>
            {m.questionnaire}
            <select name="questionnaire">
              {versions.map((q) => (
                <option key={`${q.id}@${q.version}`} value={`${q.id}@${q.version}`}>
                  {q.id} v{q.version}
                </option>
              ))}
            </select>
          </label>
          <label>
            {m.titleId}
            <input name="titleId" required />
          </label>
          <label>
            {m.titleEn}
            <input name="titleEn" required />
          </label>
          <label className="inline">
            <input type="checkbox" name="usesTokens" />
            {m.usesTokens}
          </label>
          <button type="submit">{m.createStudy}</button>
        </form>
        {error ? <ProblemList error={error} lang={lang} /> : null}
        {studies.map((s) => (
          <StudyCard key={s.id} study={s} lang={lang} onChanged={() => void reload()} />
        ))}
      </section>
      <FrameSection lang={lang} />
    </>
  );
}

export default function AdminPage() {
  const [lang, setLang] = useLang();
  const state = useSession(['admin']);
  useEffect(() => {
    document.title = workspaceMessages[lang].navAdmin;
  }, [lang]);
  return (
    <WorkspaceFrame lang={lang} onLangChange={setLang} state={state}>
      {() => <Administration lang={lang} />}
    </WorkspaceFrame>
  );
}
