// Loads the public dashboard at / in headless Chromium at 360x740 and prints the bytes on the wire (brotli, as served) by resource type.
//
// Run: `npx tsx bench/dashboard-weight.ts [URL]` after `npm run build`. Without a URL it starts
// the real server with the synthetic KASN-sized wave (its first headline takes minutes to
// compute); with one (e.g. a running `npm start`) it measures that server. The budget is
// 150 kB for everything / loads; the survey renderer must not be among it.
import { chromium, type CDPSession } from 'playwright-core';
import { startTestServer, type TestServer } from '../tests/helpers/test-server.ts';

/** Everything / may load, compressed, in bytes (issue 8 §4). */
const budget = 150_000;

interface ResponseReceived {
  requestId: string;
  type: string;
  response: { url: string; fromDiskCache?: boolean; fromServiceWorker?: boolean };
}
interface LoadingFinished {
  requestId: string;
  encodedDataLength: number;
}

/** Bytes by DevTools resource type, and every URL fetched, until `stop()`. */
function countBytes(cdp: CDPSession) {
  const typeOf = new Map<string, string>();
  const urls: string[] = [];
  const bytes = new Map<string, number>();
  cdp.on('Network.responseReceived', (e: ResponseReceived) => {
    if (e.response.fromDiskCache || e.response.fromServiceWorker) return;
    typeOf.set(e.requestId, e.type);
    urls.push(e.response.url);
  });
  cdp.on('Network.loadingFinished', (e: LoadingFinished) => {
    const type = typeOf.get(e.requestId);
    if (type !== undefined) bytes.set(type, (bytes.get(type) ?? 0) + e.encodedDataLength);
  });
  return { bytes, urls };
}

const given = process.argv[2];
let server: TestServer | undefined;
if (!given) {
  console.log('Starting the server with the synthetic wave and computing its headline…');
  server = await startTestServer({ demoSyntheticWave: true });
  await fetch(`${server.url}/api/public/studies/kasn-2021-sintetis/headline?lang=id`);
}
const base = given ?? server!.url;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic'],
});
try {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const counted = countBytes(cdp);
  await page.goto(`${base}/`);
  await page.locator('[data-testid=ranking]').waitFor({ timeout: 600_000 });
  await page.locator('svg.chart').first().waitFor();
  await page.waitForLoadState('networkidle');
  const total = [...counted.bytes.values()].reduce((a, b) => a + b, 0);
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  console.log(`\nDashboard ${base}/ at 360x740, first visit, empty cache:`);
  for (const [type, n] of [...counted.bytes].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${type.padEnd(12)} ${kb(n).padStart(10)}`);
  }
  console.log(`  ${'total'.padEnd(12)} ${kb(total).padStart(10)}  (budget ${kb(budget)})`);
  const scripts = counted.urls.filter((u) => /\/assets\/.*\.js$/.test(u));
  console.log(`  scripts: ${scripts.map((u) => u.split('/').pop()).join(', ')}`);
  const renderer = scripts.filter((u) => u.includes('survey-runtime'));
  console.log(`  survey renderer loaded: ${renderer.length > 0 ? 'YES' : 'no'}`);
  if (total > budget || renderer.length > 0) process.exitCode = 1;
} finally {
  await browser.close();
  await server?.close();
}
