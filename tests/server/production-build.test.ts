// Tests the production build: plain node runs dist/, it needs runtime dependencies only, and production never seeds the demo.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const entry = join(root, 'dist/node/server/index.js');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? jsFiles(join(dir, e.name))
      : e.name.endsWith('.js')
        ? [join(dir, e.name)]
        : [],
  );
}

/** The package a bare import specifier names: `hono/factory` → `hono`, `@hono/x/y` → `@hono/x`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built server until it prints its listening line (then SIGTERM) or exits on its own. */
function runBuiltServer(env: Record<string, string>): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [entry], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 170_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // Everything the start prints comes in one synchronous burst after listening.
      if (stdout.includes('open studies:')) setTimeout(() => child.kill('SIGTERM'), 200);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

describe('the production build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'production-build-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exists after `npm run build` (npm test builds it first)', () => {
    expect(existsSync(entry)).toBe(true);
    expect(existsSync(join(root, 'dist/client/index.html'))).toBe(true);
  });

  it('imports only Node built-ins, its own files and runtime dependencies', () => {
    const runtime = new Set(Object.keys(packageJson.dependencies));
    const builtins = new Set(builtinModules);
    const offending: string[] = [];
    for (const file of jsFiles(join(root, 'dist/node'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(
        /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g,
      )) {
        const specifier = match[1] ?? match[2] ?? match[3]!;
        if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
        if (builtins.has(specifier) || runtime.has(packageOf(specifier))) continue;
        offending.push(`${file.slice(root.length + 1)} imports ${specifier}`);
      }
    }
    expect(offending).toEqual([]);
    expect(Object.keys(packageJson.dependencies)).not.toContain('tsx');
    expect(Object.keys(packageJson.devDependencies)).toContain('tsx');
  });

  it('starts with plain node and, with NODE_ENV=production, seeds nothing into an empty database', async () => {
    const path = join(dir, 'production.db');
    const run = await runBuiltServer({ NODE_ENV: 'production', DATABASE_URL: path });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(run.stdout).not.toMatch(/\/t\/|Seeded|respondent page/);
    const db = new Database(path, { readonly: true });
    try {
      const count = (table: string) =>
        (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect(count('studies')).toBe(0);
      expect(count('responses')).toBe(0);
      expect(count('pending_responses')).toBe(0);
      expect(count('invitation_tokens')).toBe(0);
      expect(count('agencies')).toBe(0);
    } finally {
      db.close();
    }
  });

  it('refuses SEED_DEMO=true under NODE_ENV=production instead of seeding', async () => {
    const path = join(dir, 'refused.db');
    const run = await runBuiltServer({
      NODE_ENV: 'production',
      SEED_DEMO: 'true',
      DATABASE_URL: path,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /SEED_DEMO="true": the demo is never seeded when NODE_ENV=production/,
    );
    expect(existsSync(path)).toBe(false);
  });

  it('seeds the demo and prints its invitation links once outside production', async () => {
    const path = join(dir, 'demo.db');
    const run = await runBuiltServer({ DATABASE_URL: path });
    expect(run.stdout).toMatch(/Seeded the demo/);
    expect(run.stdout).toMatch(/\/s\/netralitas-asn-token\/t\/[A-Za-z0-9_-]{24}/);
    // The demo includes the synthetic KASN-sized wave (10,617 responses), which takes a while.
  }, 180_000);

  it('stops with `npm start`: a SIGTERM to npm reaches the server, which stops and frees its port', async () => {
    const child = spawn('npm', ['start'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? dir,
        PORT: '0',
        NODE_ENV: 'production',
        DATABASE_URL: join(dir, 'npm-start.db'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const url = await new Promise<string>((resolveUrl, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const listening = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (listening) resolveUrl(listening[1]!);
      });
      child.once('exit', (code) =>
        reject(new Error(`npm start exited (${code}) before listening`)),
      );
    });
    const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
    child.kill('SIGTERM');
    await exited;
    // Under `sh -c "… && node …"` the server outlived npm, still holding its port.
    await expect
      .poll(
        () =>
          fetch(`${url}/api/studies`).then(
            () => 'answering',
            () => 'closed',
          ),
        {
          timeout: 10_000,
        },
      )
      .toBe('closed');
  }, 180_000);
});
