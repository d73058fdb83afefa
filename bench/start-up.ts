// Measures how long a start command takes to answer HTTP and how much memory its process tree holds, sampled while it starts.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/**
 * Usage: `npx tsx bench/start-up.ts PORT -- COMMAND ARGS…` (the command must listen on PORT).
 * Prints the time from spawn to the first answer of `GET /api/studies`, the peak resident
 * memory of the whole process tree while starting (a build step included), and its memory
 * once serving. Reads /proc, so Linux only.
 */
const separator = process.argv.indexOf('--');
const port = Number(process.argv[2]);
const command = process.argv.slice(separator + 1);
if (separator < 0 || !Number.isInteger(port) || command.length === 0) {
  console.error('usage: tsx bench/start-up.ts PORT -- COMMAND ARGS…');
  process.exit(2);
}

/** Resident set size in KiB of `pid` and every descendant. */
function treeRssKb(pid: number): number {
  let total = 0;
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // ended
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return total;
}

const started = performance.now();
const child = spawn(command[0]!, command.slice(1), {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, PORT: String(port) },
  detached: true,
});
let peakKb = 0;
const sampler = setInterval(() => {
  peakKb = Math.max(peakKb, treeRssKb(child.pid!));
}, 25);

try {
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/studies`);
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 120_000) throw new Error('no answer within 120 s');
    await new Promise((r) => setTimeout(r, 20));
  }
  const listenMs = performance.now() - started;
  await new Promise((r) => setTimeout(r, 500));
  const servingKb = treeRssKb(child.pid!);
  console.log(
    `${command.join(' ')}: answers after ${(listenMs / 1000).toFixed(2)} s; ` +
      `peak ${(Math.max(peakKb, servingKb) / 1024).toFixed(0)} MB while starting, ` +
      `${(servingKb / 1024).toFixed(0)} MB once serving`,
  );
} finally {
  clearInterval(sampler);
  process.kill(-child.pid!, 'SIGTERM');
}
