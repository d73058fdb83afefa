// Tests keys and sessions in the assembled server over real HTTP: the first admin key, ADMIN_KEY, and sessions shared by two processes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Config } from '../../server/config.ts';
import { startServer } from '../../server/start-server.ts';
import { compileQuestionnaire } from '../../server/services/validation/compile-questionnaire.ts';
import { netralitasAsn } from '../../surveys/netralitas-asn.ts';

const dir = mkdtempSync(join(tmpdir(), 'start-server-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function configFor(name: string, extra: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    database: { dialect: 'sqlite', path: join(dir, `${name}.db`) },
    bodyLimitBytes: 65_536,
    materializeIntervalMs: 60_000,
    timeZone: 'Asia/Jakarta',
    clientDir: join(dir, 'no-client'),
    seedDemo: false,
    ...extra,
  };
}

const start = (config: Config) =>
  startServer({ config, definitions: [netralitasAsn], compile: compileQuestionnaire });

async function signIn(url: string, key: string): Promise<Response> {
  return fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ key }),
  });
}

describe('keys and sessions in the running server', () => {
  it('creates an admin key at the first start only, and it signs in', async () => {
    const config = configFor('first');
    const first = await start(config);
    try {
      expect(first.adminKey).toMatch(/^nsk_/);
      const res = await signIn(first.url, first.adminKey!);
      expect(await res.json()).toEqual({ role: 'admin', agency: null });
    } finally {
      await first.close();
    }
    const second = await start(config);
    await second.close();
    expect(second.adminKey).toBeUndefined();
  });

  it('takes the admin key from ADMIN_KEY instead of printing one', async () => {
    const adminKey = 'an-operator-chosen-admin-key-with-enough-entropy';
    const server = await start(configFor('env-key', { adminKey }));
    try {
      expect(server.adminKey).toBeUndefined();
      expect((await signIn(server.url, adminKey)).status).toBe(200);
      const stored = await server.db.selectFrom('access_keys').select('key_hash').execute();
      expect(JSON.stringify(stored)).not.toContain(adminKey);
    } finally {
      await server.close();
    }
  });

  it('shares sessions between two server processes on one database', async () => {
    const config = configFor('shared');
    const a = await start(config);
    const b = await start(config);
    try {
      const res = await signIn(a.url, a.adminKey!);
      const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
      const onB = await fetch(`${b.url}/api/session`, { headers: { cookie } });
      expect(onB.status).toBe(200);
      const signOut = await fetch(`${b.url}/api/session`, {
        method: 'DELETE',
        headers: { cookie, origin: b.url },
      });
      expect(signOut.status).toBe(204);
      expect((await fetch(`${a.url}/api/session`, { headers: { cookie } })).status).toBe(401);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
