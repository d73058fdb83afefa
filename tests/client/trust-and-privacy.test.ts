// Browser tests of trust and privacy on the respondent page: notice and consent, review before submit, a shared PC's next user.
import { storedResponses } from '../helpers/stored-responses.ts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { draftKey } from '../../client/respondent/draft-store';
import type { RespondentLink } from '../../client/routes';
import { demoNotice } from '../../server/services/seed/demo-notice';
import {
  agencyStudy,
  consent,
  continueDraft,
  draftKeys,
  fullAnswers,
  linkPath,
  onPage,
  openWithDraft,
  phone,
  useRespondentBrowser,
} from '../helpers/respondent-browser';

const t = useRespondentBrowser();

const agencyLink = (agency: string): RespondentLink => ({
  study: agencyStudy,
  kind: 'agency',
  agency,
});

const storedIds = async (id: string): Promise<string[]> =>
  (await storedResponses(t.server.db, id)).map((r) => r.client_id);

/** The helper's review and send, checking the review's heading and waiting for the thanks. */
async function reviewAndSend(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Pratinjau', exact: true }).click();
  await page.getByRole('heading', { name: 'Periksa jawaban Anda' }).waitFor();
  await page.getByRole('button', { name: 'Selesai', exact: true }).click();
  await page.getByRole('heading', { name: 'Terima kasih!' }).waitFor();
}

describe('before the first question', () => {
  it('says who runs the study and why, how answers are protected, the legal basis, retention, time and contact, and starts only on consent', async () => {
    const { context, page } = await phone(t.browser);
    await page.goto(t.server.url + linkPath(agencyLink('kab-bantul')));
    const notice = page.locator('[data-notice]');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    for (const expected of [
      demoNotice.organizer.id,
      demoNotice.purpose.id,
      demoNotice.legalBasis.id,
      demoNotice.retention.id,
      demoNotice.contact.name.id,
      demoNotice.contact.email,
      'sekitar 15 menit',
      'Yang disimpan:',
      'Yang tidak disimpan: nama, NIP, e-mail, alamat IP',
      'sedikitnya 10 responden',
      'Undang-Undang Nomor 27 Tahun 2022',
    ]) {
      expect(text).toContain(expected);
    }
    expect(
      await notice.getByRole('link', { name: demoNotice.contact.email }).getAttribute('href'),
    ).toBe(`mailto:${demoNotice.contact.email}`);
    // Nothing of the questionnaire is shown, nor stored, before consent.
    expect(await page.locator('.sd-question').count()).toBe(0);
    expect(await draftKeys(page)).toEqual([]);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Before you begin' }).waitFor();
    expect(await notice.textContent()).toContain(demoNotice.purpose.en);
    expect(await notice.textContent()).toContain('Law No. 27 of 2022');
    await consent(page, 'I agree, start');
    expect(await page.getByText('Sex', { exact: true }).isVisible()).toBe(true);
    await context.close();
  });
});

describe('the review before sending', () => {
  it('shows the answers before the irreversible submit, lets the respondent go back and edit, and sends the edited answers', async () => {
    const { context, page } = await phone(t.browser);
    const answers = { ...fullAnswers('review-test'), A4: 'laki_laki' };
    const responseId = crypto.randomUUID();
    await openWithDraft(page, t.server.url, agencyLink('kab-gunungkidul'), {
      responseId,
      answers,
      pageNo: 8,
      submitting: false,
    });
    await continueDraft(page);
    await onPage(page, /Bagian I/);
    await page.getByRole('button', { name: 'Pratinjau', exact: true }).click();
    await page.getByRole('heading', { name: 'Periksa jawaban Anda' }).waitFor();
    // The review shows what will be sent, and nothing has been sent yet.
    expect(await page.locator('[data-name="A4"] input[value="laki_laki"]').isChecked()).toBe(true);
    expect(await storedIds(responseId)).toEqual([]);

    // Back to part A to correct an answer, then forward to the review again.
    await page.getByRole('button', { name: 'Ubah', exact: true }).first().click();
    await onPage(page, /Bagian A/);
    expect(await page.locator('[data-review]').count()).toBe(0);
    await page
      .locator('[data-name="A4"] input[value="perempuan"]')
      .locator('xpath=ancestor::label[1]')
      .click();
    for (const part of ['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']) {
      await page.getByRole('button', { name: 'Selanjutnya', exact: true }).click();
      await onPage(page, new RegExp(`Bagian ${part}`));
    }
    await reviewAndSend(page);

    const [row] = await storedResponses(t.server.db, responseId);
    expect(JSON.parse(row?.answers ?? '{}')).toMatchObject({ A4: 'perempuan' });
    await context.close();
  }, 90_000);

  it('tells, on the completion page, how to reach the study team with the receipt code', async () => {
    const { context, page } = await phone(t.browser);
    const responseId = crypto.randomUUID();
    await openWithDraft(page, t.server.url, agencyLink('kab-sragen'), {
      responseId,
      answers: fullAnswers('completion-contact'),
      pageNo: 8,
      submitting: false,
    });
    await continueDraft(page);
    await reviewAndSend(page);
    const done = page.locator('.notice-done');
    const code = responseId.slice(0, 8);
    expect(await done.textContent()).toContain(
      `hubungi ${demoNotice.contact.name.id} dan sebutkan kode ${code}`,
    );
    expect(await done.getByRole('link', { name: demoNotice.contact.email }).isVisible()).toBe(true);
    expect(await storedIds(responseId)).toEqual([responseId]);
    await context.close();
  });
});

