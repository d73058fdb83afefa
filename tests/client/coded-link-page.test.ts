// End-to-end test of a coded agency link in headless Chromium: the page resolves the code, submits with it, refuses made-up links.
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftKey } from '../../client/respondent/draft-store';
import { respondentLinkPath, type RespondentLink } from '../../client/routes';
import { demoAnswerGenerator } from '../../server/services/seed/demo-answers';
import { demoLinkCodeStudyId } from '../../server/services/seed/seed-demo';
import { compileQuestionnaire } from '../../server/services/validation/compile-questionnaire';
import { findOpenWave } from '../../server/storage/repositories/waves';
import { listWaveLinkCodes } from '../../server/storage/repositories/wave-link-codes';
// The demo studies use the newest version of the questionnaire.
import { netralitasAsnV2 as netralitasAsn } from '../../surveys/netralitas-asn-v2';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { storedResponses } from '../helpers/stored-responses.ts';
import { continueDraft, reviewAndComplete } from '../helpers/respondent-browser.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startTestServer(),
    chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a coded agency link', () => {
  it('names its agency, takes the answers under that agency, and refuses links made up from the agency list', async () => {
    const wave = (await findOpenWave(server.db, demoLinkCodeStudyId))!;
    const code = (await listWaveLinkCodes(server.db, wave.id)).find(
      (l) => l.agencyCode === 'kab-sleman',
    )!.code;
    const link: RespondentLink = { study: demoLinkCodeStudyId, kind: 'link', code };
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));

    // A whole answer set an earlier visit left on the device, on the last page.
    const answers = demoAnswerGenerator(
      netralitasAsn.json,
      compileQuestionnaire(netralitasAsn.json),
      'coded-link-page-test',
    )();
    const responseId = crypto.randomUUID();
    await page.goto(`${server.url}/`);
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
      draftKey(link),
      JSON.stringify({ responseId, answers, pageNo: 8, submitting: false }),
    ] as const);
    await page.goto(server.url + respondentLinkPath(link));
    await page.getByText('Instansi: Kabupaten Sleman').waitFor();
    expect(requests).toContain(`${server.url}/api/studies/${demoLinkCodeStudyId}/links/${code}`);
    // The draft left on the device is offered first, then reviewed before the irreversible send.
    await continueDraft(page);
    await reviewAndComplete(page);
    await page.getByRole('heading', { name: 'Terima kasih!' }).waitFor();
    const stored = (await storedResponses(server.db, responseId)).map((r) => ({
      agency_code: r.agency_code,
      wave_id: r.wave_id,
    }));
    expect(stored).toEqual([{ agency_code: 'kab-sleman', wave_id: wave.id }]);

    for (const madeUp of [
      `/s/${demoLinkCodeStudyId}/kab-sleman`,
      `/s/${demoLinkCodeStudyId}/l/${'A'.repeat(22)}`,
    ]) {
      await page.goto(server.url + madeUp);
      await page.getByRole('heading', { name: 'Tautan tidak dikenal' }).waitFor();
      expect(await page.locator('.sd-root-modern').count()).toBe(0);
    }
    await context.close();
  });
});
