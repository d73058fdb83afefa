// End-to-end tests of the respondent page: headless Chromium at phone width, the real server and database.
import { createHash } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { draftKey, type Draft } from '../../client/respondent/draft-store';
import type { RespondentLink } from '../../client/routes';
import { demoAnswerGenerator } from '../../server/services/seed/demo-answers';
import { compileQuestionnaire } from '../../server/services/validation/compile-questionnaire';
// The demo studies the page opens use the newest version of the questionnaire.
import { netralitasAsnV2 as netralitasAsn } from '../../surveys/netralitas-asn-v2';
import {
  consent,
  continueDraft,
  draftKeys,
  linkPath,
  reviewAndComplete,
  useRespondentBrowser,
} from '../helpers/respondent-browser';
import { answerCurrentPage, turnPage, questionTypes, tapChoice } from './fill-questionnaire';
import { storedResponses } from '../helpers/stored-responses.ts';

const questions = questionTypes(netralitasAsn.json);
const agencyStudy = 'netralitas-asn-2021';
const tokenStudy = 'netralitas-asn-token';
const sleman: RespondentLink = { study: agencyStudy, kind: 'agency', agency: 'kab-sleman' };

const t = useRespondentBrowser();

interface Phone {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested, to prove nothing leaves the survey's own t.server. */
  requests: string[];
}

/**
 * A fresh phone-sized browser profile (empty storage). Reduced motion is on, which the page
 * honours by turning SurveyJS animations off, so taps never land on a moving layout. Every
 * page records what its Content-Security-Policy blocked (read with `cspViolations`).
 */
