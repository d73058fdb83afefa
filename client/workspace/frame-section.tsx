// Administration of the agency frame: replace it from a CSV, all agencies or none.

import { useState, type FormEvent } from 'react';
import type { Lang } from '../lang';
import { workspaceMessages } from './messages';
import { Outcome } from './problem-list';
import { workspaceApi, type WorkspaceError } from './workspace-api';

export function FrameSection({ lang }: { lang: Lang }) {
  const m = workspaceMessages[lang];
  const [outcome, setOutcome] = useState<string | WorkspaceError | undefined>();

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('frame');
    if (!(file instanceof File) || file.size === 0) return setOutcome(m.chooseFiles);
    const r = await workspaceApi.uploadFrame(await file.text(), form.get('illustrative') === 'on');
    setOutcome(
      r.ok
        ? m.frameImported(r.value.imported, r.value.removed.length, r.value.kept.length)
        : r.error,
    );
  }

  return (
    <section aria-labelledby="frame-title" className="card">
      <h2 id="frame-title">{m.frameTitle}</h2>
      <form className="controls" onSubmit={(e) => void upload(e)}>
        <label>
          {m.frameFile}
          <input type="file" name="frame" accept="text/csv,.csv" />
        </label>
        <label className="inline">
          <input type="checkbox" name="illustrative" />
          {m.illustrative}
        </label>
        <button type="submit">{m.uploadFrame}</button>
      </form>
      <Outcome outcome={outcome} lang={lang} />
    </section>
  );
}
