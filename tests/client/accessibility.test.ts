// axe-core, injected into headless Chromium, on every state of every respondent-facing page in Indonesian and English.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RespondentLink } from '../../client/routes';
import {
  agencyStudy,
  consent,
  continueDraft,
  fullAnswers,
  linkPath,
  openWithDraft,
  phone,
  tokenStudy,
  useRespondentBrowser,
} from '../helpers/respondent-browser';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const t = useRespondentBrowser();

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's WCAG 2.x A and AA rules, best practices and label-in-name; one line per violation. */
async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axeSource });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, {
      resultTypes: ['violations'],
      // Experimental in axe, so off by default: a control's name must contain its visible
      // label (WCAG 2.5.3), which the ID/EN switch once broke.
      rules: { 'label-content-name-mismatch': { enabled: true } },
    })) as {
      violations: AxeViolation[];
    };
    return result.violations;
  });
  return found.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/**
 * Scans the page as it is (Indonesian), switches to English and scans again, then back, so
 * every state is checked in both languages with its own texts.
 */
async function expectAccessibleInBothLanguages(page: Page, state: string): Promise<void> {
  expect(await violations(page), `${state} (id)`).toEqual([]);
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  expect(await violations(page), `${state} (en)`).toEqual([]);
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'id');
}

const agencyLink = (agency: string): RespondentLink => ({
  study: agencyStudy,
  kind: 'agency',
  agency,
});

/** Ticks "other" in every visible question that has it, so its text field is open too. */
async function openOtherFields(page: Page): Promise<void> {
  const others = page.locator('.sd-question input[value="other"]:visible');
  for (const input of await others.all()) {
    // A checkbox question at its maximum of choices disables the rest: free one first.
    if (await input.isDisabled()) {
      const question = input.locator('xpath=ancestor::*[contains(@class,"sd-question")][1]');
      await question.locator('input:checked').first().locator('xpath=ancestor::label[1]').click();
    }
    if (!(await input.isChecked())) await input.locator('xpath=ancestor::label[1]').click();
  }
}

/** Every branch opened: A8 (civil servants), B2–B5, G2, H3–H6. */
const branchesOpen = {
  ...fullAnswers('accessibility'),
  A7: 'pns',
  B1: 'ya',
  G1: 'setuju',
  H2: 'ya',
  H5: 'tidak',
};

