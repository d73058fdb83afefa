// Tests server-side sessions on every dialect: they hold until expiry, die with their key, and store only hashes.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccessKey, revokeAccessKey } from '../../../../server/services/auth/access-keys.ts';
import {
  createSession,
  deleteSession,
  findSession,
} from '../../../../server/services/auth/sessions.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';

const hour = 3_600_000;
const start = new Date('2021-09-15T01:00:00Z');
const later = (ms: number) => new Date(start.getTime() + ms);

describe.each(testDialects())('sessions on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let keyId: number;
  beforeAll(async () => {
    keyId = (await createAccessKey(t.db, { role: 'researcher' })).accessKey.id;
  });

  it('finds a live session by its id and stores only the hash of the id', async () => {
    const { sessionId, expiresAt } = await createSession(t.db, keyId, { now: start, ttlMs: hour });
    expect(expiresAt.toISOString()).toBe('2021-09-15T02:00:00.000Z');
    expect(await findSession(t.db, sessionId, later(hour - 1))).toEqual({
      keyId,
      role: 'researcher',
      agencyCode: null,
    });
    const rows = await t.db.selectFrom('sessions').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(sessionId);
    expect(await findSession(t.db, sessionId.slice(0, -1), start)).toBeUndefined();
  });

  it('refuses and deletes a session from the instant it expires', async () => {
    const { sessionId } = await createSession(t.db, keyId, { now: start, ttlMs: hour });
    expect(await findSession(t.db, sessionId, later(hour))).toBeUndefined();
    expect(await findSession(t.db, sessionId, start)).toBeUndefined();
  });

  it('ends a session on sign-out', async () => {
    const { sessionId } = await createSession(t.db, keyId, { now: start, ttlMs: hour });
    await deleteSession(t.db, sessionId);
    expect(await findSession(t.db, sessionId, start)).toBeUndefined();
  });

  it('ends every session of a key when the key is revoked', async () => {
    const other = (await createAccessKey(t.db, { role: 'admin' })).accessKey.id;
    const a = await createSession(t.db, other, { now: start, ttlMs: hour });
    const b = await createSession(t.db, other, { now: start, ttlMs: hour });
    await revokeAccessKey(t.db, other);
    expect(await findSession(t.db, a.sessionId, start)).toBeUndefined();
    expect(await findSession(t.db, b.sessionId, start)).toBeUndefined();
  });
});
