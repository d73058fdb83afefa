// Administration of questionnaire versions: the published list and publishing from a SurveyJS file plus metadata.

import { useState, type FormEvent } from 'react';
import type { Lang } from '../lang';
import { workspaceMessages } from './messages';
import { Outcome } from './problem-list';
import { workspaceApi, type PublishedQuestionnaire, type WorkspaceError } from './workspace-api';

/** The file's JSON, or undefined when it is not JSON. */
async function readJson(file: File): Promise<unknown> {
  try {
    return JSON.parse(await file.text()) as unknown;
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface QuestionnairesSectionProps {
  lang: Lang;
  versions: PublishedQuestionnaire[];
  onPublished: () => void;
}

export function QuestionnairesSection({ lang, versions, onPublished }: QuestionnairesSectionProps) {
  const m = workspaceMessages[lang];
  const [outcome, setOutcome] = useState<string | WorkspaceError | undefined>();

  async function publish(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const surveyFile = form.get('survey');
    const metadataFile = form.get('metadata');
    if (
      !(surveyFile instanceof File) ||
      !(metadataFile instanceof File) ||
      !surveyFile.size ||
      !metadataFile.size
    ) {
      setOutcome(m.chooseFiles);
      return;
    }
    const [json, metadata] = await Promise.all([readJson(surveyFile), readJson(metadataFile)]);
    if (!isObject(json)) return setOutcome(m.notJson(surveyFile.name));
    if (metadata === undefined) return setOutcome(m.notJson(metadataFile.name));
    const r = await workspaceApi.publishQuestionnaire(json, metadata);
    if (!r.ok) return setOutcome(r.error);
    setOutcome((r.value.created ? m.published : m.alreadyPublished)(r.value.id, r.value.version));
    onPublished();
  }

  return (
    <section aria-labelledby="questionnaires-title" className="card">
      <h2 id="questionnaires-title">{m.questionnairesTitle}</h2>
      <ul data-testid="questionnaires">
        {versions.map((q) => (
          <li key={`${q.id}@${q.version}`}>
            {q.id} v{q.version}
          </li>
        ))}
      </ul>
      <form className="controls" onSubmit={(e) => void publish(e)}>
        <label>
          {m.surveyJsFile}
          <input type="file" name="survey" accept="application/json,.json" />
        </label>
        <label>
          {m.metadataFile}
          <input type="file" name="metadata" accept="application/json,.json" />
        </label>
        <button type="submit">{m.publish}</button>
      </form>
      <Outcome outcome={outcome} lang={lang} />
    </section>
  );
}
