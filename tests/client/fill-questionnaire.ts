// Answers a SurveyJS page in a real browser the way a respondent would: by tapping labels and typing.

import type { Locator, Page } from 'playwright-core';
import type { SurveyJson } from '../../surveys/types';

/** The answer to give a question: a choice value (or several for a checkbox), or text. */
export type Answer = string | number | readonly (string | number)[];

interface ElementJson {
  type: string;
  name: string;
  elements?: ElementJson[];
  choices?: { value: string | number; text: { default: string } }[];
  rateValues?: { value: string | number; text: { default: string } }[];
}

/** Every question of a questionnaire by name, panels flattened. */
export function questionTypes(json: SurveyJson): Map<string, ElementJson> {
  const byName = new Map<string, ElementJson>();
  const visit = (elements: ElementJson[] | undefined): void => {
    for (const element of elements ?? []) {
      if (element.type === 'panel') visit(element.elements);
      else byName.set(element.name, element);
    }
  };
  for (const page of (json.pages ?? []) as { elements: ElementJson[] }[]) visit(page.elements);
  return byName;
}

/** Taps the label that wraps a (visually hidden) SurveyJS input. */
async function tapInput(input: Locator): Promise<void> {
  await input.locator('xpath=ancestor::label[1]').click();
}

/** Taps one option of a choice question, e.g. `tapChoice(page, 'B1', 'ya')`. */
export async function tapChoice(page: Page, question: string, value: string): Promise<void> {
  await tapInput(page.locator(`[data-name="${question}"] input[value="${value}"]`));
}

/**
 * Ticks the wanted values, or the first option of each radio group: one group for a single
 * choice or rating, one per row for a matrix (SurveyJS names each row's inputs apart).
 */
async function answerChoices(question: Locator, answer: Answer | undefined): Promise<void> {
  const wanted = answer === undefined ? [] : Array.isArray(answer) ? answer : [answer];
  for (const value of wanted) await tapInput(question.locator(`input[value="${value}"]`).first());
  if (wanted.length > 0) return;
  const checkbox = question.locator('input[type=checkbox]');
  if ((await checkbox.count()) > 0) return tapInput(checkbox.first());
  const groups = new Set<string>();
  for (const input of await question.locator('input[type=radio]').all()) {
    groups.add((await input.getAttribute('name')) ?? '');
  }
  for (const group of groups) {
    await tapInput(question.locator(`input[type=radio][name="${group}"]`).first());
  }
}

async function answerDropdown(
  page: Page,
  question: Locator,
  element: ElementJson,
  answer: Answer | undefined,
): Promise<void> {
  const options = element.choices ?? element.rateValues ?? [];
  const value = answer ?? options[0]?.value;
  const choice = options.find((c) => c.value === value);
  if (!choice) throw new Error(`${element.name} has no choice ${String(value)}`);
  const dropdown = question.locator('.sd-dropdown');
  // SurveyJS closes an open list when the page scrolls, so bring it into view before tapping,
  // as a person would.
  await dropdown.scrollIntoViewIfNeeded();
  // Other dropdowns' lists stay in the page (one may still be fading out): use this one's.
  const list = await question.getByRole('combobox').getAttribute('aria-controls');
  const option = page
    .locator(`[id="${list}"]`)
    .getByRole('option', { name: choice.text.default, exact: true });
  // A list opened while the layout still moves can close again at once: open it until it stays.
  for (let attempt = 1; !(await option.isVisible()); attempt++) {
    if (attempt > 5) throw new Error(`the list of ${element.name} does not stay open`);
    await dropdown.click();
    await option.waitFor({ timeout: 1_000 }).catch(() => undefined);
  }
  await option.click();
}

/**
 * Answers every visible question on the current page: the given answer where there is one,
 * otherwise the first option of each choice group (each matrix row), and a short text for
 * free-text questions. Indonesian labels are assumed (the page's default language).
 */
export async function answerCurrentPage(
  page: Page,
  questions: Map<string, ElementJson>,
  answers: Record<string, Answer> = {},
): Promise<string[]> {
  const visible = page.locator('.sd-page .sd-question[data-name]:visible');
  await visible.first().waitFor();
  const names: string[] = [];
  // Answers can reveal further questions (visibleIf), so look again until none is new.
  for (;;) {
    const shown = await visible.evaluateAll((els) => els.map((e) => e.getAttribute('data-name')));
    const name = shown.find((n): n is string => n !== null && !names.includes(n));
    if (name === undefined) return names;
    const question = page.locator(`.sd-page .sd-question[data-name="${name}"]`);
    const element = questions.get(name);
    if (!element) throw new Error(`question ${name} is not in the questionnaire`);
    names.push(name);
    const answer = answers[name];
    switch (element.type) {
      case 'rating':
        // SurveyJS turns a rating scale too wide for the screen into a dropdown.
        if ((await question.locator('.sd-dropdown').count()) > 0) {
          await answerDropdown(page, question, element, answer);
        } else {
          await answerChoices(question, answer);
        }
        break;
      case 'radiogroup':
      case 'checkbox':
      case 'matrix':
        await answerChoices(question, answer);
        break;
      case 'dropdown':
        await answerDropdown(page, question, element, answer);
        break;
      case 'comment':
      case 'text':
        await question
          .locator('textarea, input')
          .first()
          .fill(String(answer ?? 'Tidak ada.'));
        break;
      default:
        throw new Error(`no way to answer a ${element.type} question (${name})`);
    }
  }
}

/** Presses a navigation button and waits for the page it leads to (or fails showing any errors). */
export async function turnPage(page: Page, button: string, pageTitle: RegExp): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const title = page.locator('.sd-page__title');
  try {
    await title.filter({ hasText: pageTitle }).waitFor({ timeout: 10_000 });
  } catch (error) {
    const errors = await page.locator('.sd-question--error').allInnerTexts();
    if (errors.length > 0) {
      throw new Error(`questions left with errors: ${errors.join(' | ')}`, { cause: error });
    }
    throw error;
  }
}
