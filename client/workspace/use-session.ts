// The signed-in caller of a workspace page: asks the server, sends the anonymous to sign-in.

import { useEffect, useState } from 'react';
import { workspaceApi, type Role, type SessionInfo } from './workspace-api';

export type SessionState =
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'forbidden'; session: SessionInfo }
  | { kind: 'ready'; session: SessionInfo };

/** Where sign-in may send the caller back to: only the workspace's own pages. */
export const returnPaths = ['/research', '/admin', '/agency'] as const;

/**
 * The session for a page open to `roles`; without one the browser goes to `/masuk?next=…`.
 *
 * @example
 * const state = useSession(['researcher', 'admin']);
 */
export function useSession(roles: readonly Role[]): SessionState {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });
  const rolesKey = roles.join(',');
  useEffect(() => {
    let cancelled = false;
    workspaceApi
      .session()
      .then((result): SessionState | undefined => {
        if (result.ok) {
          const allowed = rolesKey.split(',').includes(result.value.role);
          return { kind: allowed ? 'ready' : 'forbidden', session: result.value };
        }
        if (result.error.status === 401) {
          const here = `${window.location.pathname}${window.location.search}`;
          window.location.assign(`/masuk?next=${encodeURIComponent(here)}`);
          return undefined;
        }
        return { kind: 'failed' };
      })
      .catch((): SessionState => ({ kind: 'failed' }))
      .then((next) => {
        if (!cancelled && next) setState(next);
      });
    return () => {
      cancelled = true;
    };
  }, [rolesKey]);
  return state;
}
