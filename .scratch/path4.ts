import { createSurveyModel } from '../client/respondent/create-survey-model.ts';
import { questionnaires } from '../surveys/index.ts';
import { seededRandom } from '../tests/helpers/answer-set-generator.ts';
import { steeringDepths, respondentSession } from '../tests/helpers/respondent-path.ts';
import { SurveyModel, Question } from 'survey-core';
const times: Record<string, number> = {}; const calls: Record<string, number> = {};
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
function wrap(obj: any, name: string) { const orig = obj[name]; obj[name] = function (...a: any[]) { const t = cpu(); try { return orig.apply(this, a); } finally { times[name] = (times[name] ?? 0) + cpu() - t; calls[name] = (calls[name] ?? 0) + 1; } }; }
for (const n of ['mergeData', 'nextPage', 'completeLastPage', 'clear']) wrap(SurveyModel.prototype, n);
const desc = Object.getOwnPropertyDescriptor(Question.prototype, 'value')!;
let depth = 0;
Object.defineProperty(Question.prototype, 'value', { ...desc, set(v) { const t = cpu(); depth++; desc.set!.call(this, v); depth--; if (!depth) { times['q.value='] = (times['q.value='] ?? 0) + cpu() - t; calls['q.value='] = (calls['q.value='] ?? 0) + 1; } } });
const q = questionnaires[1]!;
const model = createSurveyModel(q.json, 'id', undefined);
const steering = steeringDepths(q.json);
const c0 = cpu(); let n = 0;
for (let s = 1; n < 100; s++) for (const r of respondentSession(model, seededRandom(s), steering, 20)) n++;
console.log('cpu total', cpu() - c0, times, calls);
