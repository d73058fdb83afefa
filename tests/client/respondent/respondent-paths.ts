// Runs seeded respondent sessions on every published questionnaire and checks each completed path against the compiled validator.

import { describe, expect, it } from 'vitest';
import { createSurveyModel } from '../../../client/respondent/create-survey-model';
import { compileQuestionnaire } from '../../../server/services/validation/compile-questionnaire';
import { questionnaires } from '../../../surveys/index';
import { seededRandom } from '../../helpers/answer-set-generator';
import { respondentSession, steeringDepths } from '../../helpers/respondent-path';

/** Paths per questionnaire over all shards, and paths per session (one first pass each). */
export const pathsPerQuestionnaire = 2000;
const pathsPerSession = 20;
const sessions = pathsPerQuestionnaire / pathsPerSession;

interface Failure {
  session: number;
  path: number;
  completed: boolean;
  problems: unknown[];
  data: Record<string, unknown>;
}

/**
 * Declares the path test for one shard: sessions `shard`, `shard + shards`, … of every
 * published questionnaire (shards run as separate files, so Vitest's workers share them).
 *
 * @example
 * describePathShard(0, 2);
 */
export function describePathShard(shard: number, shards: number): void {
  for (const questionnaire of questionnaires) {
    const label = `${questionnaire.id} v${questionnaire.version}`;
    describe(`respondent paths on ${label} (shard ${shard + 1} of ${shards})`, () => {
      it('completes every path with the page’s own model and the server accepts every submission', () => {
        const compiled = compileQuestionnaire(questionnaire.json);
        const steering = steeringDepths(questionnaire.json);
        const model = createSurveyModel(questionnaire.json, 'id', undefined);
        const failures: Failure[] = [];
        let paths = 0;
        let changes = 0;
        let chainPaths = 0;
        const started = process.cpuUsage();
        for (let session = shard; session < sessions; session += shards) {
          const random = seededRandom(1_000 * questionnaire.version + session);
          let path = 0;
          for (const record of respondentSession(model, random, steering, pathsPerSession)) {
            paths += 1;
            changes += record.changes;
            if (record.clearedThroughChains.length > 0) chainPaths += 1;
            const problems = compiled.validate(record.data);
            if (!record.completed || problems.length > 0)
              failures.push({
                session,
                path,
                completed: record.completed,
                problems,
                data: record.data,
              });
            path += 1;
          }
        }
        const cpu = process.cpuUsage(started);
        console.info(
          `${label}, shard ${shard + 1}/${shards}: ${paths} paths, ${changes} changed answers, ` +
            `${chainPaths} paths whose answers hid through a chain, ` +
            `${((cpu.user + cpu.system) / 1000 / paths).toFixed(1)} ms CPU per path`,
        );
        expect(failures.slice(0, 5)).toEqual([]);
        expect(paths).toBe(Math.ceil((sessions - shard) / shards) * pathsPerSession);
        // The kind that locked a respondent out must actually be exercised.
        expect(chainPaths).toBeGreaterThan(0);
      }, 900_000);
    });
  }
}
