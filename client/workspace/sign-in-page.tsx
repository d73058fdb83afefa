// The sign-in page at /masuk (/signin): an access key in, the workspace for the key's role out.

import './workspace.css';
import { useEffect, useState, type FormEvent } from 'react';
import { PageFrame } from '../page-frame';
import { useLang } from '../use-lang';
import { workspaceMessages } from './messages';
import { returnPaths } from './use-session';
import { workspaceApi, type Role } from './workspace-api';

/** Each role's own page, and the roles each return path accepts. */
const homes: Record<Role, string> = { admin: '/admin', researcher: '/research', agency: '/agency' };
const rolesOf: Record<(typeof returnPaths)[number], readonly Role[]> = {
  '/research': ['researcher', 'admin'],
  '/admin': ['admin'],
  '/agency': ['agency'],
};

/**
 * The page a role lands on. `next` (with its query, e.g. `/research?study=x`) is honoured only
 * when it is one of the workspace's own pages on this origin that the role may open, so a
 * crafted link cannot send a freshly signed-in user elsewhere.
 *
 * @example
 * destination('agency', null, 'https://survei.example') // '/agency'
 * destination('researcher', '/admin', 'https://survei.example') // '/research'
 */
export function destination(role: Role, next: string | null, origin: string): string {
  const home = homes[role];
  if (!next) return home;
  let target: URL;
  try {
    target = new URL(next, origin);
  } catch {
    return home;
  }
  const path = target.pathname as (typeof returnPaths)[number];
  if (target.origin !== origin || !returnPaths.includes(path)) return home;
  if (!rolesOf[path].includes(role)) return home;
  return `${target.pathname}${target.search}`;
}

export default function SignInPage() {
  const [lang, setLang] = useLang();
  const m = workspaceMessages[lang];
  const [key, setKey] = useState('');
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = m.signInTitle;
  }, [m]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(undefined);
    try {
      const result = await workspaceApi.signIn(key.trim());
      if (!result.ok) {
        setMessage(result.error.status === 429 ? m.tooManyAttempts : m.signInFailed);
        return;
      }
      const next = new URLSearchParams(window.location.search).get('next');
      window.location.assign(destination(result.value.role, next, window.location.origin));
    } catch {
      setMessage(m.failed);
    } finally {
      setBusy(false);
    }
  }

  return (
    <PageFrame lang={lang} onLangChange={setLang}>
      <section className="notice">
        <h1>{m.signInTitle}</h1>
        <p>{m.signInIntro}</p>
        <form className="stack" onSubmit={(e) => void submit(e)}>
          <label htmlFor="access-key">{m.keyLabel}</label>
          <input
            id="access-key"
            name="key"
            type="password"
            autoComplete="current-password"
            required
            value={key}
            onChange={(e) => setKey(e.target.value)}
          />
          <button type="submit" className="primary" disabled={busy}>
            {m.signIn}
          </button>
        </form>
        {message ? <p role="alert">{message}</p> : null}
      </section>
    </PageFrame>
  );
}
