// Sets up a test database the way an administrator would: questionnaire, a small frame, open, closed and token studies.
import type { Kysely } from 'kysely';
import type { Database } from '../../server/storage/db/schema.ts';
import { importFrame } from '../../server/services/frame/import-frame.ts';
import { parseFrameCsv } from '../../server/services/frame/parse-frame.ts';
import { publishQuestionnaires } from '../../server/services/questionnaires/publish-questionnaires.ts';
import {
  loadQuestionnaireRegistry,
  type QuestionnaireRegistry,
} from '../../server/services/questionnaires/questionnaire-registry.ts';
import { issueInvitationTokens } from '../../server/storage/repositories/invitation-tokens.ts';
import { createStudy } from '../../server/storage/repositories/studies.ts';
import { closeWave, createWave, type Wave } from '../../server/storage/repositories/waves.ts';
import { compileQuestionnaire } from '../../server/services/validation/compile-questionnaire.ts';
import { testQuestionnaire } from './test-questionnaire.ts';

/** Four agencies in two provinces; headcounts chosen to be easy to check by hand. */
export const testFrameCsv = `code,name,type,province,island_region,headcount
prov-jambi,Provinsi Jambi,provinsi,Jambi,Sumatera,1000
kab-sleman,Kabupaten Sleman,kabupaten,Daerah Istimewa Yogyakarta,Jawa-Bali,400
kota-yogyakarta,Kota Yogyakarta,kota,Daerah Istimewa Yogyakarta,Jawa-Bali,200
kab-bantul,Kabupaten Bantul,kabupaten,Daerah Istimewa Yogyakarta,Jawa-Bali,300
`;

export interface TestStudies {
  questionnaires: QuestionnaireRegistry;
  /** `open-study`: agency links, an open wave. */
  openWave: Wave;
  /** `closed-study`: its only wave is closed. */
  closedWave: Wave;
  /** `token-study`: invitation tokens, an open wave. */
  tokenWave: Wave;
  /** Unused tokens of `token-study` for kab-sleman. */
  tokens: string[];
}

/**
 * Publishes the test questionnaire (compiled by the real validator), imports the test frame
 * and creates the three studies. Call once per test database.
 *
 * @example
 * const { questionnaires, openWave } = await setUpTestStudies(db);
 */
export async function setUpTestStudies(db: Kysely<Database>): Promise<TestStudies> {
  await publishQuestionnaires(db, [testQuestionnaire]);
  const questionnaires = await loadQuestionnaireRegistry(db, compileQuestionnaire);
  await importFrame(db, parseFrameCsv(testFrameCsv), { headcountIllustrative: false });
  const study = (id: string, usesTokens: boolean) =>
    createStudy(db, {
      id,
      questionnaireId: testQuestionnaire.id,
      questionnaireVersion: testQuestionnaire.version,
      title: { id: `Studi ${id}`, en: `Study ${id}` },
      usesTokens,
    });
  const wave = (studyId: string) =>
    createWave(db, { studyId, name: 'W1', status: 'open', opensOn: '2021-09-01', closesOn: null });

  await study('open-study', false);
  await study('closed-study', false);
  await study('token-study', true);
  const openWave = await wave('open-study');
  const closedWave = await wave('closed-study');
  await closeWave(db, closedWave.id, '2021-10-01');
  const tokenWave = await wave('token-study');
  const tokens = await issueInvitationTokens(db, {
    studyId: 'token-study',
    agencyCode: 'kab-sleman',
    count: 20,
  });
  return {
    questionnaires,
    openWave,
    closedWave: { ...closedWave, status: 'closed', closesOn: '2021-10-01' },
    tokenWave,
    tokens,
  };
}

/**
 * Creates a study of the test questionnaire that takes coded agency links, with an open wave
 * (no codes issued yet: `issueLinkCodesForOpenWave` does that).
 *
 * @example
 * await createLinkCodeStudy(db, 'code-study');
 */
export async function createLinkCodeStudy(db: Kysely<Database>, id: string): Promise<Wave> {
  await createStudy(db, {
    id,
    questionnaireId: testQuestionnaire.id,
    questionnaireVersion: testQuestionnaire.version,
    title: { id: `Studi ${id}`, en: `Study ${id}` },
    usesTokens: false,
    usesLinkCodes: true,
  });
  return createWave(db, {
    studyId: id,
    name: 'W1',
    status: 'open',
    opensOn: '2021-09-01',
    closesOn: null,
  });
}
