// One study in the administration: its waves (add, open, close, raking margins) and invitation tokens.

import { useState, type FormEvent } from 'react';
import type { Lang } from '../lang';
import { workspaceMessages } from './messages';
import { Outcome } from './problem-list';
import {
  workspaceApi,
  type Settled,
  type StudyWithWaves,
  type WorkspaceError,
} from './workspace-api';

/** Offers text as a file download; the browser keeps the only copy the server ever gave. */
function saveText(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `kab-sleman,20` lines into batches; undefined when a line is not `code,count`. */
export function parseBatches(text: string): { agency: string; count: number }[] | undefined {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const batches = lines.map((line) => {
    const match = /^([^,\s]+)\s*,\s*(\d+)$/.exec(line);
    return match ? { agency: match[1] as string, count: Number(match[2]) } : undefined;
  });
  return batches.length > 0 && batches.every((b) => b !== undefined) ? batches : undefined;
}

export interface StudyCardProps {
  study: StudyWithWaves;
  lang: Lang;
  onChanged: () => void;
}

export function StudyCard({ study, lang, onChanged }: StudyCardProps) {
  const m = workspaceMessages[lang];
  const [outcome, setOutcome] = useState<string | WorkspaceError | undefined>();

  async function run(call: Promise<Settled<unknown>>, success: string = m.saved) {
    const r = await call;
    setOutcome(r.ok ? success : r.error);
    onChanged();
  }

  function addWave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const closesOn = String(form.get('closesOn') ?? '');
    void run(
      workspaceApi.addWave(study.id, {
        name: String(form.get('name') ?? ''),
        opensOn: String(form.get('opensOn') ?? ''),
        closesOn: closesOn === '' ? null : closesOn,
      }),
    );
  }

  async function uploadMargins(event: FormEvent<HTMLFormElement>, wave: number) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('margins');
    if (!(file instanceof File) || file.size === 0) return setOutcome(m.chooseFiles);
    await run(workspaceApi.uploadMargins(study.id, wave, await file.text()));
  }

  async function issueTokens(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const batches = parseBatches(String(new FormData(event.currentTarget).get('batches') ?? ''));
    if (!batches) return setOutcome(m.badBatches);
    const r = await workspaceApi.issueTokens(study.id, batches);
    if (!r.ok) return setOutcome(r.error);
    saveText(r.value, `invitations-${study.id}.csv`);
    setOutcome(m.tokensIssued(batches.reduce((sum, b) => sum + b.count, 0)));
  }

  const idPrefix = `study-${study.id}`;
  return (
    <article className="card" data-study={study.id} aria-labelledby={`${idPrefix}-title`}>
      <h3 id={`${idPrefix}-title`}>
        {study.title[lang]} <code>{study.id}</code>
      </h3>
      <p className="hint">
        {study.questionnaireId} v{study.questionnaireVersion}
        {study.usesTokens ? ` · ${m.usesTokens}` : ''}
      </p>
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={`${m.wave}: ${study.id}`}
      >
        <table>
          <thead>
            <tr>
              <th scope="col">{m.wave}</th>
              <th scope="col">{m.status}</th>
              <th scope="col">{m.opensOn}</th>
              <th scope="col">{m.closesOn}</th>
              <th scope="col">
                <span className="visually-hidden">{m.openWave}</span>
              </th>
              <th scope="col">{m.marginsFile}</th>
            </tr>
          </thead>
          <tbody>
            {study.waves.map((w) => (
              <tr key={w.id} data-wave={w.id} data-status={w.status}>
                <th scope="row">
                  #{w.id} {w.name}
                </th>
                <td>{w.status}</td>
                <td>{w.opensOn}</td>
                <td>{w.closesOn ?? '–'}</td>
                <td>
                  {w.released ? <span data-released>{m.released}</span> : null}
                  {w.status === 'closed' && !w.released ? (
                    <button
                      type="button"
                      onClick={() => void run(workspaceApi.openWave(study.id, w.id))}
                    >
                      {m.openWave} #{w.id}
                    </button>
                  ) : null}
                  {w.status === 'open' ? (
                    <button
                      type="button"
                      onClick={() => void run(workspaceApi.closeWave(study.id, w.id))}
                    >
                      {m.closeWave} #{w.id}
                    </button>
                  ) : null}
                </td>
                <td>
                  <form className="inline-form" onSubmit={(e) => void uploadMargins(e, w.id)}>
                    <input
                      type="file"
                      name="margins"
                      accept="text/csv,.csv"
                      aria-label={`${m.marginsFile} #${w.id}`}
                    />
                    <button type="submit">{m.uploadMargins}</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{m.releaseRule}</p>
      <form className="controls" onSubmit={addWave}>
        <label>
          {m.waveName}
          <input name="name" required />
        </label>
        <label>
          {m.opensOn}
          <input name="opensOn" type="date" required />
        </label>
        <label>
          {m.closesOn}
          <input name="closesOn" type="date" />
        </label>
        <button type="submit">{m.addWave}</button>
      </form>
      {study.usesTokens ? (
        <form className="controls" onSubmit={(e) => void issueTokens(e)}>
          <label>
            {m.tokenBatches}
            <textarea name="batches" rows={3} placeholder="kab-sleman,20" />
          </label>
          <button type="submit">{m.issueTokens}</button>
        </form>
      ) : null}
      <Outcome outcome={outcome} lang={lang} />
    </article>
  );
}
