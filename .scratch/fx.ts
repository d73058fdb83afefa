import { validatorFeaturesJson } from '../tests/fixtures/questionnaires/validator-features.ts';
import { compileQuestionnaire } from '../server/services/validation/compile-questionnaire.ts';
import { Model } from 'survey-core';
import { generatorQuestions, seededRandom, validAnswerSet } from '../tests/helpers/answer-set-generator.ts';
const c = compileQuestionnaire(validatorFeaturesJson);
const qs = generatorQuestions(validatorFeaturesJson);
const m = new Model(validatorFeaturesJson);
let bad = 0;
for (let i = 1; i <= 200; i++) { const a = validAnswerSet(seededRandom(i), qs); m.clear(true, true); m.data = a; const mv = m.validate(false, false); const p = c.validate(a); if (!mv || p.length) { bad++; if (bad < 5) console.log(i, mv, p, JSON.stringify(a)); } }
console.log('bad', bad);
for (const [q, v] of [['R1', 5], ['R1', 4], ['R2', 9], ['R2', 10], ['R4', 2], ['R4', 3]] as const) console.log(q, v, c.validate({ [q]: v }).filter(p => p.question === q));
console.log(c.validate({ X1: ['none'], X2: ['tidak_ada'] }).filter(p => p.question.startsWith('X1') || p.question.startsWith('X2')));
console.log(c.validate({ X3: '   ' }).filter(p => p.question === 'X3'));
m.data = { X1: ['none'], X2: ['tidak_ada'], X3: '  ' }; console.log(m.getQuestionByName('X1').validate(), m.getQuestionByName('X2').validate(), m.getQuestionByName('X3').validate());
for (const i of [8, 10]) { const a = validAnswerSet(seededRandom(i), qs); m.data = a; m.validate(false, false); console.log(i, m.getAllQuestions().filter(q => q.errors.length).map(q => q.name + ': ' + q.errors.map(e => e.text).join(';'))); }
{ const a = validAnswerSet(seededRandom(8), qs); const mm = new Model(validatorFeaturesJson); mm.data = a; console.log('fresh', mm.validate(false, false), mm.validate(false, false)); m.data = a; console.log('reused', m.validate(false,false), m.validate(false,false));
  for (const p of mm.pages) console.log(p.name, p.validate(false, false), p.questions.map(q => q.name + ':' + q.validate(false)).join(' ')); }
{ let bad2 = 0; for (let i = 1; i <= 200; i++) { const a = validAnswerSet(seededRandom(i), qs); const mm = new Model(validatorFeaturesJson); mm.data = a; const mv = mm.validate(false, false); const p = c.validate(a); if (!mv || p.length) { bad2++; if (bad2 < 3) console.log('FRESH', i, mv, p, mm.getAllQuestions().filter(q => q.errors.length).map(q => q.name)); } } console.log('fresh bad', bad2); }
{ const a = validAnswerSet(seededRandom(1), qs); const mm = new Model(validatorFeaturesJson); mm.data = a; console.log(mm.validate(false,false)); for (const p of mm.pages) console.log(p.name, p.isVisible, p.validate(false, false), p.questions.map(q => q.name + ':' + q.isVisible + ':' + q.validate(false)).join(' ')); console.log(JSON.stringify(mm.data)); }
