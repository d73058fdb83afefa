import { createSurveyModel } from '../client/respondent/create-survey-model.ts';
import { questionnaires } from '../surveys/index.ts';
import { compileQuestionnaire } from '../server/services/validation/compile-questionnaire.ts';
import { seededRandom } from '../tests/helpers/answer-set-generator.ts';
import { steeringDepths, respondentSession } from '../tests/helpers/respondent-path.ts';
const N = Number(process.argv[2] ?? 40), per = Number(process.argv[3] ?? 20);
for (const q of questionnaires) {
  const compiled = compileQuestionnaire(q.json);
  const steering = steeringDepths(q.json);
  const model = createSurveyModel(q.json, 'id', undefined);
  const t = performance.now(); const c0 = process.cpuUsage();
  let bad = 0, chains = 0, n = 0;
  for (let s = 1; n < N; s++) for (const r of respondentSession(model, seededRandom(s), steering, per)) {
    n++;
    const problems = compiled.validate(r.data);
    if (!r.completed || problems.length) { bad++; if (bad < 4) console.log(s, r.completed, problems, JSON.stringify(r.data)); }
    if (r.clearedThroughChains.length) chains++;
  }
  const cpu = process.cpuUsage(c0);
  console.log('v', q.version, 'paths', n, 'bad', bad, 'chains', chains, 'wall ms/path', ((performance.now() - t) / n).toFixed(1), 'cpu ms/path', ((cpu.user + cpu.system) / 1000 / n).toFixed(1));
}
