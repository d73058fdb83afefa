// Starts the real server for end-to-end tests: random port, fresh SQLite file, the demo frame and studies.
import type { Kysely } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Database } from '../../server/storage/db/schema.ts';
import { startServer } from '../../server/start-server.ts';
import { compileQuestionnaire } from '../../server/services/validation/compile-questionnaire.ts';
import { questionnaires } from '../../surveys/index.ts';

export interface TestServerOptions {
  /** Synthetic demo responses to seed (default none). */
  demoResponses?: number;
  /** Also seed the synthetic KASN-sized wave `kasn-2021-sintetis` (default false). */
  demoSyntheticWave?: boolean;
  /** The built client to serve (default `dist/client`; absent → API only). */
  clientDir?: string;
  /** Idle materializer interval (default 60 s, so tests control when counts catch up). */
  materializeIntervalMs?: number;
  /** Grace for requests in flight at `close()` (default 5 s). */
  shutdownTimeoutMs?: number;
}

export interface TestServer {
  /** e.g. `http://127.0.0.1:41234`. */
  url: string;
  db: Kysely<Database>;
  /** Demo invitation tokens of `netralitas-asn-token`, in clear text. */
  tokens: { agencyCode: string; token: string }[];
  close(): Promise<void>;
}

/**
 * The real server on 127.0.0.1 and a free port, with a new SQLite database seeded with the
 * demo: the 270-agency frame, `netralitas-asn-2021` (agency links) and `netralitas-asn-token`
 * (tokens), both open. `close()` stops it and deletes the database.
 *
 * @example
 * const server = await startTestServer();
 * await fetch(`${server.url}/api/studies`);
 * await server.close();
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'netralitas-server-'));
  try {
    const server = await startServer({
      config: {
        port: 0,
        host: '127.0.0.1',
        database: { dialect: 'sqlite', path: join(dir, 'test.db') },
        bodyLimitBytes: 64 * 1024,
        materializeIntervalMs: options.materializeIntervalMs ?? 60_000,
        timeZone: 'Asia/Jakarta',
        clientDir: options.clientDir ?? resolve(import.meta.dirname, '../../dist/client'),
        seedDemo: true,
        // Tests read answers, not the request log on stdout.
        edge: { logRequests: false },
        shutdownTimeoutMs: options.shutdownTimeoutMs ?? 5000,
        sealBatchSize: 100,
      },
      definitions: questionnaires,
      compile: compileQuestionnaire,
      demoResponses: options.demoResponses ?? 0,
      demoSyntheticWave: options.demoSyntheticWave ?? false,
    });
    return {
      url: server.url,
      db: server.db,
      tokens: server.demo?.tokens ?? [],
      async close() {
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
