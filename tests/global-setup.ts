// Vitest global setup: makes sure dist/ is built and current once, before any test file runs.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Runs `scripts/ensure-build.mjs` (builds client and server only when dist/ is missing or older
 * than the sources). Browser suites and the production-build test serve dist/ concurrently, so
 * no test file may build on its own: a build empties dist/client under the pages of another
 * file that is being served from it at the time.
 *
 * @throws Error when the build fails.
 */
export default function ensureBuildOnce(): void {
  const root = resolve(import.meta.dirname, '..');
  const result = spawnSync(process.execPath, ['scripts/ensure-build.mjs'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`scripts/ensure-build.mjs failed (${result.status})`);
}
