// Kills the real server process with SIGKILL at random moments under submission load: every acknowledged submission stored exactly once.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
// The demo studies use the newest version of the questionnaire.
import { netralitasAsnV2 as netralitasAsn } from '../../../surveys/netralitas-asn-v2.ts';
import {
  generatorQuestions,
  seededRandom,
  validAnswerSet,
} from '../../helpers/answer-set-generator.ts';
import { scratchDatabase } from '../../helpers/scratch-database.ts';
import { exited, freePort, startServerProcess, waitHealthy } from '../../helpers/server-process.ts';
import { testDialects } from '../../helpers/test-databases.ts';

/** Submissions without limit; folding runs often, so kills land inside it too. */
const serverEnv = { SUBMIT_RATE_LIMIT_PER_MINUTE: '1000000', MATERIALIZE_INTERVAL_MS: '200' };
const answers = validAnswerSet(seededRandom(7), generatorQuestions(netralitasAsn.json));
const agencies = ['kab-sleman', 'kota-makassar', 'prov-jambi', 'kab-bantul'];
const clients = 12;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testDialects())('SIGKILL under submission load on $dialect', (dialect) => {
  const kills = dialect.dialect === 'sqlite' ? 10 : 3;

  it(`stores every acknowledged submission exactly once and nothing else, across ${kills} kills`, async () => {
    const database = await scratchDatabase(dialect.dialect, process.env.TEST_DATABASE_URL);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let child = startServerProcess(port, database.url, serverEnv);
    try {
      await waitHealthy(base, child);
      const demoIds = new Set(await database.storedClientIds());

      const acknowledged = new Set<string>();
      const refusals: string[] = [];
      let running = true;
      const submitUntilAcknowledged = async (id: string) => {
        const body = JSON.stringify({
          id,
          agency: agencies[Math.floor(Math.random() * agencies.length)],
          answers,
        });
        for (;;) {
          try {
            const res = await fetch(`${base}/api/studies/netralitas-asn-2021/responses`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body,
              signal: AbortSignal.timeout(15_000),
            });
            if (res.status === 201) return;
            const text = await res.text();
            if (res.status < 500) {
              refusals.push(`${res.status} ${text}`);
              return;
            }
          } catch {
            // The server died under us: the same id goes again once it is back.
          }
          await sleep(30);
        }
      };
      const workers = Array.from({ length: clients }, async () => {
        while (running) {
          const id = randomUUID();
          await submitUntilAcknowledged(id);
          acknowledged.add(id);
        }
      });

      for (let kill = 0; kill < kills; kill++) {
        await sleep(200 + Math.random() * 800);
        child.kill('SIGKILL');
        await exited(child);
        child = startServerProcess(port, database.url, serverEnv);
        await waitHealthy(base, child);
      }
      await sleep(300);
      running = false;
      await Promise.all(workers);
      child.kill('SIGTERM');
      await exited(child);

      expect(refusals).toEqual([]);
      const stored = (await database.storedClientIds()).filter((id) => !demoIds.has(id));
      expect(stored.length).toBe(new Set(stored).size);
      expect(stored.sort()).toEqual([...acknowledged].sort());
      expect(acknowledged.size).toBeGreaterThan(kills * clients);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited(child);
      }
      await database.drop();
    }
  }, 300_000);
});
