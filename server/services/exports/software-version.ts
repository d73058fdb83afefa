// The platform's name and version as package.json states them, found from this module in the sources and in dist/node alike.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: { name: string; version: string } | undefined;

/**
 * The nearest package.json above this module: `{ name, version }`.
 *
 * @example
 * softwareVersion(); // { name: 'netralitas-survey', version: '0.1.0' }
 */
export function softwareVersion(): { name: string; version: string } {
  if (cached) return cached;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const path = join(dir, 'package.json');
    if (existsSync(path)) {
      const { name, version } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
      if (name && version) return (cached = { name, version });
    }
    if (dirname(dir) === dir) return (cached = { name: 'unknown', version: 'unknown' });
  }
}
