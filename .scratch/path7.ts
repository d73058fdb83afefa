import { createSurveyModel } from '../client/respondent/create-survey-model.ts';
import { questionnaires } from '../surveys/index.ts';
import { seededRandom } from '../tests/helpers/answer-set-generator.ts';
import { steeringDepths, respondentSession } from '../tests/helpers/respondent-path.ts';
import { compileQuestionnaire } from '../server/services/validation/compile-questionnaire.ts';
const q = questionnaires[1]!;
const compiled = compileQuestionnaire(q.json);
const model = createSurveyModel(q.json, 'id', undefined);
const steering = steeringDepths(q.json);
const [from, to] = process.argv.slice(2).map(Number);
let bad = 0, n = 0, refusals = 0;
for (let s = from!; s < to!; s++) for (const r of respondentSession(model, seededRandom(2000 + s), steering, 20)) { n++; refusals += r.refusals; const p = compiled.validate(r.data); if (!r.completed || p.length) { bad++; if (bad < 3) console.log(s, r.completed, p); } }
console.log('paths', n, 'bad', bad, 'refusals', refusals);
