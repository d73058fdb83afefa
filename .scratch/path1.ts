import { createSurveyModel } from '../client/respondent/create-survey-model.ts';
import { questionnaires } from '../surveys/index.ts';
import { compileQuestionnaire } from '../server/services/validation/compile-questionnaire.ts';
import { seededRandom } from '../tests/helpers/answer-set-generator.ts';
import { steeringDepths, walkRespondentPath } from '../tests/helpers/respondent-path.ts';
for (const q of questionnaires) {
  const compiled = compileQuestionnaire(q.json);
  const steering = steeringDepths(q.json);
  console.log(q.version, [...steering]);
  const model = createSurveyModel(q.json, 'id', undefined);
  const t = performance.now();
  let bad = 0, chains = 0;
  const N = Number(process.argv[2] ?? 20);
  for (let seed = 1; seed <= N; seed++) {
    const r = walkRespondentPath(model, seededRandom(seed), steering);
    const problems = compiled.validate(r.data);
    if (!r.completed || problems.length) { bad++; if (bad < 4) console.log(seed, r.completed, problems); }
    if (r.clearedThroughChains.length) chains++;
  }
  console.log('v', q.version, 'paths', N, 'bad', bad, 'chains', chains, 'ms/path', (performance.now() - t) / N);
}