describe('on a shared PC', () => {
  it('asks whether to continue a draft found on the device, and lets someone else discard it without seeing it', async () => {
    const { context, page } = await phone(t.browser);
    const link = agencyLink('kab-kebumen');
    await openWithDraft(page, t.server.url, link, {
      responseId: crypto.randomUUID(),
      answers: { A4: 'perempuan', H9: 'Atasan saya menekan kami saat pilkada.' },
      pageNo: 7,
      submitting: false,
    });
    await page
      .getByRole('heading', { name: 'Ada jawaban yang belum selesai di perangkat ini' })
      .waitFor();
    // Nothing of the earlier answers is on screen or in the page.
    expect(await page.locator('.sd-question').count()).toBe(0);
    expect(await page.content()).not.toContain('Atasan saya');

    await page.getByRole('button', { name: 'Mulai dari awal' }).click();
    await page.getByRole('heading', { name: 'Sebelum Anda mulai' }).waitFor();
    expect(await draftKeys(page)).toEqual([]);
    await consent(page);
    await onPage(page, /Bagian A/);
    expect(await page.locator('[data-name="A4"] input[value="perempuan"]').isChecked()).toBe(false);

    // A reload now brings back only this person's own (empty) start: no draft, the notice.
    await page.reload();
    await page.getByRole('heading', { name: 'Sebelum Anda mulai' }).waitFor();
    await context.close();
  });

  it('forgets a draft left for more than 72 hours', async () => {
    const { context, page } = await phone(t.browser);
    const link = agencyLink('kota-magelang');
    await openWithDraft(page, t.server.url, link, {
      responseId: crypto.randomUUID(),
      answers: { A4: 'perempuan' },
      pageNo: 1,
      submitting: false,
      savedAt: Date.now() - 73 * 60 * 60 * 1000,
    });
    await page.getByRole('heading', { name: 'Sebelum Anda mulai' }).waitFor();
    expect(await page.evaluate((key) => localStorage.getItem(key), draftKey(link))).toBeNull();
    await context.close();
  });

  it('says a response was already sent from this browser, and offers the next person a fresh start', async () => {
    const { context, page } = await phone(t.browser);
    const link = agencyLink('kab-klaten');
    const first = crypto.randomUUID();
    await openWithDraft(page, t.server.url, link, {
      responseId: first,
      answers: fullAnswers('sent-before'),
      pageNo: 8,
      submitting: false,
    });
    await continueDraft(page);
    await reviewAndSend(page);

    await page.goto(t.server.url + linkPath(link));
    await page.getByRole('heading', { name: 'Jawaban sudah dikirim dari browser ini' }).waitFor();
    expect(await page.locator('.sd-question').count()).toBe(0);
    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByRole('heading', { name: 'A response was already sent from this browser' })
      .waitFor();
    await page.getByRole('button', { name: 'Start a new response' }).click();
    await page.getByRole('heading', { name: 'Before you begin' }).waitFor();
    await consent(page, 'I agree, start');
    // The next person's answers get an id of their own.
    await page
      .locator('[data-name="A4"] input[value="laki_laki"]')
      .locator('xpath=ancestor::label[1]')
      .click();
    const draft = await page.evaluate((key) => localStorage.getItem(key), draftKey(link));
    expect(JSON.parse(draft ?? '{}').responseId).not.toBe(first);
    await context.close();
  });
});
