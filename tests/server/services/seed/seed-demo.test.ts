// Tests the demo seed on every dialect: the frame, both studies, working tokens, counted responses, all or nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { publishQuestionnaires } from '../../../../server/services/questionnaires/publish-questionnaires.ts';
import {
  loadQuestionnaireRegistry,
  type QuestionnaireRegistry,
} from '../../../../server/services/questionnaires/questionnaire-registry.ts';
import { listAgencies } from '../../../../server/storage/repositories/agencies.ts';
import { readCellCounts } from '../../../../server/storage/repositories/cell-counts.ts';
import { findInvitationToken } from '../../../../server/storage/repositories/invitation-tokens.ts';
import { countResponses } from '../../../../server/storage/repositories/responses.ts';
import { createStudy, listOpenStudies } from '../../../../server/storage/repositories/studies.ts';
import { findOpenWave } from '../../../../server/storage/repositories/waves.ts';
import { seedDemo } from '../../../../server/services/seed/seed-demo.ts';
import { listRecordedViolations } from '../../../../server/storage/repositories/recorded-violations.ts';
import { compileQuestionnaire } from '../../../../server/services/validation/compile-questionnaire.ts';
import { netralitasAsn } from '../../../../surveys/netralitas-asn.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';

const questionnaire = { id: netralitasAsn.id, version: netralitasAsn.version };

describe.each(testDialects())('seeding the demo on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let questionnaires: QuestionnaireRegistry;
  let tokens: { agencyCode: string; token: string }[];

  beforeAll(async () => {
    await publishQuestionnaires(t.db, [netralitasAsn]);
    questionnaires = await loadQuestionnaireRegistry(t.db, compileQuestionnaire);
    ({ tokens } = await seedDemo(t.db, questionnaires, {
      questionnaire,
      today: '2021-09-16',
      responses: 40,
    }));
  });

  it('loads the 270-agency frame with headcounts flagged as illustrative', async () => {
    const agencies = await listAgencies(t.db);
    expect(agencies).toHaveLength(270);
    expect(agencies.every((a) => a.headcountIllustrative)).toBe(true);
  });

  it('loads the published recorded violations with their sources, and labels made-up ones illustrative', async () => {
    const rows = await listRecordedViolations(t.db);
    const published = rows.filter((r) => !r.illustrative);
    expect(published.map((r) => `${r.region} ${r.electionYear}: ${r.casesRecorded}`)).toEqual([
      'Kota Balikpapan 2020: 2',
      'Kota Balikpapan 2024: 7',
      'Sumatera Selatan 2020: 694',
    ]);
    const illustrative = rows.filter((r) => r.illustrative);
    expect(illustrative.length).toBeGreaterThan(10);
    expect(illustrative.every((r) => r.source.includes('not real'))).toBe(true);
  });

  it('opens the agency-link study and the token study', async () => {
    expect(await listOpenStudies(t.db)).toEqual([
      {
        id: 'netralitas-asn-2021',
        questionnaireId: 'netralitas-asn',
        questionnaireVersion: 1,
        title: { id: 'Survei Netralitas ASN (demo)', en: 'ASN Neutrality Survey (demo)' },
        usesTokens: false,
      },
      expect.objectContaining({ id: 'netralitas-asn-token', usesTokens: true }),
    ]);
  });

  it('issues unused tokens for the token study', async () => {
    expect(tokens).toHaveLength(6);
    for (const { agencyCode, token } of tokens) {
      expect(await findInvitationToken(t.db, 'netralitas-asn-token', token)).toEqual({
        agencyCode,
        used: false,
      });
    }
  });

  it('loads valid synthetic responses, already counted', async () => {
    const wave = (await findOpenWave(t.db, 'netralitas-asn-2021'))!;
    expect(await countResponses(t.db, wave.id)).toBe(40);
    const cells = await readCellCounts(t.db, wave.id);
    expect(cells.respondents.reduce((s, r) => s + r.count, 0)).toBe(40);
    expect(cells.bases.some((b) => b.question === 'B1')).toBe(true);
    for (const stratum of cells.strata.values()) {
      expect(stratum.populationSize).toBeGreaterThanOrEqual(300);
    }
  });

  it('leaves nothing behind when it fails part-way', async () => {
    const fresh = await dialect.create();
    try {
      await publishQuestionnaires(fresh.db, [netralitasAsn]);
      const registry = await loadQuestionnaireRegistry(fresh.db, compileQuestionnaire);
      // The second study's id is taken, so the seed fails after the frame and first study.
      await createStudy(fresh.db, {
        id: 'netralitas-asn-token',
        ...{ questionnaireId: questionnaire.id, questionnaireVersion: questionnaire.version },
        title: { id: 'x', en: 'x' },
        usesTokens: true,
      });
      await expect(
        seedDemo(fresh.db, registry, { questionnaire, today: '2021-09-16' }),
      ).rejects.toThrow();
      expect(await listAgencies(fresh.db)).toEqual([]);
      const studies = await fresh.db.selectFrom('studies').select('id').execute();
      expect(studies).toEqual([{ id: 'netralitas-asn-token' }]);
    } finally {
      await fresh.destroy();
    }
  });
});
