// Fills an empty database with the demo: the 2020 election frame, recorded violations, three studies (agency links, tokens, coded links), demo and synthetic responses.
import type { Kysely } from 'kysely';
import { inTransaction } from '../../storage/db/in-transaction.ts';
import type { Database } from '../../storage/db/schema.ts';
import { importFrameFile } from '../frame/import-frame.ts';
import { importResponses, type ImportedResponse } from '../projection/import-responses.ts';
import type { QuestionnaireRegistry } from '../questionnaires/questionnaire-registry.ts';
import { listAgencies } from '../../storage/repositories/agencies.ts';
import { issueLinkCodesForOpenWave } from '../links/link-codes.ts';
import { issueInvitationTokens } from '../../storage/repositories/invitation-tokens.ts';
import { createStudy } from '../../storage/repositories/studies.ts';
import { setStudyNotice } from '../../storage/repositories/study-notices.ts';
import { createWave } from '../../storage/repositories/waves.ts';
import { demoAnswerGenerator } from './demo-answers.ts';
import { seedRecordedViolations } from './seed-context.ts';
import { demoNotice } from './demo-notice.ts';
import { seededRandom } from './seeded-random.ts';
import { seedFiles } from './seed-files.ts';
import { markStudySynthetic } from '../../storage/repositories/synthetic-studies.ts';
import { saveDisclosureSettings } from '../../storage/repositories/disclosure-settings.ts';
import {
  defaultMinimumCellSize,
  defaultSensitiveMinimumCellSize,
  defaultSensitiveQuestions,
} from '../results/disclosure-settings.ts';
import { seedSyntheticWave } from './synthetic-wave.ts';
import { createAccessKey } from '../auth/access-keys.ts';
import { demoLinkCodeStudyId, demoStudyId, demoTokenStudyId } from './demo-study-ids.ts';

export { demoLinkCodeStudyId, demoStudyId, demoTokenStudyId } from './demo-study-ids.ts';
/** Agencies that get demo invitation tokens (and whose coded links the start-up prints). */
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
  /**
   * Also seed the synthetic KASN-sized wave (study `kasn-2021-sintetis`, 10,617 responses) and
   * issue a researcher key for it, so a newcomer can open full results at once.
   */
  syntheticWave?: boolean;
}

export interface DemoSeedResult {
  /** Issued tokens in clear text: show them once, they are stored only hashed. */
  tokens: { agencyCode: string; token: string }[];
  /** Coded agency links of the link-code study for the token agencies (every agency has one). */
  linkCodes: { agencyCode: string; code: string }[];
  responses: number;
  /** The synthetic wave and a researcher key in clear text (shown once), when seeded. */
  syntheticWave?: { studyId: string; waveId: number; responses: number; researcherKey: string };
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
  { questionnaire, today, responses = 0, tokensPerAgency = 3, syntheticWave }: DemoSeedOptions,
): Promise<DemoSeedResult> {
  const { definition, compiled } = questionnaires.get(questionnaire.id, questionnaire.version);
  return inTransaction(db, async (trx) => {
    await importFrameFile(trx, seedFiles.frame, { headcountIllustrative: true });
    await seedRecordedViolations(trx);
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

    await createStudy(trx, {
      ...common,
      id: demoLinkCodeStudyId,
      title: {
        id: 'Survei Netralitas ASN dengan tautan berkode (demo)',
        en: 'ASN Neutrality Survey with coded agency links (demo)',
      },
      usesTokens: false,
      usesLinkCodes: true,
    });
    await createWave(trx, {
      studyId: demoLinkCodeStudyId,
      name: 'Gelombang demo',
      status: 'open',
      opensOn: today,
      closesOn: null,
    });
    const allCodes = await issueLinkCodesForOpenWave(trx, demoLinkCodeStudyId);
    const linkCodes = allCodes
      .filter((link) => tokenAgencies.includes(link.agencyCode))
      .map(({ agencyCode, code }) => ({ agencyCode, code }));
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
      await markStudySynthetic(trx, demoStudyId);
      // A handful of made-up answers for trying the agency dashboard; the public dashboard
      // shows the KASN-sized synthetic wave instead.
      await saveDisclosureSettings(trx, {
        studyId: demoStudyId,
        minimumCellSize: defaultMinimumCellSize,
        sensitiveMinimumCellSize: defaultSensitiveMinimumCellSize,
        sensitiveQuestions: [...(defaultSensitiveQuestions[definition.id] ?? [])],
        public: false,
      });
    }
    if (syntheticWave) {
      const synthetic = await seedSyntheticWave(trx, questionnaires, questionnaire);
      const { key } = await createAccessKey(trx, { role: 'researcher', agencyCode: null, today });
      return { tokens, linkCodes, responses, syntheticWave: { ...synthetic, researcherKey: key } };
    }
    return { tokens, linkCodes, responses };
  });
}
