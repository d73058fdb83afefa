import { createSurveyModel } from '../client/respondent/create-survey-model.ts';
import { questionnaires } from '../surveys/index.ts';
import { seededRandom } from '../tests/helpers/answer-set-generator.ts';
import { steeringDepths, respondentSession } from '../tests/helpers/respondent-path.ts';
import { compileQuestionnaire } from '../server/services/validation/compile-questionnaire.ts';
const q = questionnaires[1]!;
const compiled = compileQuestionnaire(q.json);
const model = createSurveyModel(q.json, 'id', undefined);
const steering = steeringDepths(q.json);
const e2: any = model.getQuestionByName('E2'); const e1: any = model.getQuestionByName('E1');
const log: string[] = [];
model.onValueChanged.add((_, o) => { if (/^E[12]/.test(o.name)) log.push(`${o.name}=${JSON.stringify(o.value)} E2vis=${e2.isVisible} E2ch=${e2.visibleChoices.map((c: any) => c.value)}`); });
const orig = model.completeLastPage.bind(model);
(model as any).completeLastPage = () => { log.push(`complete: E1=${JSON.stringify(e1.value)} c=${e1.comment} E2=${e2.value} vis=${e2.isVisible} ch=${e2.visibleChoices.map((c: any) => c.value)}`); return orig(); };
let i = 0;
for (const r of respondentSession(model, seededRandom(2010), steering, 20)) {
  const p = compiled.validate(r.data);
  if (p.length) { console.log(i, p); console.log(log.slice(-12).join('\n')); break; }
  log.length = 0; i++;
}
