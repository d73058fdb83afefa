// Browser test of the offline copy: a link opened once is filled and submitted with no connection, and sent once back online.
import { storedResponses } from '../helpers/stored-responses.ts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { draftKey } from '../../client/respondent/draft-store';
import type { RespondentLink } from '../../client/routes';
import {
  agencyStudy,
  consent,
  continueDraft,
  fullAnswers,
  linkPath,
  onPage,
  phone,
  useRespondentBrowser,
} from '../helpers/respondent-browser';

const t = useRespondentBrowser();

const link: RespondentLink = { study: agencyStudy, kind: 'agency', agency: 'kab-wonogiri' };

/** Whether the service worker has stored this link's page and questionnaire. */
const keptOffline = (page: Page): Promise<boolean> =>
  page.evaluate(async (path) => {
    const names = await caches.keys();
    for (const name of names) {
      const cache = await caches.open(name);
      const keys = (await cache.keys()).map((r) => new URL(r.url).pathname);
      if (keys.includes(path) && keys.some((k) => k.endsWith('/questionnaire'))) return true;
    }
    return false;
  }, linkPath(link));

describe('offline', () => {
  it('opens a link seen once with no connection, keeps the finished answers as "saved, will be sent", and sends them once online', async () => {
    const { context, page } = await phone(t.browser, { serviceWorkers: 'allow' });
    await page.goto(t.server.url + linkPath(link));
    await consent(page);
    await expect.poll(() => keptOffline(page), { timeout: 15_000 }).toBe(true);

    await context.setOffline(true);
    // A finished answer set an earlier (offline) sitting left on the device.
    const responseId = crypto.randomUUID();
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
      draftKey(link),
      JSON.stringify({ responseId, answers: fullAnswers('offline'), pageNo: 8, submitting: false }),
    ] as const);
    await page.reload();
    await continueDraft(page);
    await onPage(page, /Bagian I/);
    await page.getByRole('button', { name: 'Pratinjau', exact: true }).click();
    await page.getByRole('button', { name: 'Selesai', exact: true }).click();
    await page.getByRole('heading', { name: 'Tersimpan, akan dikirim' }).waitFor();

    // Closed and reopened while still offline: the queued submission is still waiting.
    await page.reload();
    await page.getByRole('heading', { name: 'Tersimpan, akan dikirim' }).waitFor();
    // Whether the server already holds it is not asserted here: Chromium's offline emulation
    // does not cover the network fallback of a page a service worker controls, so a send may
    // reach the server while the page still sees itself offline. What must hold is below: the
    // page keeps the answers until it learns they arrived, and they are stored once.
    const stored = async () =>
      (await storedResponses(t.server.db, responseId)).map((r) => ({ client_id: r.client_id }));

    await context.setOffline(false);
    await page.getByRole('heading', { name: 'Terima kasih!' }).waitFor();
    expect(await page.locator('[data-receipt]').textContent()).toBe(responseId.slice(0, 8));
    expect(await stored()).toEqual([{ client_id: responseId }]);
    await context.close();
  }, 90_000);
});
