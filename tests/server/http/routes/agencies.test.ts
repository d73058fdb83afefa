// Tests the agency routes on every dialect: the list and one agency, without headcounts.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../helpers/test-app.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { setUpTestStudies } from '../../../helpers/test-studies.ts';

describe.each(testDialects())('agency routes on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let app: ReturnType<typeof createTestApp>['app'];

  beforeAll(async () => {
    const { questionnaires } = await setUpTestStudies(t.db);
    ({ app } = createTestApp(t.db, questionnaires));
  });

  it('lists every agency by island region, province and name, without headcounts', async () => {
    const res = await app.request('/api/agencies');
    expect(res.status).toBe(200);
    const agencies = (await res.json()) as Record<string, unknown>[];
    expect(agencies.map((a) => a.code)).toEqual([
      'kab-bantul',
      'kab-sleman',
      'kota-yogyakarta',
      'prov-jambi',
    ]);
    for (const agency of agencies) {
      expect(Object.keys(agency).sort()).toEqual([
        'code',
        'islandRegion',
        'name',
        'province',
        'type',
      ]);
    }
  });

  it('describes one agency and answers 404 for an unknown code', async () => {
    const res = await app.request('/api/agencies/kota-yogyakarta');
    expect(await res.json()).toEqual({
      code: 'kota-yogyakarta',
      name: 'Kota Yogyakarta',
      type: 'kota',
      province: 'Daerah Istimewa Yogyakarta',
      islandRegion: 'Jawa-Bali',
    });
    const unknown = await app.request('/api/agencies/kab-atlantis');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'AGENCY_NOT_FOUND' } });
  });
});
