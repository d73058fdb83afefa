// Loads the respondent page in headless Chromium on a throttled link (400 kbps, 400 ms) and prints times and bytes by type.
//
// Run: `npx tsx bench/page-load.ts` after `npm run build` (or `vite build`). BENCH_KBPS and
// BENCH_RTT_MS change the link; BENCH_RUNS the number of first/repeat visit pairs (default 3).
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { loadavg } from 'node:os';
import { startTestServer } from '../tests/helpers/test-server.ts';

const kbps = Number(process.env.BENCH_KBPS ?? 400);
const rttMs = Number(process.env.BENCH_RTT_MS ?? 400);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const path = '/s/netralitas-asn-2021/kab-sleman';

interface Visit {
  /** First contentful paint: the server-sent shell's text. */
  textMs: number;
  /** The notice with its consent button, ready to tap. */
  noticeMs: number;
  /** The first question, after tapping consent as soon as it appears. */
  questionMs: number;
  /** Bytes on the wire (compressed bodies and headers) by resource type. */
  bytes: Map<string, number>;
}

/** The fields of two DevTools protocol events read here. */
interface ResponseReceived {
  requestId: string;
  type: string;
  response: { fromDiskCache?: boolean; fromServiceWorker?: boolean };
}
interface LoadingFinished {
  requestId: string;
  encodedDataLength: number;
}

/**
 * Counts what crosses the throttled link, from the DevTools protocol's own accounting, until
 * `stop()` (which returns the counts and detaches the listeners).
 */
function countBytes(cdp: CDPSession): { stop(): Map<string, number> } {
  const typeOf = new Map<string, string>();
  const bytes = new Map<string, number>();
  const received = (e: ResponseReceived): void => {
    const fromCache = e.response.fromDiskCache || e.response.fromServiceWorker;
    if (!fromCache) typeOf.set(e.requestId, e.type);
  };
  const finished = (e: LoadingFinished): void => {
    const type = typeOf.get(e.requestId);
    if (type !== undefined) bytes.set(type, (bytes.get(type) ?? 0) + e.encodedDataLength);
  };
  cdp.on('Network.responseReceived', received);
  cdp.on('Network.loadingFinished', finished);
  return {
    stop() {
      cdp.off('Network.responseReceived', received);
      cdp.off('Network.loadingFinished', finished);
      return new Map(bytes);
    },
  };
}

async function visit(page: Page, cdp: CDPSession, url: string): Promise<Visit> {
  const counter = countBytes(cdp);
  await page.goto(url, { waitUntil: 'commit' });
  const consent = page.locator('[data-consent]');
  await consent.waitFor({ timeout: 120_000 });
  const noticeMs = await page.evaluate(() => performance.now());
  await consent.click();
  await page.locator('.sd-question').first().waitFor({ timeout: 120_000 });
  const questionMs = await page.evaluate(() => performance.now());
  const textMs = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
  );
  // Let requests still on the wire finish, outside the timing, so their bytes count.
  await page.waitForLoadState('networkidle');
  return { textMs, noticeMs, questionMs, bytes: counter.stop() };
}

const seconds = (ms: number): string => (ms / 1000).toFixed(2);
/** The median and, in brackets, the range over the runs. */
const fmt = (values: number[]): string =>
  `${seconds(median(values))} s (${seconds(Math.min(...values))}–${seconds(Math.max(...values))})`;
const kb = (n: number): string => `${(n / 1000).toFixed(1)} kB`;
const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

// The real server on a free port with a fresh SQLite database and the demo seeded.
const server = await startTestServer();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic'],
});

console.log(
  `Respondent page ${path} at ${kbps} kbps down/up, ${rttMs} ms latency, 360x740, ` +
    `${runs} runs (load average ${loadavg()[0]?.toFixed(2)})`,
);
const first: Visit[] = [];
const repeat: Visit[] = [];
try {
  for (let i = 0; i < runs; i++) {
    // A fresh profile per run: empty HTTP cache. The service worker is blocked: the DevTools
    // throttle does not apply to its own requests, so with it a repeat visit would look
    // faster than the link allows. The repeat figure is the HTTP cache's alone.
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: rttMs,
      downloadThroughput: (kbps * 1000) / 8,
      uploadThroughput: (kbps * 1000) / 8,
    });
    first.push(await visit(page, cdp, server.url + path));
    repeat.push(await visit(page, cdp, server.url + path));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

for (const [name, visits] of [
  ['first visit', first],
  ['repeat visit', repeat],
] as const) {
  const total = visits.map((v) => [...v.bytes.values()].reduce((a, b) => a + b, 0));
  console.log(`\n${name} (median of ${visits.length}):`);
  console.log(`  text on screen (first contentful paint)  ${fmt(visits.map((v) => v.textMs))}`);
  console.log(`  notice and consent button ready          ${fmt(visits.map((v) => v.noticeMs))}`);
  console.log(`  first question visible                   ${fmt(visits.map((v) => v.questionMs))}`);
  console.log(`  transferred                              ${kb(median(total))}`);
  const types = new Set(visits.flatMap((v) => [...v.bytes.keys()]));
  for (const type of [...types].sort()) {
    console.log(`    ${type.padEnd(38)} ${kb(median(visits.map((v) => v.bytes.get(type) ?? 0)))}`);
  }
}
