// Administration of access keys: the list (no secrets), revoking, and new keys shown once.

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Lang } from '../lang';
import { workspaceMessages } from './messages';
import { ProblemList } from './problem-list';
import { workspaceApi, type AccessKeyInfo, type Role, type WorkspaceError } from './workspace-api';

export function KeysSection({ lang }: { lang: Lang }) {
  const m = workspaceMessages[lang];
  const [keys, setKeys] = useState<AccessKeyInfo[]>([]);
  const [role, setRole] = useState<Role>('researcher');
  const [agency, setAgency] = useState('');
  const [newKey, setNewKey] = useState<string | undefined>();
  const [error, setError] = useState<WorkspaceError | undefined>();

  const reload = useCallback(async () => {
    const r = await workspaceApi.keys();
    if (r.ok) setKeys(r.value);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setNewKey(undefined);
    const r = await workspaceApi.createKey(role, role === 'agency' ? agency.trim() : undefined);
    if (r.ok) setNewKey(r.value.key);
    else setError(r.error);
    await reload();
  }

  async function revoke(id: number) {
    const r = await workspaceApi.revokeKey(id);
    if (!r.ok) setError(r.error);
    await reload();
  }

  return (
    <section aria-labelledby="keys-title" className="card">
      <h2 id="keys-title">{m.keysTitle}</h2>
      <form className="controls" onSubmit={(e) => void create(e)}>
        <label>
          {m.role}
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {(['researcher', 'agency', 'admin'] as const).map((r) => (
              <option key={r} value={r}>
                {m.roles[r]}
              </option>
            ))}
          </select>
        </label>
        {role === 'agency' ? (
          <label>
            {m.agencyCode}
            <input
              name="agency"
              required
              value={agency}
              onChange={(e) => setAgency(e.target.value)}
            />
          </label>
        ) : null}
        <button type="submit">{m.createKey}</button>
      </form>
      {newKey ? (
        <p className="once" role="status">
          {m.newKeyOnce} <code data-testid="new-key">{newKey}</code>
        </p>
      ) : null}
      {error ? <ProblemList error={error} lang={lang} /> : null}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={m.keyList}>
        <table data-testid="keys">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{m.role}</th>
              <th scope="col">{m.agencyCode}</th>
              <th scope="col">{m.created}</th>
              <th scope="col">{m.status}</th>
              <th scope="col">
                <span className="visually-hidden">{m.revoke}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id}>
                <th scope="row">{k.id}</th>
                <td>{m.roles[k.role]}</td>
                <td>{k.agencyCode ?? '–'}</td>
                <td>{k.createdOn}</td>
                <td>{k.revoked ? m.revoked : m.active}</td>
                <td>
                  {k.revoked ? null : (
                    <button type="button" onClick={() => void revoke(k.id)}>
                      {m.revoke} #{k.id}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
