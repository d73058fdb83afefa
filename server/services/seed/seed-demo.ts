// Fills an empty database with the demo: the 2020 election frame, two studies (agency links and tokens), demo responses.
import type { Kysely } from 'kysely';
import { inTransaction } from '../../storage/db/in-transaction.ts';
import type { Database } from '../../storage/db/schema.ts';
import { importFrameFile } from '../frame/import-frame.ts';
import { importResponses, type ImportedResponse } from '../projection/import-responses.ts';
import type { QuestionnaireRegistry } from '../questionnaires/questionnaire-registry.ts';
import { listAgencies } from '../../storage/repositories/agencies.ts';
import { issueInvitationTokens } from '../../storage/repositories/invitation-tokens.ts';
import { createStudy } from '../../storage/repositories/studies.ts';
import { setStudyNotice } from '../../storage/repositories/study-notices.ts';
import { createWave } from '../../storage/repositories/waves.ts';
import { demoAnswerGenerator } from './demo-answers.ts';
import { demoNotice } from './demo-notice.ts';
import { seededRandom } from './seeded-random.ts';
import { seedFiles } from './seed-files.ts';

/** The demo study respondents reach by agency link. */
export const demoStudyId = 'netralitas-asn-2021';
/** The demo study that takes one submission per invitation token. */
export const demoTokenStudyId = 'netralitas-asn-token';
/** Agencies that get demo invitation tokens. */
const tokenAgencies = ['kab-sleman', 'kota-makassar'];

export interface DemoSeedOptions {
  /** The questionnaire version both studies use; it must be published already. */
  questionnaire: { id: string; version: number };
  /** Today (`YYYY-MM-DD`): the waves open on it and demo responses are dated on it. */
  today: string;
  /** Synthetic responses to load into the agency-link study (default none). */
  responses?: number;
  /** Invitation tokens per token agency (default 3). */
  tokensPerAgency?: number;
}

export interface DemoSeedResult {
  /** Issued tokens in clear text: show them once, they are stored only hashed. */
  tokens: { agencyCode: string; token: string }[];
  responses: number;
}

/**
 * Seeds the demo in one transaction: all of it or, on failure, none. The frame's headcounts
 * are generated stand-ins, stored flagged as illustrative.
 *
 * @example
 * const { tokens } = await seedDemo(db, questionnaires, {
 *   questionnaire: { id: 'netralitas-asn', version: 1 }, today: '2021-09-01', responses: 400 });
 */
export async function seedDemo(
  db: Kysely<Database>,
  questionnaires: QuestionnaireRegistry,
  { questionnaire, today, responses = 0, tokensPerAgency = 3 }: DemoSeedOptions,
): Promise<DemoSeedResult> {
  const { definition, compiled } = questionnaires.get(questionnaire.id, questionnaire.version);
  return inTransaction(db, async (trx) => {
    await importFrameFile(trx, seedFiles.frame, { headcountIllustrative: true });
    const common = {
      questionnaireId: definition.id,
      questionnaireVersion: definition.version,
    };
    await createStudy(trx, {
      ...common,
      id: demoStudyId,
      title: { id: 'Survei Netralitas ASN (demo)', en: 'ASN Neutrality Survey (demo)' },
      usesTokens: false,
    });
    const wave = await createWave(trx, {
      studyId: demoStudyId,
      name: 'Gelombang demo',
      status: 'open',
      opensOn: today,
      closesOn: null,
    });
    await createStudy(trx, {
      ...common,
      id: demoTokenStudyId,
      title: {
        id: 'Survei Netralitas ASN dengan undangan (demo)',
        en: 'ASN Neutrality Survey by invitation (demo)',
      },
      usesTokens: true,
    });
    await createWave(trx, {
      studyId: demoTokenStudyId,
      name: 'Gelombang demo',
      status: 'open',
      opensOn: today,
      closesOn: null,
    });

    await setStudyNotice(trx, demoStudyId, demoNotice);
    await setStudyNotice(trx, demoTokenStudyId, demoNotice);

    const tokens: DemoSeedResult['tokens'] = [];
    for (const agencyCode of tokenAgencies) {
      const issued = await issueInvitationTokens(trx, {
        studyId: demoTokenStudyId,
        agencyCode,
        count: tokensPerAgency,
      });
      tokens.push(...issued.map((token) => ({ agencyCode, token })));
    }

    if (responses > 0) {
      // Responses land in about a third of the agencies, as in a real wave with low uptake.
      const random = seededRandom('demo-responses');
      const agencies = (await listAgencies(trx)).filter(() => random() < 0.35);
      const nextAnswers = demoAnswerGenerator(definition.json, compiled, 'demo-answers');
      const rows: ImportedResponse[] = Array.from({ length: responses }, () => ({
        agencyCode: agencies[Math.floor(random() * agencies.length)]!.code,
        answers: nextAnswers(),
        submittedOn: today,
      }));
      await importResponses(trx, questionnaires, wave.id, rows);
    }
    return { tokens, responses };
  });
}
