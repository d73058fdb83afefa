// The server's verdict on an upload or a form: its message and every problem with line and column.

import type { Lang } from '../lang';
import { workspaceMessages } from './messages';
import type { WorkspaceError } from './workspace-api';

export function ProblemList({ error, lang }: { error: WorkspaceError; lang: Lang }) {
  const m = workspaceMessages[lang];
  return (
    <div className="problems" role="alert">
      <p>
        {error.code}: {error.message}
      </p>
      {error.problems.length > 0 ? (
        <>
          <p>{m.problemsTitle}</p>
          <ul>
            {error.problems.map((p, i) => (
              <li key={i}>
                {p.kind === 'csv' ? m.line(p.line, p.column, p.columnName) : p.where || '—'}:{' '}
                {p.problem}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** What an action came to: a confirmation, or the server's problems; nothing before it ran. */
export function Outcome({
  outcome,
  lang,
}: {
  outcome: string | WorkspaceError | undefined;
  lang: Lang;
}) {
  if (outcome === undefined) return null;
  if (typeof outcome === 'string') return <p role="status">{outcome}</p>;
  return <ProblemList error={outcome} lang={lang} />;
}
