// Takes the README's screenshots of the researcher workspace from a running server: `npx tsx scripts/workspace-screenshots.ts URL KEY`.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';

const [url, key] = process.argv.slice(2);
if (!url || !key) {
  console.error(
    'usage: npx tsx scripts/workspace-screenshots.ts http://127.0.0.1:3000 <admin-or-researcher-key>',
  );
  process.exit(2);
}
const out = resolve(import.meta.dirname, '../docs/screenshots');
mkdirSync(out, { recursive: true });
/** The synthetic KASN-sized wave the demo seeds: full results at once. */
const study = 'kasn-2021-sintetis';
/** Raked reports of 10,617 responses can take a while on a busy machine. */
const slow = { timeout: 180_000 };

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});

async function signedIn(width: number, height: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height }, reducedMotion: 'reduce' });
  await page.goto(`${url}/masuk?lang=en`);
  await page.getByLabel('Access key').fill(key as string);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/(research|admin)$/);
  await page.goto(`${url}/research?study=${study}&lang=en`);
  await page.getByTestId('results').waitFor(slow);
  return page;
}

try {
  const wide = await signedIn(1280, 800);
  await wide.getByLabel('Break down by').selectOption('islandRegion');
  await wide.locator('[data-testid=results][data-by="islandRegion"]').waitFor(slow);
  await wide.getByRole('combobox', { name: 'Question' }).selectOption('B1');
  await wide.getByRole('heading', { name: /^B1 —/ }).scrollIntoViewIfNeeded();
  await wide.screenshot({ path: `${out}/workspace-results-1280.png` });
  await wide.getByRole('button', { name: 'Fieldwork monitor' }).click();
  await wide.getByTestId('fieldwork-agencies').waitFor();
  await wide.screenshot({ path: `${out}/workspace-fieldwork-1280.png` });

  const phone = await signedIn(360, 740);
  await phone.getByRole('combobox', { name: 'Question' }).selectOption('B1');
  await phone.getByRole('heading', { name: /^B1 —/ }).scrollIntoViewIfNeeded();
  await phone.screenshot({ path: `${out}/workspace-results-360.png` });
} finally {
  await browser.close();
}
