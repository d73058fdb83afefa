// Tests invitation tokens on every dialect: random URL-safe tokens, stored only as hashes, spent once.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  findInvitationToken,
  hashToken,
  issueInvitationTokens,
  spendInvitationToken,
} from '../../../../server/storage/repositories/invitation-tokens.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { setUpTestStudies } from '../../../helpers/test-studies.ts';

describe.each(testDialects())('invitation tokens on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  beforeAll(() => setUpTestStudies(t.db));

  it('issues distinct URL-safe tokens of at least 128 random bits', async () => {
    const tokens = await issueInvitationTokens(t.db, {
      studyId: 'token-study',
      agencyCode: 'kab-bantul',
      count: 50,
    });
    expect(new Set(tokens).size).toBe(50);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    }
  });

  it('stores the SHA-256 of each token and never the token itself', async () => {
    const [token] = await issueInvitationTokens(t.db, {
      studyId: 'token-study',
      agencyCode: 'kab-bantul',
      count: 1,
    });
    expect(hashToken(token!)).toBe(createHash('sha256').update(token!).digest('hex'));
    const rows = await t.db.selectFrom('invitation_tokens').selectAll().execute();
    expect(rows.some((r) => r.token_hash === hashToken(token!))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('finds a token only in its own study and spends it exactly once', async () => {
    const [token] = await issueInvitationTokens(t.db, {
      studyId: 'token-study',
      agencyCode: 'kota-yogyakarta',
      count: 1,
    });
    expect(await findInvitationToken(t.db, 'open-study', token!)).toBeUndefined();
    expect(await findInvitationToken(t.db, 'token-study', token!)).toEqual({
      agencyCode: 'kota-yogyakarta',
      used: false,
    });
    expect(await spendInvitationToken(t.db, token!)).toBe(true);
    expect(await spendInvitationToken(t.db, token!)).toBe(false);
    expect(await findInvitationToken(t.db, 'token-study', token!)).toMatchObject({ used: true });
  });

  it('refuses to issue no tokens or a fractional number', async () => {
    const args = { studyId: 'token-study', agencyCode: 'kab-bantul' };
    await expect(issueInvitationTokens(t.db, { ...args, count: 0 })).rejects.toThrow();
    await expect(issueInvitationTokens(t.db, { ...args, count: 1.5 })).rejects.toThrow();
  });
});
