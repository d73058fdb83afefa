// Creates the analysis benchmark's database: the agency frame, the synthetic questionnaire, a study and its responses.
import { readFileSync } from 'node:fs';
import { createDatabase } from '../server/storage/db/create-database.ts';
import { migrateToLatest } from '../server/storage/db/migrate.ts';
import { importFrame } from '../server/services/frame/import-frame.ts';
import { parseFrameCsv } from '../server/services/frame/parse-frame.ts';
import { publishQuestionnaires } from '../server/services/questionnaires/publish-questionnaires.ts';
import { loadQuestionnaireRegistry } from '../server/services/questionnaires/questionnaire-registry.ts';
import { createStudy } from '../server/storage/repositories/studies.ts';
import { createWave } from '../server/storage/repositories/waves.ts';
import { seedFiles } from '../server/services/seed/seed-files.ts';
import { compileQuestionnaire } from '../server/services/validation/compile-questionnaire.ts';
import { analysisBenchQuestionnaire } from './analysis-questionnaire.ts';
import { loadSyntheticResponses } from './analysis-load.ts';

export const benchStudyId = 'bench-analysis';

/** Builds a fresh SQLite database at `path` with `total` responses; returns the wave id. */
export async function setUpAnalysisBench(path: string, total: number): Promise<number> {
  const db = createDatabase({ dialect: 'sqlite', path });
  try {
    await migrateToLatest(db);
    // Parsed once: the same agencies are imported and then sampled, in file order.
    const frame = parseFrameCsv(readFileSync(seedFiles.frame, 'utf8'));
    await importFrame(db, frame, { headcountIllustrative: true });
    await publishQuestionnaires(db, [analysisBenchQuestionnaire]);
    const questionnaires = await loadQuestionnaireRegistry(db, compileQuestionnaire);
    await createStudy(db, {
      id: benchStudyId,
      questionnaireId: analysisBenchQuestionnaire.id,
      questionnaireVersion: analysisBenchQuestionnaire.version,
      title: { id: 'Tolok ukur', en: 'Benchmark' },
      usesTokens: false,
    });
    const wave = await createWave(db, {
      studyId: benchStudyId,
      name: 'bench',
      status: 'open',
      opensOn: '2021-07-01',
      closesOn: null,
    });
    await loadSyntheticResponses(db, questionnaires, wave.id, frame, total);
    return wave.id;
  } finally {
    await db.destroy();
  }
}