async function phone(): Promise<Phone> {
  const context = await t.browser.newContext({
    viewport: { width: 360, height: 740 },
    reducedMotion: 'reduce',
  });
  await context.addInitScript(() => {
    const blocked: string[] = [];
    Object.assign(window, { cspViolations: blocked });
    document.addEventListener('securitypolicyviolation', (event) =>
      blocked.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  return { context, page, requests };
}

const foreign = (requests: string[]): string[] =>
  requests.filter((url) => !url.startsWith(t.server.url) && !url.startsWith('data:'));

/** Leaves a draft on the device as an earlier visit would have, then opens the link. */
async function openWithDraft(page: Page, link: RespondentLink, draft: Draft): Promise<void> {
  await page.goto(`${t.server.url}/`);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
    draftKey(link),
    JSON.stringify(draft),
  ] as const);
  await page.goto(t.server.url + linkPath(link));
}

/** What the page's Content-Security-Policy refused since it was loaded. */
const cspViolations = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

/** Submissions the page sent (the only requests to a `/responses` path). */
const submissions = (requests: string[]): string[] =>
  requests.filter((url) => new URL(url).pathname.endsWith('/responses'));

/** Marks an invitation spent directly in the database, as another device's submission would. */
async function spendToken(token: string): Promise<void> {
  await t.server.db
    .updateTable('invitation_tokens')
    .set({ used: true })
    .where('token_hash', '=', createHash('sha256').update(token).digest('hex'))
    .execute();
}

/** A demo invitation, by its position among the tokens the demo seed issued. */
function invitation(index: number): { link: RespondentLink; agencyCode: string; token: string } {
  const issued = t.server.tokens[index];
  if (!issued) throw new Error(`the demo seed has no invitation token #${index}`);
  return { ...issued, link: { study: tokenStudy, kind: 'token', token: issued.token } };
}

const isChecked = (page: Page, question: string, value: string): Promise<boolean> =>
  page.locator(`[data-name="${question}"] input[value="${value}"]`).isChecked();

/** The progress bar's caption; SurveyJS keeps a hidden copy for measuring, so take the shown one. */
const progressText = (page: Page): Promise<string | null> =>
  page.locator('.sd-progress__text').filter({ visible: true }).textContent();

const pageTitles = [
  /Bagian B/,
  /Bagian C/,
  /Bagian D/,
  /Bagian E/,
  /Bagian F/,
  /Bagian G/,
  /Bagian H/,
  /Bagian I/,
];

describe('respondent page', () => {
  it('takes a respondent through the questionnaire in Indonesian, resumes after a reload, and stores the answers', async () => {
    const { context, page, requests } = await phone();
    await page.goto(`${t.server.url}${linkPath(sleman)}`);

    await page.getByText('Instansi: Kabupaten Sleman').waitFor();
    // Before any question: who runs the study, how answers are protected, and consent.
    await page.getByRole('heading', { name: 'Sebelum Anda mulai' }).waitFor();
    expect(await page.locator('.sd-question').count()).toBe(0);
    await consent(page);
    await page.getByText('Jenis kelamin', { exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    expect(await page.getByRole('button', { name: 'Selanjutnya', exact: true }).isVisible()).toBe(
      true,
    );
    expect(await progressText(page)).toMatch(/^0 dari \d+ pertanyaan terjawab$/);

    // A7 = PPPK opens the PPPK grade (A8b), not the civil-service rank (A8).
    const partA = await answerCurrentPage(page, questions, { A7: 'pppk', A8b: 'IX' });
    expect(partA).toContain('A8b');
    expect(partA).not.toContain('A8');
    expect(await page.locator('[data-name="A8"]').isVisible()).toBe(false);
    await turnPage(page, 'Selanjutnya', /Bagian B/);

    // B2–B5 are asked only of those who received information on neutrality (B1 = ya).
    expect(await page.locator('[data-name="B2"]').isVisible()).toBe(false);
    await tapChoice(page, 'B1', 'ya');
    await page.locator('[data-name="B2"]').waitFor();
    await answerCurrentPage(page, questions, { B1: 'ya', B2: ['bawaslu', 'inspektorat'] });
    await turnPage(page, 'Selanjutnya', /Bagian C/);

    // Midway through part C the page is reloaded (a dropped connection, a closed tab).
    await tapChoice(page, 'C1', 'tidak_melanggar');
    expect(await draftKeys(page)).toEqual([`netralitas:draft:v1:${agencyStudy}:a:kab-sleman`]);
    const progressBeforeReload = await progressText(page);
    expect(progressBeforeReload).toMatch(/^[1-9]\d* dari \d+ pertanyaan terjawab$/);
    await page.reload();
    // The device holds a draft: continuing it is asked for, never assumed.
    await continueDraft(page);
    await page
      .locator('.sd-page__title')
      .filter({ hasText: /Bagian C/ })
      .waitFor();
    expect(await progressText(page)).toBe(progressBeforeReload);
    expect(await isChecked(page, 'C1', 'tidak_melanggar')).toBe(true);
    await turnPage(page, 'Sebelumnya', /Bagian B/);
    expect(await isChecked(page, 'B1', 'ya')).toBe(true);
    expect(await isChecked(page, 'B2', 'inspektorat')).toBe(true);
    await turnPage(page, 'Selanjutnya', /Bagian C/);

    await answerCurrentPage(page, questions, { C1: 'tidak_melanggar' });
    for (const title of pageTitles.slice(2)) {
      await turnPage(page, 'Selanjutnya', title);
      await answerCurrentPage(page, questions, { G1: 'tidak_setuju', H9: 'Perkuat pengawasan.' });
    }
    await reviewAndComplete(page);

    await page.getByRole('heading', { name: 'Terima kasih!' }).waitFor();
    expect(await page.getByText(/tanpa nama, NIP, atau alamat IP/).isVisible()).toBe(true);
    const receipt = (await page.locator('[data-receipt]').textContent()) ?? '';
    expect(receipt).toMatch(/^[0-9a-f]{8}$/);

    const rows = await storedResponses(t.server.db, receipt);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.agency_code).toBe('kab-sleman');
    const answers = JSON.parse(row?.answers ?? '{}') as Record<string, unknown>;
    expect(answers).toMatchObject({
      A7: 'pppk',
      A8b: 'IX',
      B1: 'ya',
      B2: ['bawaslu', 'inspektorat'],
      C1: 'tidak_melanggar',
      G1: 'tidak_setuju',
      H9: 'Perkuat pengawasan.',
    });
    expect(answers).not.toHaveProperty('A8');
    expect(answers).not.toHaveProperty('G2');

    // Nothing is left on the device, and nothing was asked of any other t.server.
    expect(await draftKeys(page)).toEqual([]);
    expect(foreign(requests)).toEqual([]);

    // The whole questionnaire ran under the page's Content-Security-Policy, which blocked
    // nothing it needed; and the policy is really enforced: an injected inline script is not.
    expect(await cspViolations(page)).toEqual([]);
    const injectedRan = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.injected = "ran"';
      document.head.append(script);
      return document.body.dataset.injected === 'ran';
    });
    expect(injectedRan).toBe(false);
    expect(await cspViolations(page)).toEqual(['script-src-elem inline']);
    await context.close();
  }, 120_000);

  it('keeps the answers through a lost connection and sends them once it returns', async () => {
    const { context, page } = await phone();
    const answers = demoAnswerGenerator(
      netralitasAsn.json,
      compileQuestionnaire(netralitasAsn.json),
      'respondent-page-test',
    )();
    const responseId = crypto.randomUUID();
    await openWithDraft(page, sleman, { responseId, answers, pageNo: 8, submitting: false });
    await continueDraft(page);
    await page
      .locator('.sd-page__title')
      .filter({ hasText: /Bagian I/ })
      .waitFor();

    await context.setOffline(true);
    await reviewAndComplete(page);
    await page.getByRole('heading', { name: 'Tersimpan, akan dikirim' }).waitFor();
    const saved = await page.evaluate((key) => localStorage.getItem(key), draftKey(sleman));
    expect(JSON.parse(saved ?? '{}')).toMatchObject({ responseId, submitting: true });

    expect(await page.getByRole('button', { name: 'Coba kirim sekarang' }).isVisible()).toBe(true);

    // Coming back online wakes the waiting retry at once.
    await context.setOffline(false);
    await page.getByRole('heading', { name: 'Terima kasih!' }).waitFor();
    // The id chosen before the connection dropped is the one stored: retries cannot duplicate.
    expect(await page.locator('[data-receipt]').textContent()).toBe(responseId.slice(0, 8));
    const stored = await storedResponses(t.server.db, responseId);
    expect(stored.map((r) => r.agency_code)).toEqual(['kab-sleman']);
    await context.close();
  });

  it('switches to English and back without losing answers, and remembers the choice', async () => {
    const { context, page } = await phone();
    await page.goto(`${t.server.url}${linkPath(sleman)}`);
    await consent(page);
    await page.getByText('Jenis kelamin', { exact: true }).waitFor();
    await tapChoice(page, 'A4', 'perempuan');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Sex', { exact: true }).waitFor();
    expect(await page.getByText('Agency: Kabupaten Sleman').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Next', exact: true }).isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await isChecked(page, 'A4', 'perempuan')).toBe(true);

    await page.reload();
    // The server writes its first words in the language this device chose.
    await page.getByRole('heading', { name: 'Unfinished answers on this device' }).waitFor();
    await continueDraft(page, 'Continue my answers');
    await page.getByText('Sex', { exact: true }).waitFor();
    expect(await isChecked(page, 'A4', 'perempuan')).toBe(true);

    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByText('Jenis kelamin', { exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await context.close();
  });

  it('explains an unknown link instead of showing a blank page, in either language', async () => {
    const { context, page, requests } = await phone();
    for (const path of [
      `/s/${agencyStudy}/kab-tidak-ada`,
      `/s/studi-tidak-ada/kab-sleman`,
      `/s/${tokenStudy}/kab-sleman`,
      `/s/${agencyStudy}`,
      `/s/${tokenStudy}/t/undanganTidakAda123456789`,
      // A real invitation, but in a study that takes agency links.
      `/s/${agencyStudy}/t/${invitation(2).token}`,
    ]) {
      const response = await page.goto(t.server.url + path);
      expect(response?.status(), path).toBe(404);
      await page.getByRole('heading', { name: 'Tautan tidak dikenal' }).waitFor();
      expect(await page.locator('.sd-root-modern').count(), path).toBe(0);
    }
    expect(submissions(requests)).toEqual([]);
    // A mistyped link never downloads the survey renderer, nor asks the API anything.
    expect(requests.filter((url) => /survey-runtime|respondent-page|\/api\//.test(url))).toEqual(
      [],
    );
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Unknown link' }).waitFor();
    await context.close();
  });

  it('shows the server’s objections on the questions they concern', async () => {
    const { context, page } = await phone();
    // A draft that was being sent when the tab closed, with an answer the questionnaire lacks.
    await openWithDraft(page, sleman, {
      responseId: crypto.randomUUID(),
      answers: { A4: 'bukan_pilihan' },
      pageNo: 0,
      submitting: true,
    });
    const summary = page.locator('[data-answer-problems]');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Beberapa jawaban perlu diperbaiki');
    expect(await summary.locator('[data-question="A4"]').textContent()).toContain('Jenis kelamin');
    expect(await page.locator('[data-name="A4"].sd-question--error').isVisible()).toBe(true);
    // Nothing was stored, and the draft stays for the respondent to correct.
    expect(await draftKeys(page)).toHaveLength(1);
    await context.close();
  });

  it('checks an invitation before the questionnaire, names its agency, and takes its answers once', async () => {
    const { link, agencyCode, token } = invitation(3);
    const agency = await t.server.db
      .selectFrom('agencies')
      .select('name')
      .where('code', '=', agencyCode)
      .executeTakeFirstOrThrow();
    const { context, page, requests } = await phone();
    await page.goto(t.server.url + linkPath(link));
    await page.getByText(`Instansi: ${agency.name}`).waitFor();
    // An invitation's notice adds that the invitation is not linked to the answers.
    await page.getByText(/Undangan Anda hanya ditandai sudah dipakai/).waitFor();
    await consent(page);
    await page.getByText('Jenis kelamin', { exact: true }).waitFor();
    expect(requests).toContain(`${t.server.url}/api/studies/${tokenStudy}/tokens/${token}`);

    // Finish from the last page, with a whole answer set an earlier visit left on the device.
    const answers = demoAnswerGenerator(
      netralitasAsn.json,
      compileQuestionnaire(netralitasAsn.json),
      'respondent-page-token-test',
    )();
    const responseId = crypto.randomUUID();
    await openWithDraft(page, link, { responseId, answers, pageNo: 8, submitting: false });
    await continueDraft(page);
    await page
      .locator('.sd-page__title')
      .filter({ hasText: /Bagian I/ })
      .waitFor();
    await reviewAndComplete(page);
    await page.getByRole('heading', { name: 'Terima kasih!' }).waitFor();
    expect(await page.locator('[data-receipt]').textContent()).toBe(responseId.slice(0, 8));
    const stored = await storedResponses(t.server.db, responseId);
    expect(stored.map((r) => r.agency_code)).toEqual([agencyCode]);
    expect(submissions(requests)).toHaveLength(1);
    expect(await cspViolations(page)).toEqual([]);

    // The invitation is spent: opening it again is refused before any questionnaire shows.
    await page.goto(t.server.url + linkPath(link));
    await page.getByRole('heading', { name: 'Undangan sudah digunakan' }).waitFor();
    expect(await page.locator('.sd-root-modern').count()).toBe(0);
    expect(submissions(requests)).toHaveLength(1);
    await context.close();
  });

  it('refuses a used invitation before anything is filled, in either language, and forgets its draft', async () => {
    const { link, token } = invitation(0);
    // Someone else (or another device) spent the invitation.
    await spendToken(token);
    const { context, page, requests } = await phone();
    await page.goto(t.server.url + linkPath(link));
    await page.getByRole('heading', { name: 'Undangan sudah digunakan' }).waitFor();
    expect(await page.locator('.sd-root-modern').count()).toBe(0);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Invitation already used' }).waitFor();
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();

    // Answers begun on this device before the invitation was spent can never be sent.
    await openWithDraft(page, link, {
      responseId: crypto.randomUUID(),
      answers: { A4: 'perempuan' },
      pageNo: 0,
      submitting: false,
    });
    await page.getByRole('heading', { name: 'Undangan sudah digunakan' }).waitFor();
    expect(await page.locator('.sd-root-modern').count()).toBe(0);
    expect(await draftKeys(page)).toEqual([]);

    // Answers that were being sent are tried once more: the server tells whose they were.
    await openWithDraft(page, link, {
      responseId: crypto.randomUUID(),
      answers: { A4: 'perempuan' },
      pageNo: 0,
      submitting: true,
    });
    await page.getByRole('heading', { name: 'Undangan sudah digunakan' }).waitFor();
    expect(await draftKeys(page)).toEqual([]);
    expect(submissions(requests)).toHaveLength(1);
    await context.close();
  });

  it('thanks an invitee whose answers were stored though the reply was lost, instead of calling the invitation used', async () => {
    const { link, token } = invitation(1);
    const answers = demoAnswerGenerator(
      netralitasAsn.json,
      compileQuestionnaire(netralitasAsn.json),
      'respondent-page-lost-reply',
    )();
    const responseId = crypto.randomUUID();
    // The submission reached the server and spent the invitation; its reply never arrived.
    const res = await fetch(`${t.server.url}/api/studies/${tokenStudy}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: responseId, token, answers }),
    });
    expect(res.status).toBe(201);

    const { context, page } = await phone();
    await openWithDraft(page, link, { responseId, answers, pageNo: 8, submitting: true });
    await page.getByRole('heading', { name: 'Terima kasih!' }).waitFor();
    expect(await page.locator('[data-receipt]').textContent()).toBe(responseId.slice(0, 8));
    expect(await draftKeys(page)).toEqual([]);
    const stored = await storedResponses(t.server.db, responseId);
    expect(stored).toHaveLength(1);
    await context.close();
  });

  it('shows a closed study as closed, not as a questionnaire', async () => {
    const { context, page, requests } = await phone();
    await t.server.db.updateTable('waves').set({ status: 'closed' }).execute();
    try {
      await page.goto(`${t.server.url}${linkPath(sleman)}`);
      await page.getByRole('heading', { name: 'Survei sudah ditutup' }).waitFor();
      expect(await page.locator('.sd-root-modern').count()).toBe(0);
      // The study's own `open` flag decides; the list of open studies is not fetched.
      expect(requests).toContain(`${t.server.url}/api/studies/${agencyStudy}`);
      expect(requests).not.toContain(`${t.server.url}/api/studies`);
    } finally {
      await t.server.db.updateTable('waves').set({ status: 'open' }).execute();
      await context.close();
    }
  });

  it('keeps the survey renderer out of the landing page', async () => {
    const scriptsOf = async (path: string, ready: string, agree = false): Promise<string> => {
      const { context, page } = await phone();
      const bodies: Promise<string>[] = [];
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script') bodies.push(response.text());
      });
      await page.goto(t.server.url + path);
      if (agree) await consent(page);
      await page.getByText(ready, { exact: true }).first().waitFor();
      // The dashboard at / loads its sections' code with its data: wait until all of it is in.
      await page.waitForLoadState('networkidle');
      const text = (await Promise.all(bodies)).join('\n');
      await context.close();
      return text;
    };
    const landing = await scriptsOf('/', 'Survei Netralitas ASN (demo)');
    const respondent = await scriptsOf(linkPath(sleman), 'Jenis kelamin', true);
    // The marker is SurveyJS's own root class: present where the survey renders, absent on /
    // (the public dashboard, whose open-studies section lists the demo study).
    expect(respondent).toContain('sd-root-modern');
    expect(landing).not.toContain('sd-root-modern');
  });
});
