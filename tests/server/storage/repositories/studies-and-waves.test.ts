// Tests studies and waves on every dialect: mapping, open-study listing, and at most one open wave per study.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  findStudy,
  findStudyWithOpenWaveAndAgency,
  hasStudies,
  listOpenStudies,
} from '../../../../server/storage/repositories/studies.ts';
import {
  closeWave,
  createWave,
  findOpenWave,
  findWave,
  listWaves,
} from '../../../../server/storage/repositories/waves.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { setUpTestStudies, type TestStudies } from '../../../helpers/test-studies.ts';

describe.each(testDialects())('studies and waves on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let studies: TestStudies;

  beforeAll(async () => {
    studies = await setUpTestStudies(t.db);
  });

  it('tells an empty database from one that has studies', async () => {
    const empty = await dialect.create();
    try {
      expect(await hasStudies(empty.db)).toBe(false);
    } finally {
      await empty.destroy();
    }
    expect(await hasStudies(t.db)).toBe(true);
  });

  it('maps a study row to camelCase with a real boolean', async () => {
    expect(await findStudy(t.db, 'token-study')).toEqual({
      id: 'token-study',
      questionnaireId: 'test-survey',
      questionnaireVersion: 1,
      title: { id: 'Studi token-study', en: 'Study token-study' },
      usesTokens: true,
      usesLinkCodes: false,
    });
    expect(await findStudy(t.db, 'nope')).toBeUndefined();
  });

  it('lists only studies with an open wave', async () => {
    expect((await listOpenStudies(t.db)).map((s) => s.id)).toEqual(['open-study', 'token-study']);
  });

  it('finds a study with its open wave and whether an agency exists, in one lookup', async () => {
    expect(await findStudyWithOpenWaveAndAgency(t.db, 'token-study', 'kab-sleman')).toEqual({
      study: expect.objectContaining({ id: 'token-study', usesTokens: true }),
      openWaveId: studies.tokenWave.id,
      agencyExists: true,
    });
    expect(await findStudyWithOpenWaveAndAgency(t.db, 'closed-study', 'kab-atlantis')).toEqual({
      study: expect.objectContaining({ id: 'closed-study' }),
      openWaveId: undefined,
      agencyExists: false,
    });
    expect(await findStudyWithOpenWaveAndAgency(t.db, 'nope', 'kab-sleman')).toBeUndefined();
  });

  it('allows at most one open wave per study, and a new one once the old is closed', async () => {
    await expect(
      createWave(t.db, {
        studyId: 'open-study',
        name: 'W2',
        status: 'open',
        opensOn: '2022-01-01',
        closesOn: null,
      }),
    ).rejects.toThrow();
    await closeWave(t.db, studies.openWave.id, '2021-12-31');
    const next = await createWave(t.db, {
      studyId: 'open-study',
      name: 'W2',
      status: 'open',
      opensOn: '2022-01-01',
      closesOn: null,
    });
    expect(await findOpenWave(t.db, 'open-study')).toEqual(next);
    expect(await findWave(t.db, studies.openWave.id)).toMatchObject({
      status: 'closed',
      closesOn: '2021-12-31',
    });
    expect((await listWaves(t.db, 'open-study')).map((w) => w.name)).toEqual(['W1', 'W2']);
  });

  it('refuses a wave status other than open or closed', async () => {
    await expect(
      createWave(t.db, {
        studyId: 'closed-study',
        name: 'bad',
        status: 'paused' as 'open',
        opensOn: '2022-01-01',
        closesOn: null,
      }),
    ).rejects.toThrow();
  });
});
