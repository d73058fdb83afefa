// Differential test: the compiled validator against survey-core's Model on 1,200 generated answer sets over three questionnaires.

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Model } from 'survey-core';
import { netralitasAsn } from '../../../../surveys/netralitas-asn.ts';
import { netralitasAsnV2 } from '../../../../surveys/netralitas-asn-v2.ts';
import { validatorFeaturesJson } from '../../../fixtures/questionnaires/validator-features.ts';
import type { SurveyJson } from '../../../../surveys/types.ts';
import { compileQuestionnaire } from '../../../../server/services/validation/compile-questionnaire.ts';
import {
  generatorQuestions,
  seededRandom,
  validAnswerSet,
} from '../../../helpers/answer-set-generator.ts';
import { plantFault, planters } from './planted-faults.ts';
import type { PlantedFault } from './planted-faults.ts';

/**
 * The shipped questionnaires, and a fixture using the rarer rules (minimums with exclusive
 * items, required text, generated rating scales, piped choices, shown matrix rows). survey-core
 * keeps state between data sets in piped questions (choices it remembers for a checkbox, rows
 * it computed), so questionnaires with them get a new Model for every set.
 */
const subjects = [
  { label: 'netralitas-asn v1', json: netralitasAsn.json, sets: 500, reuseModel: true },
  { label: 'netralitas-asn v2', json: netralitasAsnV2.json, sets: 300, reuseModel: false },
  { label: 'validator features', json: validatorFeaturesJson, sets: 400, reuseModel: false },
];
const setCount = subjects.reduce((sum, subject) => sum + subject.sets, 0);
const freshModelEvery = 40;
const faultKinds = Object.keys(planters);
const validVariants = new Set(['an exclusive choice alone under a minimum']);

interface Outcome {
  subject: string;
  seed: number;
  kind: string;
  expect?: string;
  answers: Record<string, unknown>;
  modelRejects: boolean;
  oursRejects: boolean;
  ourQuestions: string[];
}

let freshChecks = 0;

function modelRejects(model: Model, answers: Record<string, unknown>): boolean {
  try {
    model.data = answers;
    return !model.validate(false, false);
  } catch {
    // A value the Model cannot even hold is not one it accepts.
    return true;
  }
}

function generate(): Outcome[] {
  const outcomes: Outcome[] = [];
  let seed = 0;
  for (const subject of subjects) {
    const json: SurveyJson = subject.json;
    const compiled = compileQuestionnaire(json);
    const questions = generatorQuestions(json);
    // Building a Model costs tens of ms, so one Model is reused by replacing its data; every
    // `freshModelEvery`-th set is also judged by a new Model to show reuse does not change verdicts.
    const sharedModel = new Model(json);
    const judge = (kind: string, answers: Record<string, unknown>, fault?: PlantedFault) => {
      const rejects = modelRejects(subject.reuseModel ? sharedModel : new Model(json), answers);
      if (seed % freshModelEvery === 0) {
        freshChecks += 1;
        expect(modelRejects(new Model(json), answers), `fresh Model verdict for seed ${seed}`).toBe(
          rejects,
        );
      }
      const problems = compiled.validate(answers);
      outcomes.push({
        subject: subject.label,
        seed,
        kind,
        ...(fault && !fault.valid ? { expect: fault.expect } : {}),
        answers,
        modelRejects: rejects,
        oursRejects: problems.length > 0,
        ourQuestions: problems.map((problem) => problem.question),
      });
    };
    for (let index = 1; index <= subject.sets; index += 1) {
      seed += 1;
      const random = seededRandom(seed);
      const valid = validAnswerSet(random, questions);
      // A third of the sets stay valid; the rest carry one fault, cycling through every kind.
      if (seed % 3 === 0) {
        judge('valid', valid);
        continue;
      }
      let fault: PlantedFault | undefined;
      for (let attempt = 0; !fault && attempt < faultKinds.length; attempt += 1) {
        const kind = faultKinds[(seed + attempt) % faultKinds.length] as string;
        fault = plantFault(kind, random, questions, valid);
      }
      if (!fault) throw new Error(`seed ${seed}: no fault could be planted`);
      judge(fault.kind, fault.answers, fault);
    }
  }
  return outcomes;
}

