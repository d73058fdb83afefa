// Times the analysis benchmark's reports from the database: catch-up, the aggregate read and the estimates, plain and raked.
import type { Kysely } from 'kysely';
import {
  createDesign,
  designWeights,
  estimateProportions,
  rake,
  stratumTotals,
  type CellCounts,
} from '../analysis/index.ts';
import { createDatabase } from '../server/storage/db/create-database.ts';
import type { Database } from '../server/storage/db/schema.ts';
import { materializePending } from '../server/services/projection/materialize-pending.ts';
import {
  loadQuestionnaireRegistry,
  type QuestionnaireRegistry,
} from '../server/services/questionnaires/questionnaire-registry.ts';
import { readCellCounts } from '../server/storage/repositories/cell-counts.ts';
import { compileQuestionnaire } from '../server/services/validation/compile-questionnaire.ts';

const [path, waveArg] = process.argv.slice(2);
if (!path || !waveArg) throw new Error('usage: analysis-report.ts DATABASE_PATH WAVE_ID');
const waveId = Number(waveArg);
/** Every question; national plus these breakdowns (the agency is the stratum). */
const domains = ['agency', 'province', 'sex'];

async function seconds<T>(run: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, (performance.now() - start) / 1000];
}

async function readCells(db: Kysely<Database>, registry: QuestionnaireRegistry) {
  await materializePending(db, registry);
  return readCellCounts(db, waveId);
}

function cellRows(cells: CellCounts): number {
  return cells.respondents.length + cells.bases.length + cells.choices.length;
}

/** The least any row-level analysis pays: reading every stored answer set once. */
function scanAllResponses(db: Kysely<Database>): Promise<number> {
  return db
    .selectFrom('responses')
    .select('answers')
    .where('wave_id', '=', waveId)
    .execute()
    .then((rows) => rows.reduce((n, row) => n + Object.keys(JSON.parse(row.answers)).length, 0));
}

const db = createDatabase({ dialect: 'sqlite', path });
try {
  const registry = await loadQuestionnaireRegistry(db, compileQuestionnaire);

  const [cells, readTime] = await seconds(() => readCells(db, registry));
  const [plainRows, plainEstimateTime] = await seconds(() =>
    estimateProportions(designWeights(createDesign(cells)), { domains }),
  );
  const plainTime = readTime + plainEstimateTime;
  console.log(
    `full report: ${plainTime.toFixed(2)} s (catch-up + aggregate read ${readTime.toFixed(2)} s, ` +
      `${cellRows(cells)} cell rows; estimates ${plainEstimateTime.toFixed(2)} s, ${plainRows.length} result rows)`,
  );

  const [raked, rakedTime] = await seconds(async () => {
    const fresh = await readCells(db, registry);
    const design = createDesign(fresh);
    const population = [...stratumTotals(design).values()].reduce((s, n) => s + n, 0);
    const result = rake(designWeights(design), [
      { variable: 'agency', totals: stratumTotals(design) },
      { variable: 'sex', totals: { F: 0.52 * population, M: 0.48 * population } },
    ]);
    const rows = estimateProportions(result.weighting, { domains });
    return { rows: rows.length, iterations: result.iterations };
  });
  console.log(
    `raked report (agency + sex F 52% / M 48%): ${rakedTime.toFixed(2)} s ` +
      `(${raked.iterations} raking passes, ${raked.rows} result rows)`,
  );

  const peakMb = process.resourceUsage().maxRSS / 1024;
  const [answers, scanTime] = await seconds(() => scanAllResponses(db));
  console.log(`peak memory of the report process: ${peakMb.toFixed(0)} MB (before the scan below)`);
  console.log(
    `baseline, reading every stored response once (${answers} answers): ${scanTime.toFixed(2)} s; ` +
      `full report / scan = ${(plainTime / scanTime).toFixed(3)}, raked / scan = ${(rakedTime / scanTime).toFixed(3)}`,
  );
} finally {
  await db.destroy();
}
