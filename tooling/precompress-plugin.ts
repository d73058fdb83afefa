// A Vite plugin that writes brotli (.br) and gzip (.gz) copies of the built client for the server to send as they are.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text formats worth compressing; images and fonts are compressed already. */
const compressible = /\.(js|mjs|css|html|json|svg|txt|webmanifest)$/;

/** Below this a compressed copy saves less than its headers cost. */
const minBytes = 1024;

/**
 * After `vite build`, compresses each text file of the output once at the highest settings
 * (brotli quality 11, gzip level 9): work a server would otherwise repeat on every request.
 * The server (`serveStatic({ precompressed: true })`) picks `.br` or `.gz` by Accept-Encoding.
 * A copy that is not smaller than the original is not written.
 *
 * @example
 * defineConfig({ plugins: [react(), precompress()] });
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'netralitas-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      for (const path of filesUnder(outDir)) {
        if (!compressible.test(path)) continue;
        const body = readFileSync(path);
        if (body.length < minBytes) continue;
        const br = brotliCompressSync(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        });
        const gz = gzipSync(body, { level: 9 });
        if (br.length < body.length) writeFileSync(`${path}.br`, br);
        if (gz.length < body.length) writeFileSync(`${path}.gz`, gz);
      }
    },
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
