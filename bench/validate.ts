// Times the compiled validator against survey-core's Model on a full answer set, same run, and prints the ratio.
import { Model } from 'survey-core';
import { compileQuestionnaire } from '../server/services/validation/compile-questionnaire.ts';
import { netralitasAsn } from '../surveys/netralitas-asn.ts';
import { validSubmissionAnswers } from './valid-submission.ts';

const json = netralitasAsn.json;
const answers = validSubmissionAnswers;

function modelRejects(model: Model): boolean {
  model.data = answers;
  return !model.validate(false, false);
}

/** Mean microseconds per call of `run` over `runs` calls, after `warmUp` calls. */
function micros(run: () => unknown, runs: number, warmUp = Math.ceil(runs / 10)): number {
  for (let i = 0; i < warmUp; i++) run();
  const start = performance.now();
  for (let i = 0; i < runs; i++) run();
  return ((performance.now() - start) * 1000) / runs;
}

const compileMicros = micros(() => compileQuestionnaire(json), 20, 2);
const compiled = compileQuestionnaire(json);
if (compiled.validate(answers).length > 0 || modelRejects(new Model(json))) {
  throw new Error('the benchmark answer set must be valid for both validators');
}
const validateMicros = micros(() => compiled.validate(answers), 20_000);
const itemsMicros = micros(() => compiled.answerItems(answers), 20_000);
const freshModelMicros = micros(() => modelRejects(new Model(json)), 20, 2);
const sharedModel = new Model(json);
const reusedModelMicros = micros(() => modelRejects(sharedModel), 50, 5);

console.log(
  `full answer set: ${Object.keys(answers).length} keys, ${JSON.stringify(answers).length} bytes`,
);
console.log(`compile the questionnaire once:          ${(compileMicros / 1000).toFixed(2)} ms`);
console.log(`compiled validate():                     ${validateMicros.toFixed(1)} µs`);
console.log(`compiled answerItems():                  ${itemsMicros.toFixed(1)} µs`);
console.log(`survey-core new Model + validate:        ${(freshModelMicros / 1000).toFixed(2)} ms`);
console.log(`survey-core reused Model, set data:      ${(reusedModelMicros / 1000).toFixed(2)} ms`);
console.log(
  `ratio new Model / compiled: ${(freshModelMicros / validateMicros).toFixed(0)}×, ` +
    `reused Model / compiled: ${(reusedModelMicros / validateMicros).toFixed(0)}×`,
);
