// The frame of the signed-in pages: the shared header, a navigation by role, and sign-out.

import type { ReactNode } from 'react';
import type { Lang } from '../lang';
import { PageFrame } from '../page-frame';
import { workspaceMessages } from './messages';
import type { SessionState } from './use-session';
import { workspaceApi, type SessionInfo } from './workspace-api';

export interface WorkspaceFrameProps {
  lang: Lang;
  onLangChange: (lang: Lang) => void;
  state: SessionState;
  /** The page, drawn once the caller is known to hold a role the page accepts. */
  children: (session: SessionInfo) => ReactNode;
}

async function signOut() {
  await workspaceApi.signOut().catch(() => undefined);
  window.location.assign('/masuk');
}

export function WorkspaceFrame({ lang, onLangChange, state, children }: WorkspaceFrameProps) {
  const m = workspaceMessages[lang];
  const session = state.kind === 'ready' || state.kind === 'forbidden' ? state.session : undefined;
  const context = session ? (
    <span className="workspace-nav">
      <span>{m.signedInAs(m.roles[session.role])}</span>
      {session.role !== 'agency' ? <a href="/research">{m.navResearch}</a> : null}
      {session.role === 'admin' ? <a href="/admin">{m.navAdmin}</a> : null}
      {session.role === 'agency' ? <a href="/agency">{m.navAgency}</a> : null}
      <button type="button" className="link-button" onClick={() => void signOut()}>
        {m.signOut}
      </button>
    </span>
  ) : undefined;
  return (
    <PageFrame lang={lang} onLangChange={onLangChange} context={context}>
      <div className="workspace">
        {state.kind === 'loading' ? <p aria-busy="true">{m.loading}</p> : null}
        {state.kind === 'failed' ? <p role="alert">{m.failed}</p> : null}
        {state.kind === 'forbidden' ? <p role="alert">{m.forbidden}</p> : null}
        {state.kind === 'ready' ? children(state.session) : null}
      </div>
    </PageFrame>
  );
}
