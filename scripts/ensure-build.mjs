// Builds the client and server (`npm run build`) when dist/ is missing or older than the sources; plain Node, no dev tools needed when dist is current.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** What the build reads: a change to any of these makes dist/ stale. */
const sources = [
  'server',
  'surveys',
  'analysis',
  'client',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'vite.config.ts',
];

/** What the build writes last in each half; both are rewritten by every build. */
const outputs = ['dist/client/index.html', 'dist/node/server/index.js'];

/** Newest modification time (ms) under `path`, a file or a folder. */
function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why dist/ must be rebuilt, or undefined when it is current. */
function staleReason() {
  const missing = outputs.find((o) => !existsSync(join(root, o)));
  if (missing) return `${missing} is missing`;
  const built = Math.min(...outputs.map((o) => statSync(join(root, o)).mtimeMs));
  const changed = sources.find(
    (s) => existsSync(join(root, s)) && newestMtime(join(root, s)) > built,
  );
  return changed && `${changed} changed since the last build`;
}

const reason = staleReason();
if (reason !== undefined) {
  if (!existsSync(join(root, 'node_modules', '.bin', 'tsc'))) {
    console.error(
      `dist/ must be rebuilt (${reason}), but the build tools (devDependencies) are not ` +
        'installed. Run `npm ci && npm run build` first, or start a current build with ' +
        '`node dist/node/server/index.js`.',
    );
    process.exit(1);
  }
  console.error(`Building (${reason})…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // A production build whoever calls (Vitest sets NODE_ENV=test, which would build React's
  // development bundle: twice the size, and not what is served).
  const result = spawnSync(npm, ['run', '--silent', 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