describe('the compiled validator compared with survey-core’s Model', () => {
  let outcomes: Outcome[] = [];
  const warn = vi.spyOn(console, 'warn');

  beforeAll(() => {
    // survey-core warns on every wrong-typed value it is handed; the faults plant thousands.
    warn.mockImplementation(() => {});
    outcomes = generate();
  }, 1_200_000);

  afterAll(() => {
    warn.mockRestore();
  });

  it(`generates ${setCount} answer sets covering valid ones and every kind of fault`, () => {
    expect(outcomes).toHaveLength(setCount);
    const kinds = new Set(outcomes.map((outcome) => outcome.kind));
    expect([...kinds].sort()).toEqual(['valid', ...faultKinds].sort());
    for (const kind of kinds) {
      expect(
        outcomes.filter((outcome) => outcome.kind === kind).length,
        kind,
      ).toBeGreaterThanOrEqual(10);
    }
    expect(freshChecks).toBe(Math.floor(setCount / freshModelEvery));
  });

  it('accepts every valid set and valid variant, as the Model does', () => {
    const valid = outcomes.filter(
      (outcome) => outcome.kind === 'valid' || validVariants.has(outcome.kind),
    );
    expect(valid.filter((o) => validVariants.has(o.kind)).length).toBeGreaterThanOrEqual(10);
    const disputed = valid.filter((outcome) => outcome.modelRejects || outcome.oursRejects);
    expect(
      disputed.map((o) => ({
        subject: o.subject,
        seed: o.seed,
        kind: o.kind,
        model: o.modelRejects,
        ours: o.ourQuestions,
      })),
    ).toEqual([]);
  });

  it('rejects every set the Model rejects', () => {
    const missed = outcomes.filter((outcome) => outcome.modelRejects && !outcome.oursRejects);
    expect(missed.map((o) => ({ subject: o.subject, seed: o.seed, kind: o.kind }))).toEqual([]);
  });

  it('rejects every planted fault and names the question at fault', () => {
    const faulty = outcomes.filter(
      (outcome) => outcome.kind !== 'valid' && !validVariants.has(outcome.kind),
    );
    const unnamed = faulty.filter(
      (outcome) => !outcome.expect || !outcome.ourQuestions.includes(outcome.expect),
    );
    expect(
      unnamed.map((o) => ({
        subject: o.subject,
        seed: o.seed,
        kind: o.kind,
        expect: o.expect,
        ours: o.ourQuestions,
      })),
    ).toEqual([]);
  });

  it('catches the faults the Model lets through: hidden answers, unknown keys, foreign values, over-limit lists', () => {
    const table = faultKinds
      .filter((kind) => !validVariants.has(kind))
      .map((kind) => {
        const ofKind = outcomes.filter((outcome) => outcome.kind === kind);
        return {
          kind,
          sets: ofKind.length,
          modelRejected: ofKind.filter((outcome) => outcome.modelRejects).length,
          weRejected: ofKind.filter((outcome) => outcome.oursRejects).length,
        };
      });
    console.info('Planted faults, sets rejected by survey-core Model vs the compiled validator:');
    console.table(table);
    const modelMissed = table.filter((row) => row.modelRejected < row.sets).map((row) => row.kind);
    for (const kind of [
      'answer to a hidden question',
      'unknown key',
      'value outside the choices',
      'more choices than allowed',
      '"other" text without "other" ticked',
      'rating value outside the scale',
      'piped choice not offered',
    ]) {
      expect(modelMissed, kind).toContain(kind);
    }
    for (const row of table) expect(row.weRejected, row.kind).toBe(row.sets);
  });

  it('agrees with the Model on a full answer set', () => {
    // The fullest valid set among the first seeds stands for a typical complete submission
    // (bench/validate.ts times both validators on such a set).
    const json = netralitasAsn.json;
    const questions = generatorQuestions(json);
    const candidates = Array.from({ length: 50 }, (_, index) =>
      validAnswerSet(seededRandom(10_000 + index), questions),
    );
    const full = candidates.reduce((best, set) =>
      Object.keys(set).length > Object.keys(best).length ? set : best,
    );
    expect(compileQuestionnaire(json).validate(full)).toEqual([]);
    expect(modelRejects(new Model(json), full)).toBe(false);
  });
});
