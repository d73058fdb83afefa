// Headless Chromium at phone size against the test server, with the steps a respondent takes (consent, resume, review).
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { draftKey, type Draft } from '../../client/respondent/draft-store';
import { respondentLinkPath, type RespondentLink } from '../../client/routes';
import { demoAnswerGenerator } from '../../server/services/seed/demo-answers';
import { compileQuestionnaire } from '../../server/services/validation/compile-questionnaire';
// The demo studies use the newest version of the questionnaire.
import { netralitasAsnV2 as netralitasAsn } from '../../surveys/netralitas-asn-v2';
import { startTestServer, type TestServer } from './test-server';

/** Debian's Chromium, headless, without background traffic that would blur request lists. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface PhoneOptions {
  /** Allow injecting axe-core past the page's Content-Security-Policy. */
  bypassCSP?: boolean;
  /** Default 'block': most tests are about the page, not the offline copy. */
  serviceWorkers?: 'allow' | 'block';
}

/**
 * A fresh 360×740 browser profile with reduced motion (SurveyJS animations off).
 *
 * @example
 * const { context, page } = await phone(browser);
 */
export async function phone(
  browser: Browser,
  { bypassCSP = false, serviceWorkers = 'block' }: PhoneOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    reducedMotion: 'reduce',
    bypassCSP,
    serviceWorkers,
  });
  return { context, page: await context.newPage() };
}

export const agencyStudy = 'netralitas-asn-2021';
export const tokenStudy = 'netralitas-asn-token';
export const sleman: RespondentLink = { study: agencyStudy, kind: 'agency', agency: 'kab-sleman' };

/** The path of a respondent link, as the client's router builds it. */
export const linkPath = (link: RespondentLink): string => respondentLinkPath(link);

/** A complete, valid answer set for the demo questionnaire, the same for the same seed. */
export function fullAnswers(seed: string): Record<string, unknown> {
  return demoAnswerGenerator(netralitasAsn.json, compileQuestionnaire(netralitasAsn.json), seed)();
}

/** Leaves a draft on the device as an earlier visit would have (or writes it raw), then opens the link. */
export async function openWithDraft(
  page: Page,
  baseUrl: string,
  link: RespondentLink,
  draft: Draft | Record<string, unknown>,
): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
    draftKey(link),
    JSON.stringify(draft),
  ] as const);
  await page.goto(baseUrl + linkPath(link));
}

/** Agrees to the study notice, as a respondent starting afresh must before any question. */
export async function consent(page: Page, button = 'Saya setuju, mulai mengisi'): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await page.locator('.sd-question').first().waitFor();
}

/** Answers the resume prompt a draft on the device brings up: continue the earlier answers. */
export async function continueDraft(page: Page, button = 'Lanjutkan jawaban saya'): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await page.locator('.sd-question').first().waitFor();
}

/** Waits for a questionnaire page by (part of) its title. */
export async function onPage(page: Page, title: RegExp): Promise<void> {
  await page.locator('.sd-page__title').filter({ hasText: title }).waitFor();
}

/** The keys of drafts this browser holds. */
export const draftKeys = (page: Page): Promise<string[]> =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('netralitas:draft')));

/**
 * Registers hooks that build the client if needed, start the real server (fresh SQLite, the
 * demo seeded) and Chromium before the suite, and stop both after it.
 *
 * @example
 * const t = useRespondentBrowser();
 * it('…', async () => { const { page } = await phone(t.browser); await page.goto(t.server.url); });
 */
export function useRespondentBrowser(): { readonly server: TestServer; readonly browser: Browser } {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('The test server runs only inside tests and hooks');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('The browser runs only inside tests and hooks');
      return browser;
    },
  };
}

/** From the last page: open the review, then press Selesai under it (the irreversible step). */
export async function reviewAndComplete(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Pratinjau', exact: true }).click();
  await page.getByRole('button', { name: 'Selesai', exact: true }).click();
}
