// Builds dist/node when it is missing or older than the sources, so commands run as plain JavaScript.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const target = join(root, 'dist/node/server/cli/analyze.js');
const sources = ['server', 'analysis', 'surveys'];
const configs = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

// The newest modification time among the compiled sources and the build's configuration.
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|csv)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const folder of sources) walk(join(root, folder));
  for (const file of configs) newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  return newest;
}

function builtAt() {
  try {
    return statSync(target).mtimeMs;
  } catch {
    return -1;
  }
}

if (builtAt() < newestSource()) {
  process.stderr.write('Compiling the server to dist/node (missing or older than the sources)…\n');
  // Standard output stays the command's own: the compiler's messages go to standard error.
  const build = spawnSync('npm', ['run', '--silent', 'build:server'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
