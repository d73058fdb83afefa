// Runs the real server entry point (server/index.ts) as a child process, for crash tests and load benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/**
 * Starts `node --import tsx server/index.ts` (one process, so SIGKILL kills the server itself)
 * on `port` with `databaseUrl`, the demo seeded into an empty database, no request log, and
 * `env` on top.
 *
 * @example
 * const child = startServerProcess(port, '/tmp/x.db', { MATERIALIZE_INTERVAL_MS: '200' });
 */
export function startServerProcess(
  port: number,
  databaseUrl: string,
  env: Record<string, string> = {},
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      SEED_DEMO: 'true',
      LOG_REQUESTS: 'false',
      ...env,
    },
  });
}

/**
 * Resolves once `GET /healthz` answers 200; rejects if the process exits or 60 s pass.
 *
 * @example
 * await waitHealthy('http://127.0.0.1:3000', child);
 */
export async function waitHealthy(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not become healthy within 60 s');
}

/** Resolves when the process has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  return new Promise((r) =>
    child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r()),
  );
}

/** A TCP port free at the moment of asking. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}
