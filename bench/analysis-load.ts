// Generates the analysis benchmark's synthetic responses and loads them through the project's storage layer.
import type { Kysely } from 'kysely';
import type { Database } from '../server/storage/db/schema.ts';
import {
  importResponses,
  type ImportedResponse,
} from '../server/services/projection/import-responses.ts';
import type { QuestionnaireRegistry } from '../server/services/questionnaires/questionnaire-registry.ts';
import { seededRandom } from '../server/services/seed/seeded-random.ts';
import { multiSelectOptions, optionCounts, positions } from './analysis-questionnaire.ts';

export interface FrameAgency {
  code: string;
  headcount: number;
}

/** Respondents per agency: proportional to headcount, adding up to `total` exactly. */
export function allocate(frame: readonly FrameAgency[], total: number): Map<string, number> {
  const population = frame.reduce((s, a) => s + a.headcount, 0);
  const exact = frame.map((a) => (total * a.headcount) / population);
  const sizes = exact.map(Math.floor);
  let left = total - sizes.reduce((s, n) => s + n, 0);
  // Largest remainders first, so the allocation is deterministic and exact.
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    sizes[i]! += 1;
  }
  return new Map(frame.map((a, i) => [a.code, sizes[i]!]));
}

/** Picks index k with probability proportional to weights[k]. */
function pick(random: () => number, weights: readonly number[]): number {
  const total = weights.reduce((s, w) => s + w, 0);
  let u = random() * total;
  for (let k = 0; k < weights.length; k++) {
    u -= weights[k]!;
    if (u < 0) return k;
  }
  return weights.length - 1;
}

/**
 * Yields the responses of one agency. Answers depend on the agency and on sex, and about 5% of
 * answers are missing, so design effects and domains are far from trivial.
 */
function* agencyResponses(code: string, n: number): Generator<ImportedResponse> {
  const random = seededRandom(`bench:${code}`);
  const shareWomen = 0.3 + 0.4 * random();
  const positionWeights = positions.map(() => 0.2 + random());
  const questionWeights = optionCounts.map((count) =>
    Array.from({ length: count }, () => 0.2 + random()),
  );
  const multiShares = multiSelectOptions.map(() => 0.1 + 0.6 * random());
  for (let i = 0; i < n; i++) {
    const woman = random() < shareWomen;
    const answers: Record<string, unknown> = {
      sex: woman ? 'F' : 'M',
      position: positions[pick(random, positionWeights)],
    };
    questionWeights.forEach((weights, q) => {
      if (random() < 0.05) return;
      // Women lean towards the first option: an answer that depends on a domain variable.
      const tilted = weights.map((w, k) => (woman && k === 0 ? w * 1.5 : w));
      answers[`q${q + 1}`] = String(pick(random, tilted) + 1);
    });
    if (random() >= 0.05) {
      const ticked = multiSelectOptions.filter((_, k) => random() < multiShares[k]!);
      if (ticked.length > 0) answers.ms = ticked;
    }
    yield { agencyCode: code, answers, submittedOn: '2021-07-15' };
  }
}

/**
 * Loads `total` synthetic responses into a wave with the storage layer's bulk import (which
 * validates each one and folds it into the analysis counts), `batchSize` per transaction.
 */
export async function loadSyntheticResponses(
  db: Kysely<Database>,
  questionnaires: QuestionnaireRegistry,
  waveId: number,
  frame: readonly FrameAgency[],
  total: number,
  batchSize = 20_000,
): Promise<void> {
  let batch: ImportedResponse[] = [];
  for (const [code, n] of allocate(frame, total)) {
    for (const response of agencyResponses(code, n)) {
      batch.push(response);
      if (batch.length === batchSize) {
        await importResponses(db, questionnaires, waveId, batch);
        batch = [];
      }
    }
  }
  if (batch.length > 0) await importResponses(db, questionnaires, waveId, batch);
}