describe('accessibility (axe-core)', () => {
  it('finds no violation on the dashboard at / (no public study yet: recorded violations and open studies) and the problem page of a mistyped link', async () => {
    const { context, page } = await phone(t.browser, { bypassCSP: true });
    await page.goto(`${t.server.url}/`);
    await page.getByText('Survei Netralitas ASN (demo)').waitFor();
    await page.getByTestId('violations-table').waitFor();
    await expectAccessibleInBothLanguages(page, 'dashboard');
    // The checker itself: the old switch, named "English" while it showed "EN", is caught.
    await page
      .locator('.language-switch button[lang="en"]')
      .evaluate((b) => b.setAttribute('aria-label', 'English'));
    expect((await violations(page)).join('\n')).toMatch(/^label-content-name-mismatch/m);
    await page.goto(`${t.server.url}/s/${agencyStudy}/kab-tidak-ada`);
    await page.getByRole('heading', { name: 'Tautan tidak dikenal' }).waitFor();
    await expectAccessibleInBothLanguages(page, 'unknown link');
    await context.close();
  });

  it('finds no violation on the notice, every questionnaire page with its branches and "other" fields open, the review and the completion page', async () => {
    const { context, page } = await phone(t.browser, { bypassCSP: true });
    const link = agencyLink('kab-semarang');
    await page.goto(t.server.url + linkPath(link));
    await page.locator('[data-notice]').waitFor();
    await expectAccessibleInBothLanguages(page, 'notice');

    for (let pageNo = 0; pageNo < 9; pageNo++) {
      await openWithDraft(page, t.server.url, link, {
        responseId: crypto.randomUUID(),
        answers: branchesOpen,
        pageNo,
        submitting: false,
      });
      if (pageNo === 0) {
        await page.getByRole('heading', { name: /belum selesai/ }).waitFor();
        await expectAccessibleInBothLanguages(page, 'resume prompt');
      }
      await continueDraft(page);
      await openOtherFields(page);
      await expectAccessibleInBothLanguages(page, `questionnaire page ${pageNo + 1}`);
    }

    // Required questions left empty show SurveyJS's error messages.
    await openWithDraft(page, t.server.url, link, {
      responseId: crypto.randomUUID(),
      answers: {},
      pageNo: 0,
      submitting: false,
    });
    await continueDraft(page);
    await page.getByRole('button', { name: 'Selanjutnya', exact: true }).click();
    await page.locator('.sd-question--error').first().waitFor();
    await expectAccessibleInBothLanguages(page, 'questionnaire page with errors');

    await openWithDraft(page, t.server.url, link, {
      responseId: crypto.randomUUID(),
      answers: fullAnswers('accessibility-review'),
      pageNo: 8,
      submitting: false,
    });
    await continueDraft(page);
    await page.getByRole('button', { name: 'Pratinjau', exact: true }).click();
    await page.locator('[data-review]').waitFor();
    await expectAccessibleInBothLanguages(page, 'review');
    await page.getByRole('button', { name: 'Selesai', exact: true }).click();
    await page.getByRole('heading', { name: 'Terima kasih!' }).waitFor();
    await expectAccessibleInBothLanguages(page, 'completion');

    await page.goto(t.server.url + linkPath(link));
    await page.locator('[data-sent-before]').waitFor();
    await expectAccessibleInBothLanguages(page, 'sent before');
    await context.close();
  }, 240_000);

  it('finds no violation on the sending, retrying and answer-problem states', async () => {
    const { context, page } = await phone(t.browser, { bypassCSP: true });
    const link = agencyLink('kab-sukoharjo');
    // The server refuses an answer the questionnaire lacks: the summary above the questions.
    await openWithDraft(page, t.server.url, link, {
      responseId: crypto.randomUUID(),
      answers: { A4: 'bukan_pilihan' },
      pageNo: 0,
      submitting: true,
    });
    await page.locator('[data-answer-problems]').waitFor();
    await expectAccessibleInBothLanguages(page, 'answer problems');

    // No connection at submit: saved on the device, to be sent.
    await openWithDraft(page, t.server.url, link, {
      responseId: crypto.randomUUID(),
      answers: fullAnswers('accessibility-offline'),
      pageNo: 8,
      submitting: false,
    });
    await continueDraft(page);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Pratinjau', exact: true }).click();
    await page.getByRole('button', { name: 'Selesai', exact: true }).click();
    await page.locator('.notice-retrying').waitFor();
    await expectAccessibleInBothLanguages(page, 'saved, will be sent');
    await context.setOffline(false);
    await page.getByRole('heading', { name: 'Terima kasih!' }).waitFor();
    await context.close();
  }, 120_000);

  it('finds no violation on the pages that refuse a link: closed, invitation used, failed load, refused send', async () => {
    const { context, page } = await phone(t.browser, { bypassCSP: true });
    const [spent] = t.server.tokens;
    if (!spent) throw new Error('the demo seed issued no invitation');
    await openWithDraft(
      page,
      t.server.url,
      { study: tokenStudy, kind: 'token', token: spent.token },
      {},
    );
    await consent(page);
    const answers = fullAnswers('accessibility-token');
    const res = await fetch(`${t.server.url}/api/studies/${tokenStudy}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: crypto.randomUUID(), token: spent.token, answers }),
    });
    expect(res.status).toBe(201);
    await page.reload();
    await page.getByRole('heading', { name: 'Undangan sudah digunakan' }).waitFor();
    await expectAccessibleInBothLanguages(page, 'invitation used');

    await t.server.db.updateTable('waves').set({ status: 'closed' }).execute();
    try {
      await page.goto(t.server.url + linkPath(agencyLink('kab-wonosobo')));
      await page.getByRole('heading', { name: 'Survei sudah ditutup' }).waitFor();
      await expectAccessibleInBothLanguages(page, 'closed');
    } finally {
      await t.server.db.updateTable('waves').set({ status: 'open' }).execute();
    }

    // The questionnaire cannot be fetched: the page says so and offers to try again.
    await page.route('**/questionnaire*', (route) => route.abort());
    await page.goto(t.server.url + linkPath(agencyLink('kab-wonosobo')));
    await page
      .getByRole('heading', { name: 'Halaman tidak dapat dimuat' })
      .waitFor({ timeout: 60_000 });
    await expectAccessibleInBothLanguages(page, 'load failed');
    await page.unroute('**/questionnaire*');

    // The server refuses the submission outright (a proxy's 403).
    await page.route('**/responses', (route) =>
      route.fulfill({ status: 403, contentType: 'text/html', body: 'Forbidden' }),
    );
    await openWithDraft(page, t.server.url, agencyLink('kab-wonosobo'), {
      responseId: crypto.randomUUID(),
      answers,
      pageNo: 8,
      submitting: true,
    });
    await page.getByRole('heading', { name: 'Jawaban tidak dapat dikirim' }).waitFor();
    await expectAccessibleInBothLanguages(page, 'send refused');
    await context.close();
  }, 120_000);
});
