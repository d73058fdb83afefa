// Tests group commit on every dialect: units queued together share a transaction, and a failing one fails alone.
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../../../server/storage/db/group-commit.ts';
import type { Database } from '../../../../server/storage/db/schema.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';

describe.each(testDialects())('createGroupCommit on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);

  const insertAgency = (trx: Kysely<Database>, code: string) =>
    trx
      .insertInto('agencies')
      .values({
        code,
        name: code,
        type: 'kota',
        province: 'Test',
        island_region: 'Test',
        headcount: 1,
        headcount_illustrative: false,
      })
      .execute();
  const storedAgencies = async (codes: string[]) =>
    (
      await t.db
        .selectFrom('agencies')
        .select('code')
        .where('code', 'in', codes)
        .orderBy('code')
        .execute()
    ).map((row) => row.code);

  it('runs units queued together in one transaction', async () => {
    const group = createGroupCommit(t.db);
    const [first, second] = await Promise.all([
      group.run(async (trx) => trx),
      group.run(async (trx) => trx),
    ]);
    expect(first.isTransaction).toBe(true);
    expect(second).toBe(first);
  });

  it('answers each caller with its own unit result once the writes are stored', async () => {
    const group = createGroupCommit(t.db);
    const results = await Promise.all(
      ['kota-a', 'kota-b'].map((code) =>
        group.run(async (trx) => {
          await insertAgency(trx, code);
          return code;
        }),
      ),
    );
    expect(results).toEqual(['kota-a', 'kota-b']);
    expect(await storedAgencies(['kota-a', 'kota-b'])).toEqual(['kota-a', 'kota-b']);
  });

  it('lets a unit that throws fail alone, with its own error and none of its writes', async () => {
    const group = createGroupCommit(t.db);
    const failure = new Error('this unit fails');
    const outcomes = await Promise.allSettled([
      group.run((trx) => insertAgency(trx, 'kota-c')),
      group.run(async (trx) => {
        await insertAgency(trx, 'kota-d');
        throw failure;
      }),
      group.run((trx) => insertAgency(trx, 'kota-e')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBe(failure);
    expect(await storedAgencies(['kota-c', 'kota-d', 'kota-e'])).toEqual(['kota-c', 'kota-e']);
  });

  it('keeps the other units when a statement error aborts the shared transaction', async () => {
    // On PostgreSQL a failed statement aborts the whole transaction, not just itself.
    const group = createGroupCommit(t.db);
    const outcomes = await Promise.allSettled([
      group.run((trx) => insertAgency(trx, 'kota-f')),
      group.run((trx) => insertAgency(trx, 'kota-f')),
      group.run((trx) => insertAgency(trx, 'kota-g')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await storedAgencies(['kota-f', 'kota-g'])).toEqual(['kota-f', 'kota-g']);
  });

  it('gives units queued while a group commits a transaction of their own', async () => {
    const group = createGroupCommit(t.db);
    let later: Promise<Kysely<Database>> | undefined;
    const first = await group.run(async (trx) => {
      later = group.run(async (laterTrx) => laterTrx);
      return trx;
    });
    expect(later).toBeDefined();
    const second = await later!;
    expect(second.isTransaction).toBe(true);
    expect(second).not.toBe(first);
  });
});
