// Seeds the demo's synthetic KASN-sized wave: 10,617 responses over the 270 agencies, drawn with a fixed seed from published rates.
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/db/schema.ts';
import { listAgencies } from '../../storage/repositories/agencies.ts';
import { createStudy } from '../../storage/repositories/studies.ts';
import { replaceWaveMargins } from '../../storage/repositories/raking-margins.ts';
import { markStudySynthetic } from '../../storage/repositories/synthetic-studies.ts';
import { createWave } from '../../storage/repositories/waves.ts';
import { importResponses, type ImportedResponse } from '../projection/import-responses.ts';
import type { QuestionnaireRegistry } from '../questionnaires/questionnaire-registry.ts';
import type { MarginShares } from '../reports/report-types.ts';
import { allocateRespondents } from './allocate-respondents.ts';
import { demoAnswerGenerator } from './demo-answers.ts';
import { referenceTargets } from './reference-targets.ts';
import { seededRandom } from './seeded-random.ts';

/** The study holding the synthetic wave. */
export const syntheticStudyId = 'kasn-2021-sintetis';
/** KASN's 2021 sample size (Survei Nasional Netralitas ASN, Pilkada 2020). */
export const kasnSampleSize = 10_617;
/** Responses per import transaction. */
const batchSize = 2_000;

/**
 * The demo's raking margin: women are 51.29% of civil servants (BKN, June 2019, as reported by
 * Kompas on 21 October 2019). Given only when the questionnaire asks sex as `A4` with options
 * `laki_laki` and `perempuan` (the KASN model); another questionnaire gets none.
 *
 * @example
 * syntheticWaveMargins(registry.get('netralitas-asn', 1).definition);
 */
export function syntheticWaveMargins(definition: {
  domainVariables: readonly { question: string }[];
  json: unknown;
}): MarginShares[] {
  const json = JSON.stringify(definition.json);
  const hasSex =
    definition.domainVariables.some((d) => d.question === 'A4') &&
    json.includes('"laki_laki"') &&
    json.includes('"perempuan"');
  return hasSex ? [{ variable: 'A4', shares: { laki_laki: 0.4871, perempuan: 0.5129 } }] : [];
}

/**
 * Creates the study `kasn-2021-sintetis` (titled as synthetic, and marked so every report says
 * it) with a closed July 2021 wave of `responses` responses (default 10,617): allocated to the
 * frame's agencies in proportion to headcount (at least 3 each), answered by the demo
 * generator drawing the questionnaire's published reference rates, on days spread over the
 * month, all from fixed seeds, and sets the wave's raking margin (`syntheticWaveMargins`).
 * Runs in the caller's transaction.
 *
 * @example
 * await seedSyntheticWave(trx, questionnaires, { id: 'netralitas-asn', version: 1 });
 */
export async function seedSyntheticWave(
  db: Kysely<Database>,
  questionnaires: QuestionnaireRegistry,
  questionnaire: { id: string; version: number },
  responses = kasnSampleSize,
): Promise<{ studyId: string; waveId: number; responses: number }> {
  const { definition, compiled } = questionnaires.get(questionnaire.id, questionnaire.version);
  await createStudy(db, {
    id: syntheticStudyId,
    questionnaireId: definition.id,
    questionnaireVersion: definition.version,
    title: {
      id: 'Replikasi Survei Netralitas ASN 2021 (data sintetis)',
      en: 'ASN Neutrality Survey 2021 replication (synthetic data)',
    },
    usesTokens: false,
  });
  await markStudySynthetic(db, syntheticStudyId);
  const wave = await createWave(db, {
    studyId: syntheticStudyId,
    name: 'Juli 2021 (sintetis)',
    status: 'closed',
    opensOn: '2021-07-01',
    closesOn: '2021-07-31',
  });
  await replaceWaveMargins(db, wave.id, syntheticWaveMargins(definition));
  const agencies = await listAgencies(db);
  const allocation = allocateRespondents(agencies, responses, 3);
  const nextAnswers = demoAnswerGenerator(
    definition.json,
    compiled,
    'synthetic-wave',
    referenceTargets(definition),
  );
  const random = seededRandom('synthetic-wave:days');
  let batch: ImportedResponse[] = [];
  for (const agency of agencies) {
    for (let i = 0; i < (allocation.get(agency.code) ?? 0); i++) {
      const day = 1 + Math.floor(random() * 31);
      batch.push({
        agencyCode: agency.code,
        answers: nextAnswers(),
        submittedOn: `2021-07-${String(day).padStart(2, '0')}`,
      });
      if (batch.length === batchSize) {
        await importResponses(db, questionnaires, wave.id, batch);
        batch = [];
      }
    }
  }
  if (batch.length > 0) await importResponses(db, questionnaires, wave.id, batch);
  return { studyId: syntheticStudyId, waveId: wave.id, responses };
}
