// The admin command: create-key prints exactly one working key, list-keys shows no secrets, bad input exits non-zero.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCommand } from '../../../server/cli/admin.ts';
import { authenticateKey } from '../../../server/services/auth/access-keys.ts';
import { importFrame } from '../../../server/services/frame/import-frame.ts';
import { parseFrameCsv } from '../../../server/services/frame/parse-frame.ts';
import { createDatabase } from '../../../server/storage/db/create-database.ts';
import { migrateToLatest } from '../../../server/storage/db/migrate.ts';
import { testFrameCsv } from '../../helpers/test-studies.ts';

const scratch = mkdtempSync(join(tmpdir(), 'admin-command-'));
const env = { DATABASE_URL: join(scratch, 'admin.db') };
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the command and captures what it writes to stdout and stderr. */
async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await adminCommand(argv, env, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out, err: err.join('\n') };
}

async function withDb<T>(work: (db: ReturnType<typeof createDatabase>) => Promise<T>): Promise<T> {
  const db = createDatabase({ dialect: 'sqlite', path: env.DATABASE_URL });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

describe('admin command', () => {
  beforeAll(() =>
    withDb(async (db) => {
      await migrateToLatest(db);
      await importFrame(db, parseFrameCsv(testFrameCsv), { headcountIllustrative: false });
    }),
  );

  it('prints one researcher key, one line, nothing else, and the key signs in', async () => {
    const { code, out, err } = await run('create-key', '--role', 'researcher');
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^nsk_[A-Za-z0-9_-]{43}$/);
    expect(err).toBe('');
    expect(await withDb((db) => authenticateKey(db, out[0]!))).toMatchObject({
      role: 'researcher',
      agencyCode: null,
    });
  });

  it('prints an agency key for an agency of the frame', async () => {
    const { code, out } = await run('create-key', '--role', 'agency', '--agency', 'kab-sleman');
    expect(code).toBe(0);
    expect(await withDb((db) => authenticateKey(db, out[0]!))).toMatchObject({
      role: 'agency',
      agencyCode: 'kab-sleman',
    });
  });

  it('refuses an agency key without an agency or for an unknown one, printing no key', async () => {
    for (const argv of [
      ['create-key', '--role', 'agency'],
      ['create-key', '--role', 'agency', '--agency', 'kab-atlantis'],
      ['create-key', '--role', 'researcher', '--agency', 'kab-sleman'],
    ]) {
      const { code, out, err } = await run(...argv);
      expect(code).toBe(1);
      expect(out).toEqual([]);
      expect(err).toMatch(/agency/);
    }
  });

  it('answers bad arguments with its usage and exit code 2', async () => {
    for (const argv of [
      [],
      ['create-key'],
      ['create-key', '--role', 'king'],
      ['frobnicate'],
      ['revoke-key', 'x'],
    ]) {
      const { code, out, err } = await run(...argv);
      expect(code).toBe(2);
      expect(out).toEqual([]);
      expect(err).toMatch(/usage: npm run --silent admin/);
    }
  });

  it('lists keys without secrets and revokes one', async () => {
    const { out: created } = await run('create-key', '--role', 'researcher');
    const listed = await run('list-keys');
    expect(listed.out[0]).toBe('id\trole\tagency\tcreated\trevoked');
    expect(listed.out.join('\n')).not.toContain('nsk_');
    const id = listed.out.at(-1)!.split('\t')[0]!;
    expect((await run('revoke-key', id)).code).toBe(0);
    expect(await withDb((db) => authenticateKey(db, created[0]!))).toBeUndefined();
    expect((await run('list-keys')).out.at(-1)).toMatch(/\ttrue$/);
    expect((await run('revoke-key', '9999')).code).toBe(1);
  });
});
