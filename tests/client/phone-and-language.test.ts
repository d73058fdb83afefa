// Browser tests of the respondent page on a 360 px phone: tappable scales, progress, page turns, clear states, Indonesian strings.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  consent,
  continueDraft,
  fullAnswers,
  linkPath,
  onPage,
  openWithDraft,
  phone,
  sleman,
  useRespondentBrowser,
} from '../helpers/respondent-browser';

const t = useRespondentBrowser();

/** Everything of a complete answer set except the questions of one page, opened on that page. */
async function openOnPage(page: Page, pageNo: number, leaveOut: string[]): Promise<void> {
  const answers = fullAnswers('phone-test');
  for (const name of leaveOut) delete answers[name];
  await openWithDraft(page, t.server.url, sleman, {
    responseId: crypto.randomUUID(),
    answers,
    pageNo,
    submitting: false,
  });
  await continueDraft(page);
}

const tap = (page: Page, question: string, value: string | number): Promise<void> =>
  page
    .locator(`[data-name="${question}"] input[value="${value}"]`)
    .locator('xpath=ancestor::label[1]')
    .click();

describe('on a 360 px phone', () => {
  it('shows rating scales as a row of tappable buttons, never a dropdown, within the screen', async () => {
    const { context, page } = await phone(t.browser);
    await openOnPage(page, 4, ['E3', 'E4']);
    await onPage(page, /Bagian E/);
    for (const name of ['E3', 'E4']) {
      const question = page.locator(`[data-name="${name}"]`);
      expect(await question.locator('.sd-dropdown').count()).toBe(0);
      const items = question.locator('.sd-rating__item');
      expect(await items.count()).toBe(4);
      for (const box of await items.evaluateAll((els) =>
        els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect),
      )) {
        // A fingertip-sized target, wholly on screen.
        expect(box.height).toBeGreaterThanOrEqual(44);
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(360);
      }
    }
    await tap(page, 'E3', 3);
    expect(await page.locator('[data-name="E3"] input[value="3"]').isChecked()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await context.close();
  });

  it('counts progress by answered questions and exposes it to assistive technology', async () => {
    const { context, page } = await phone(t.browser);
    await page.goto(t.server.url + linkPath(sleman));
    await consent(page);
    const bar = page.getByRole('progressbar');
    expect(await bar.getAttribute('aria-valuenow')).toBe('0');
    const before = (await bar.getAttribute('aria-valuetext')) ?? '';
    const total = Number(/^0 dari (\d+) pertanyaan terjawab$/.exec(before)?.[1]);
    expect(total).toBeGreaterThan(20);
    await tap(page, 'A4', 'perempuan');
    await tap(
      page,
      'A5',
      (await page.locator('[data-name="A5"] input').first().getAttribute('value')) ?? '',
    );
    await expect
      .poll(() => bar.getAttribute('aria-valuetext'))
      .toBe(`2 dari ${total} pertanyaan terjawab`);
    // The percent is SurveyJS's own whole number (it truncates), not a rounding of ours.
    const percent = (2 / total) * 100;
    expect([Math.floor(percent), Math.round(percent)]).toContain(
      Number(await bar.getAttribute('aria-valuenow')),
    );
    await context.close();
  });

  it('brings the header back into view and focuses the new page’s heading on a page turn', async () => {
    const { context, page } = await phone(t.browser);
    await openOnPage(page, 0, []);
    await onPage(page, /Bagian A/);
    // The Next button sits several screens down.
    const next = page.getByRole('button', { name: 'Selanjutnya', exact: true });
    await next.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    await next.click();
    await onPage(page, /Bagian B/);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toMatch(/Bagian B/);
    const header = await page.locator('.page-header').boundingBox();
    expect(header?.y).toBeGreaterThanOrEqual(0);
    expect(header?.y).toBeLessThan(10);
    await context.close();
  });

  it('makes the way forward the one button that stands out, and unselected options look available', async () => {
    const { context, page } = await phone(t.browser);
    await openOnPage(page, 1, []);
    await onPage(page, /Bagian B/);
    const style = (name: string) =>
      page
        .getByRole('button', { name, exact: true })
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    // base.css --brand (#8a1c1c) fills Next; Previous stays white, outlined.
    expect(await style('Selanjutnya')).toBe('rgb(138, 28, 28)');
    expect(await style('Sebelumnya')).toBe('rgb(255, 255, 255)');
    // An option not chosen: full-contrast ink, fully opaque, with a visible ring.
    const unselected = page.locator('[data-name="B6"] .sd-item:not(.sd-item--checked)').first();
    const look = await unselected.evaluate((el) => {
      const label = el.querySelector('.sd-item__control-label') ?? el;
      const ring = el.querySelector('.sd-item__decorator') ?? el;
      return {
        color: getComputedStyle(label).color,
        opacity: getComputedStyle(el).opacity,
        ring: getComputedStyle(ring).boxShadow,
      };
    });
    expect(look).toMatchObject({ color: 'rgb(31, 35, 40)', opacity: '1' });
    expect(look.ring).toContain('rgb(87, 96, 106)');
    await context.close();
  });

  it('speaks correct Indonesian in SurveyJS’s own messages', async () => {
    const { context, page } = await phone(t.browser);
    await page.goto(t.server.url + linkPath(sleman));
    await consent(page);
    await page.getByRole('button', { name: 'Selanjutnya', exact: true }).click();
    const error = page.locator('[data-name="A4"] .sd-question__erbox').first();
    await error.waitFor();
    expect((await error.textContent())?.trim()).toBe('Pertanyaan ini wajib dijawab.');
    expect(await page.content()).not.toMatch(/Silahkan|lainnnya|Membatalkan/);
    await context.close();
  });
});
