import { createSurveyModel } from '../client/respondent/create-survey-model.ts';
import { questionnaires } from '../surveys/index.ts';
import { seededRandom } from '../tests/helpers/answer-set-generator.ts';
import { steeringDepths, walkRespondentPath } from '../tests/helpers/respondent-path.ts';
import { SurveyModel, Question } from 'survey-core';
const times: Record<string, number> = {}; const calls: Record<string, number> = {};
function wrap(obj: any, name: string, label = name) {
  const orig = obj[name];
  obj[name] = function (...args: any[]) { const t = performance.now(); try { return orig.apply(this, args); } finally { times[label] = (times[label] ?? 0) + performance.now() - t; calls[label] = (calls[label] ?? 0) + 1; } };
}
for (const n of ['mergeData', 'nextPage', 'completeLastPage', 'clear', 'validate']) wrap(SurveyModel.prototype, n);
const desc = Object.getOwnPropertyDescriptor(Question.prototype, 'value')!;
Object.defineProperty(Question.prototype, 'value', { ...desc, set(v) { const t = performance.now(); desc.set!.call(this, v); times['q.value='] = (times['q.value='] ?? 0) + performance.now() - t; calls['q.value='] = (calls['q.value='] ?? 0) + 1; } });
const cp = Object.getOwnPropertyDescriptor(SurveyModel.prototype, 'currentPage')!;
Object.defineProperty(SurveyModel.prototype, 'currentPage', { ...cp, set(v) { const t = performance.now(); cp.set!.call(this, v); times['currentPage='] = (times['currentPage='] ?? 0) + performance.now() - t; } });
const q = questionnaires[1]!;
import { settings } from 'survey-core'; if (process.env.NOANIM) settings.animationEnabled = false;
const model = createSurveyModel(q.json, 'id', undefined);
const steering = steeringDepths(q.json);
const t = performance.now(); const c0 = process.cpuUsage();
for (let seed = 1; seed <= 10; seed++) walkRespondentPath(model, seededRandom(seed), steering);
console.log('total', performance.now() - t, 'cpu ms', (process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1000, times, calls);
