// The agency and public results on the synthetic KASN wave (10,617 responses): first and warm request times, against the old path of estimating the whole declared set.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decideDisclosure } from '../analysis/index.ts';
import type { DatabaseConfig } from '../server/config.ts';
import { publishQuestionnaires } from '../server/services/questionnaires/publish-questionnaires.ts';
import { loadQuestionnaireRegistry } from '../server/services/questionnaires/questionnaire-registry.ts';
import { loadDefinition } from '../server/services/reports/load-report-input.ts';
import { staticMarginSource } from '../server/services/reports/raking-margins.ts';
import { createReportService } from '../server/services/reports/report-service.ts';
import { declaredTables, tableNesting } from '../server/services/results/declared-tables.ts';
import { studyDisclosure } from '../server/services/results/disclosure-settings.ts';
import { createResultsService } from '../server/services/results/results-service.ts';
import { seedDemo } from '../server/services/seed/seed-demo.ts';
import { syntheticStudyId } from '../server/services/seed/synthetic-wave.ts';
import { compileQuestionnaire } from '../server/services/validation/compile-questionnaire.ts';
import { createDatabase } from '../server/storage/db/create-database.ts';
import { migrateToLatest } from '../server/storage/db/migrate.ts';
import { findStudy } from '../server/storage/repositories/studies.ts';
import { listWaves } from '../server/storage/repositories/waves.ts';
import { questionnaires as definitions } from '../surveys/index.ts';

/** Whether to time the old path too (`BENCH_OLD=0` skips it: it takes minutes on a loaded machine). */
const timeOldPath = process.env.BENCH_OLD !== '0';
/** Warm requests timed per endpoint (agencies taken in frame order). */
const warmRequests = Number(process.env.BENCH_WARM ?? 20);
const keptDatabase = process.env.BENCH_DATABASE;
const workDir = mkdtempSync(join(tmpdir(), 'bench-agency-results-'));
const database: DatabaseConfig = {
  dialect: 'sqlite',
  path: keptDatabase ?? join(workDir, 'bench.db'),
};

const seconds = (since: number) => (performance.now() - since) / 1000;
const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;
const summary = (values: number[]) =>
  `p50 ${(quantile(values, 0.5) * 1000).toFixed(0)} ms, p99 ${(quantile(values, 0.99) * 1000).toFixed(0)} ms (n = ${values.length})`;

async function timed<T>(work: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await work();
  return seconds(start);
}

const db = createDatabase(database);
try {
  await migrateToLatest(db);
  await publishQuestionnaires(db, definitions);
  const questionnaires = await loadQuestionnaireRegistry(db, compileQuestionnaire);
  if (!(await findStudy(db, syntheticStudyId))) {
    console.log('seeding the synthetic wave…');
    const first = definitions[0]!;
    await seedDemo(db, questionnaires, {
      questionnaire: { id: first.id, version: first.version },
      today: '2021-09-01',
      syntheticWave: true,
    });
  } else if (keptDatabase !== undefined && existsSync(keptDatabase)) {
    console.log(`reusing ${keptDatabase}`);
  }
  const study = (await findStudy(db, syntheticStudyId))!;
  const wave = (await listWaves(db, study.id)).at(-1)!;
  const definition = await loadDefinition(db, study.questionnaireId, study.questionnaireVersion);
  const tables = declaredTables(definition);
  // Reports in a worker thread, as the server runs them; a fresh service starts cold.
  const service = () =>
    createReportService({ db, database, questionnaires, margins: staticMarginSource({}) });

  // The old path: every estimate of the declared set, then disclosure over all of it.
  const old = service();
  const oldPath = () =>
    timed(async () => {
      const report = await old.report(study.id, {
        waveId: wave.id,
        weighting: 'design',
        by: tables.by,
        lang: 'id',
      });
      const fieldwork = await old.fieldwork(study.id, wave.id);
      const { rules } = await studyDisclosure(db, study);
      decideDisclosure(report.rows, rules, tableNesting(fieldwork.agencies));
    });
  const oldFirst = timeOldPath ? await oldPath() : Number.NaN;
  const oldAgain = timeOldPath ? await oldPath() : Number.NaN;
  await old.close();
  if (timeOldPath) {
    console.log(
      `old path (estimate the whole declared set, then decide): first ${oldFirst.toFixed(1)} s, again ${oldAgain.toFixed(1)} s`,
    );
  }

  const reports = service();
  const results = createResultsService(db, reports);
  const agencies = (await reports.fieldwork(study.id, wave.id)).agencies
    .filter((a) => a.responses > 0)
    .map((a) => a.code);
  const agencyFirst = await timed(() => results.agency(agencies[0]!, study.id, 'id'));
  const agencyWarm: number[] = [];
  for (let i = 1; i <= warmRequests; i++) {
    const code = agencies[(i * 13) % agencies.length]!;
    agencyWarm.push(await timed(() => results.agency(code, study.id, 'id')));
  }
  const headlineFirst = await timed(() => results.headline(study.id, 'en'));
  const headlineWarm: number[] = [];
  for (let i = 0; i < warmRequests; i++) {
    headlineWarm.push(await timed(() => results.headline(study.id, 'id')));
  }
  const rankingWarm: number[] = [];
  for (let i = 0; i < warmRequests; i++) {
    const by = i % 2 === 0 ? 'province' : 'type';
    rankingWarm.push(
      await timed(() => results.ranking(study.id, { question: 'H2', option: 'ya', by }, 'id')),
    );
  }
  await reports.close();
  const ratio = timeOldPath
    ? ` (${(oldFirst / agencyFirst).toFixed(1)}× faster than the old path's first)`
    : '';
  console.log(
    `agency results: first request ${agencyFirst.toFixed(1)} s${ratio}; warm ${summary(agencyWarm)}`,
  );
  console.log(
    `public headline: first in another language ${(headlineFirst * 1000).toFixed(0)} ms; warm ${summary(headlineWarm)}`,
  );
  console.log(`public ranking (H2 = ya by province / type): warm ${summary(rankingWarm)}`);
} finally {
  await db.destroy();
  rmSync(workDir, { recursive: true, force: true });
}
