import { createSurveyModel } from '../client/respondent/create-survey-model.ts';
import { questionnaires } from '../surveys/index.ts';
import { seededRandom } from '../tests/helpers/answer-set-generator.ts';
import { steeringDepths, respondentSession } from '../tests/helpers/respondent-path.ts';
const q = questionnaires[1]!;
const model = createSurveyModel(q.json, 'id', undefined);
const steering = steeringDepths(q.json);
for (let s = 2000; s < 2400; s++) { try { for (const r of respondentSession(model, seededRandom(s), steering, 1)) {} } catch (e) { console.log(s, String(e)); console.log(JSON.stringify(model.data)); break; } }
