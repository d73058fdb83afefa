// Turns a questionnaire's published reference figures (KASN 2021 rates) into answer targets for synthetic data.
import { buildCodebook } from '../../../surveys/codebook.ts';
import type { QuestionnaireDefinition } from '../../../surveys/types.ts';
import type { AnswerTargets } from './demo-answers.ts';

/**
 * Answer targets from `definition.referenceFigures`: a multi-select option's figure is its
 * tick rate; a single-choice figure over several options (a top-2 box such as "agree" = 3 or
 * 4) is split evenly among them. Figures are percentages (0–100).
 *
 * @example
 * referenceTargets(netralitasAsn).get('B1'); // Map { 'ya' => 0.9649 }
 */
export function referenceTargets(definition: QuestionnaireDefinition): AnswerTargets {
  const multi = new Set(
    buildCodebook(definition)
      .filter((row) => row.multiSelect)
      .map((row) => row.variable),
  );
  const targets = new Map<string, Map<string, number>>();
  for (const figure of definition.referenceFigures) {
    let target = targets.get(figure.variable);
    if (!target) targets.set(figure.variable, (target = new Map()));
    const share = figure.percent / 100;
    for (const option of figure.options) {
      target.set(option, multi.has(figure.variable) ? share : share / figure.options.length);
    }
  }
  return targets;
}
