// Tests access keys on every dialect: shown once, stored hashed, checked exactly, revocable, agency keys tied to the frame.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  authenticateKey,
  createAccessKey,
  listAccessKeys,
  revokeAccessKey,
} from '../../../../server/services/auth/access-keys.ts';
import { ensureAdminKey } from '../../../../server/services/auth/ensure-admin-key.ts';
import { loadSessionSecret } from '../../../../server/services/auth/session-secret.ts';
import { AppError } from '../../../../server/errors.ts';
import { importFrame } from '../../../../server/services/frame/import-frame.ts';
import { parseFrameCsv } from '../../../../server/services/frame/parse-frame.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { testFrameCsv } from '../../../helpers/test-studies.ts';

describe.each(testDialects())('access keys on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  beforeAll(async () => {
    await importFrame(t.db, parseFrameCsv(testFrameCsv), { headcountIllustrative: false });
  });

  it('creates a random 256-bit key that is stored only as its SHA-256 hash', async () => {
    const { key, accessKey } = await createAccessKey(t.db, { role: 'researcher' });
    expect(key).toMatch(/^nsk_[A-Za-z0-9_-]{43}$/);
    const rows = await t.db.selectFrom('access_keys').selectAll().execute();
    const stored = rows.find((r) => r.id === accessKey.id)!;
    expect(stored.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(key.slice(4));
    const second = await createAccessKey(t.db, { role: 'researcher' });
    expect(second.key).not.toBe(key);
  });

  it('signs a key in as its role and agency, and refuses any other string', async () => {
    const { key, accessKey } = await createAccessKey(t.db, {
      role: 'agency',
      agencyCode: 'kab-sleman',
    });
    expect(await authenticateKey(t.db, key)).toEqual({
      keyId: accessKey.id,
      role: 'agency',
      agencyCode: 'kab-sleman',
    });
    for (const wrong of [key.slice(0, -1), `${key}x`, key.toUpperCase(), '', 'x'.repeat(10_000)]) {
      expect(await authenticateKey(t.db, wrong)).toBeUndefined();
    }
  });

  it('ties agency keys to an agency of the frame and other keys to none', async () => {
    const refused = async (request: Parameters<typeof createAccessKey>[1]) => {
      const error = await createAccessKey(t.db, request).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      return (error as AppError).code;
    };
    expect(await refused({ role: 'agency' })).toBe('INVALID_REQUEST');
    expect(await refused({ role: 'agency', agencyCode: 'kab-atlantis' })).toBe('AGENCY_NOT_FOUND');
    expect(await refused({ role: 'researcher', agencyCode: 'kab-sleman' })).toBe('INVALID_REQUEST');
    expect(await refused({ role: 'admin', agencyCode: 'kab-sleman' })).toBe('INVALID_REQUEST');
  });

  it('refuses a revoked key and lists keys without secrets or hashes', async () => {
    const { key, accessKey } = await createAccessKey(t.db, {
      role: 'researcher',
      today: '2021-09-02',
    });
    await revokeAccessKey(t.db, accessKey.id);
    expect(await authenticateKey(t.db, key)).toBeUndefined();
    const listed = await listAccessKeys(t.db);
    expect(listed.find((k) => k.id === accessKey.id)).toEqual({
      id: accessKey.id,
      role: 'researcher',
      agencyCode: null,
      createdOn: '2021-09-02',
      revoked: true,
    });
    for (const k of listed)
      expect(Object.keys(k).sort()).toEqual(['agencyCode', 'createdOn', 'id', 'revoked', 'role']);
    await expect(revokeAccessKey(t.db, 999_999)).rejects.toMatchObject({ code: 'KEY_NOT_FOUND' });
  });

  it('creates the first admin key once, and none while one is usable', async () => {
    const first = await ensureAdminKey(t.db, { today: '2021-09-01' });
    expect((await authenticateKey(t.db, first!))?.role).toBe('admin');
    expect(await ensureAdminKey(t.db, { today: '2021-09-01' })).toBeUndefined();
  });

  it('stores ADMIN_KEY hashed, once, and keeps it revoked once revoked', async () => {
    const adminKey = 'operator-chosen-admin-key-0123456789abcdef';
    expect(await ensureAdminKey(t.db, { adminKey, today: '2021-09-01' })).toBeUndefined();
    expect(await ensureAdminKey(t.db, { adminKey, today: '2021-09-01' })).toBeUndefined();
    const principal = await authenticateKey(t.db, adminKey);
    expect(principal).toMatchObject({ role: 'admin', agencyCode: null });
    const count = (await listAccessKeys(t.db)).filter((k) => k.id === principal!.keyId).length;
    expect(count).toBe(1);
    await revokeAccessKey(t.db, principal!.keyId);
    await ensureAdminKey(t.db, { adminKey, today: '2021-09-01' });
    expect(await authenticateKey(t.db, adminKey)).toBeUndefined();
  });

  it('gives every process on the database the same cookie secret, unless one is configured', async () => {
    const first = await loadSessionSecret(t.db);
    expect(first.length).toBeGreaterThanOrEqual(43);
    expect(await loadSessionSecret(t.db)).toBe(first);
    expect(await loadSessionSecret(t.db, 'configured-secret')).toBe('configured-secret');
  });
});
