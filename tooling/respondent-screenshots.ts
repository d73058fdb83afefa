// Takes the 360 px screenshots of the respondent page kept in docs/screenshots/ (run: npx tsx tooling/respondent-screenshots.ts).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { draftKey } from '../client/respondent/draft-store.ts';
import { demoAnswerGenerator } from '../server/services/seed/demo-answers.ts';
import { compileQuestionnaire } from '../server/services/validation/compile-questionnaire.ts';
import { netralitasAsn } from '../surveys/netralitas-asn.ts';
import { startTestServer } from '../tests/helpers/test-server.ts';

const out = resolve(import.meta.dirname, '../docs/screenshots');
mkdirSync(out, { recursive: true });
// The real server on a free port with a fresh SQLite database and the demo seeded.
const server = await startTestServer();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless'],
});
const link = { study: 'netralitas-asn-2021', kind: 'agency', agency: 'kab-sleman' } as const;
const path = '/s/netralitas-asn-2021/kab-sleman';
const answers = demoAnswerGenerator(
  netralitasAsn.json,
  compileQuestionnaire(netralitasAsn.json),
  'shots',
)();

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, `${name}.png`) });
}

async function withDraft(page: Page, pageNo: number, leaveOut: string[] = []): Promise<void> {
  const kept = Object.fromEntries(Object.entries(answers).filter(([k]) => !leaveOut.includes(k)));
  await page.goto(`${server.url}/`);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [
    draftKey(link),
    JSON.stringify({ responseId: crypto.randomUUID(), answers: kept, pageNo, submitting: false }),
  ] as const);
  await page.goto(server.url + path);
}

try {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  await page.goto(server.url + path);
  await page.locator('[data-notice]').waitFor();
  await shot(page, 'notice-id');
  await withDraft(page, 4, ['E3', 'E4']);
  await page.locator('[data-resume-prompt]').waitFor();
  await shot(page, 'resume-prompt-id');
  await page.getByRole('button', { name: 'Lanjutkan jawaban saya' }).click();
  await page.locator('[data-name="E3"]').scrollIntoViewIfNeeded();
  await shot(page, 'rating-buttons-id');
  await withDraft(page, 8);
  await page.getByRole('button', { name: 'Lanjutkan jawaban saya' }).click();
  await page.getByRole('button', { name: 'Pratinjau', exact: true }).click();
  await page.locator('[data-review]').waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await shot(page, 'review-en');
  await page.getByRole('button', { name: 'Complete', exact: true }).click();
  await page.locator('.notice-done').waitFor();
  await shot(page, 'completion-en');
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
