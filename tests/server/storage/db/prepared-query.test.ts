// Tests prepared queries on every dialect: compiled once, run with each call's own arguments.
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { preparedQuery } from '../../../../server/storage/db/prepared-query.ts';
import type { Database } from '../../../../server/storage/db/schema.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { setUpTestStudies } from '../../../helpers/test-studies.ts';

describe.each(testDialects())('preparedQuery on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);

  it('runs one compiled query with each call’s arguments, constants kept', async () => {
    await setUpTestStudies(t.db);
    let builds = 0;
    const agenciesOf = preparedQuery((db: Kysely<Database>, province: string, min: number) => {
      builds += 1;
      return db
        .selectFrom('agencies')
        .select('code')
        .where('province', '=', province)
        .where('headcount', '>=', min)
        .where('type', '<>', 'provinsi')
        .orderBy('code');
    });
    const codes = async (province: string, min: number) =>
      (await agenciesOf(t.db, province, min)).rows.map((r) => r.code);
    expect(await codes('Daerah Istimewa Yogyakarta', 250)).toEqual(['kab-bantul', 'kab-sleman']);
    expect(await codes('Daerah Istimewa Yogyakarta', 100)).toEqual([
      'kab-bantul',
      'kab-sleman',
      'kota-yogyakarta',
    ]);
    expect(await codes('Jambi', 1)).toEqual([]);
    // Inside a transaction too, with the same compiled query.
    await t.db.transaction().execute(async (trx) => {
      expect((await agenciesOf(trx, 'Jambi', 1)).rows).toEqual([]);
    });
    expect(builds).toBe(1);
  });

  it('refuses an argument that would not be a bound parameter', async () => {
    const inlined = preparedQuery((db: Kysely<Database>, code: string) =>
      db.selectFrom('agencies').select(sql.lit(code).as('x')),
    );
    await expect(inlined(t.db, 'kab-sleman')).rejects.toThrow(/not a bound parameter/);
  });
});
