// Times the analysis benchmark's reports through the reports service (catch-up, aggregate read, estimates in its worker), plain and raked.
import { createDatabase } from '../server/storage/db/create-database.ts';
import { loadQuestionnaireRegistry } from '../server/services/questionnaires/questionnaire-registry.ts';
import { staticMarginSource } from '../server/services/reports/raking-margins.ts';
import { createReportService } from '../server/services/reports/report-service.ts';
import { compileQuestionnaire } from '../server/services/validation/compile-questionnaire.ts';
import { benchStudyId } from './analysis-setup.ts';

const [path, waveArg] = process.argv.slice(2);
if (!path || !waveArg) throw new Error('usage: analysis-report.ts DATABASE_PATH WAVE_ID');
const waveId = Number(waveArg);
/** Every question; national plus these breakdowns (the agency is the stratum). */
const by = ['agency', 'province', 'sex'];
/** The benchmark's raking margin, besides the agency headcounts. */
export const benchMargins = [{ variable: 'sex', shares: { F: 0.52, M: 0.48 } }];

async function seconds<T>(run: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, (performance.now() - start) / 1000];
}

const database = { dialect: 'sqlite', path } as const;
const db = createDatabase(database);
const questionnaires = await loadQuestionnaireRegistry(db, compileQuestionnaire);
const reports = createReportService({
  db,
  database,
  questionnaires,
  margins: staticMarginSource({ [benchStudyId]: benchMargins }),
});
try {
  // The worker starts on first use; its start-up is not part of a report.
  await reports.fieldwork(benchStudyId, waveId);
  const [plain, plainTime] = await seconds(() =>
    reports.report(benchStudyId, { waveId, weighting: 'design', by, lang: 'en' }),
  );
  console.log(
    `full report through the reports service: ${plainTime.toFixed(2)} s ` +
      `(catch-up, aggregate read and ${plain.rows.length} estimates for ${plain.respondents} respondents, in its worker)`,
  );
  const [raked, rakedTime] = await seconds(() =>
    reports.report(benchStudyId, { waveId, weighting: 'raked', by, lang: 'en' }),
  );
  console.log(
    `raked report (agency + sex F 52% / M 48%): ${rakedTime.toFixed(2)} s ` +
      `(${raked.weighting.iterations} raking passes, ${raked.rows.length} result rows)`,
  );
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `peak memory of the report process (main thread and worker): ${peakMb.toFixed(0)} MB`,
  );

  // The least any row-level analysis pays: reading every stored answer set once.
  const [answers, scanTime] = await seconds(async () => {
    const rows = await db
      .selectFrom('responses')
      .select('answers')
      .where('wave_id', '=', waveId)
      .execute();
    return rows.reduce((n, row) => n + Object.keys(JSON.parse(row.answers)).length, 0);
  });
  console.log(
    `baseline, reading every stored response once (${answers} answers): ${scanTime.toFixed(2)} s; ` +
      `full report / scan = ${(plainTime / scanTime).toFixed(3)}, raked / scan = ${(rakedTime / scanTime).toFixed(3)}`,
  );
} finally {
  await reports.close();
  await db.destroy();
}
