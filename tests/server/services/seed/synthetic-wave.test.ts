// The demo's synthetic KASN-sized wave on every dialect: 10,617 responses over 270 agencies, KASN's published rates, labelled synthetic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishQuestionnaires } from '../../../../server/services/questionnaires/publish-questionnaires.ts';
import {
  loadQuestionnaireRegistry,
  type QuestionnaireRegistry,
} from '../../../../server/services/questionnaires/questionnaire-registry.ts';
import { waveMarginSource } from '../../../../server/services/reports/raking-margins.ts';
import { authenticateKey } from '../../../../server/services/auth/access-keys.ts';
import {
  createReportService,
  type ReportService,
} from '../../../../server/services/reports/report-service.ts';
import type { Report } from '../../../../server/services/reports/report-types.ts';
import { allocateRespondents } from '../../../../server/services/seed/allocate-respondents.ts';
import { seedDemo } from '../../../../server/services/seed/seed-demo.ts';
import {
  kasnSampleSize,
  syntheticStudyId,
  syntheticWaveMargins,
} from '../../../../server/services/seed/synthetic-wave.ts';
import { compileQuestionnaire } from '../../../../server/services/validation/compile-questionnaire.ts';
import { isStudySynthetic } from '../../../../server/storage/repositories/synthetic-studies.ts';
import { listWaves } from '../../../../server/storage/repositories/waves.ts';
import { netralitasAsn } from '../../../../surveys/netralitas-asn.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';

describe('allocating respondents to agencies', () => {
  it('adds up exactly, keeps the minimum and never exceeds a headcount, for many frames', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const strata = Array.from({ length: 1 + (seed % 40) }, (_, i) => ({
        code: `a${i}`,
        headcount: 1 + ((seed * 7919 * (i + 3)) % 997),
      }));
      const capacity = strata.reduce((s, a) => s + a.headcount, 0);
      const total = Math.min(capacity, strata.length * 3 + ((seed * 104729) % 5000));
      const sizes = allocateRespondents(strata, total, 3);
      expect([...sizes.values()].reduce((s, n) => s + n, 0)).toBe(total);
      for (const stratum of strata) {
        const n = sizes.get(stratum.code)!;
        expect(n).toBeLessThanOrEqual(stratum.headcount);
        expect(n).toBeGreaterThanOrEqual(Math.min(3, stratum.headcount));
      }
    }
  });
});

describe.each(testDialects())('the synthetic wave on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let questionnaires: QuestionnaireRegistry;
  let reports: ReportService;
  let national: Report;
  let seconds: number;
  let researcherKey: string;

  beforeAll(async () => {
    await publishQuestionnaires(t.db, [netralitasAsn]);
    questionnaires = await loadQuestionnaireRegistry(t.db, compileQuestionnaire);
    const start = performance.now();
    const seeded = await seedDemo(t.db, questionnaires, {
      questionnaire: { id: netralitasAsn.id, version: netralitasAsn.version },
      today: '2021-09-16',
      responses: 0,
      syntheticWave: true,
    });
    seconds = (performance.now() - start) / 1000;
    researcherKey = seeded.syntheticWave!.researcherKey;
    reports = createReportService({
      db: t.db,
      database: t.config,
      questionnaires,
      margins: waveMarginSource(t.db),
    });
    const [wave] = await listWaves(t.db, syntheticStudyId);
    national = await reports.report(syntheticStudyId, {
      waveId: wave!.id,
      weighting: 'raked',
      by: [],
      lang: 'en',
    });
  }, 180_000);
  afterAll(() => reports.close());

  it('holds 10,617 responses in every one of the 270 agencies, in a closed July 2021 wave', async () => {
    console.log(
      `seeding the demo with the synthetic wave took ${seconds.toFixed(1)} s on ${dialect.dialect}`,
    );
    expect(national.respondents).toBe(kasnSampleSize);
    expect(national.strata).toBe(270);
    const waves = await listWaves(t.db, syntheticStudyId);
    expect(waves).toMatchObject([
      { status: 'closed', opensOn: '2021-07-01', closesOn: '2021-07-31' },
    ]);
  });

  it('stores its sex margin for the wave, so the raked report rakes to it', () => {
    expect(national.weighting.margins).toEqual(syntheticWaveMargins(netralitasAsn));
    expect(national.weighting.description).toContain('A4');
  });

  it('issues a researcher key', async () => {
    expect(await authenticateKey(t.db, researcherKey)).toMatchObject({ role: 'researcher' });
  });

  it('is labelled synthetic in the study, its title and every report', async () => {
    expect(await isStudySynthetic(t.db, syntheticStudyId)).toBe(true);
    expect(national.study.synthetic).toBe(true);
    expect(national.study.title).toMatch(/synthetic/i);
    expect(national.footnotes[0]!.code).toBe('synthetic');
  });

  it('reproduces KASN’s published national rates within sampling noise', () => {
    const share = (question: string, options: string[]) =>
      national.rows
        .filter((r) => r.question === question && options.includes(r.option))
        .reduce((s, r) => s + r.estimate!, 0);
    for (const figure of netralitasAsn.referenceFigures) {
      expect(
        Math.abs(share(figure.variable, figure.options) - figure.percent / 100),
        `${figure.variable} ${figure.options.join('+')}`,
      ).toBeLessThan(0.03);
    }
  });
});
