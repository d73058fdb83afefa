// A complete, valid answer set for the KASN-model questionnaire, used as the submit benchmark's request body.
// The demo studies the benchmark posts to use the newest version.
import { netralitasAsnV2 as netralitasAsn } from '../surveys/netralitas-asn-v2.ts';
import { compileQuestionnaire } from '../server/services/validation/compile-questionnaire.ts';
import {
  generatorQuestions,
  seededRandom,
  validAnswerSet,
} from '../tests/helpers/answer-set-generator.ts';

const questions = generatorQuestions(netralitasAsn.json);
const compiled = compileQuestionnaire(netralitasAsn.json);

/** The largest of a few seeded valid sets: the benchmark should validate a full questionnaire. */
export const validSubmissionAnswers: Record<string, unknown> = Array.from({ length: 20 }, (_, i) =>
  validAnswerSet(seededRandom(1000 + i), questions),
).reduce((a, b) => (Object.keys(b).length > Object.keys(a).length ? b : a));

const problems = compiled.validate(validSubmissionAnswers);
if (problems.length > 0) {
  throw new Error(`benchmark answers are not valid: ${JSON.stringify(problems)}`);
}
