// Builds the browser client (client/) and configures Vitest for the whole project.
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { precompress } from './tooling/precompress-plugin.ts';

export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/client'),
    emptyOutDir: true,
    // The server reads it to preload a page's chunks from the HTML it sends (client-pages.ts).
    manifest: true,
    // survey-runtime (survey-core + survey-react-ui, 1.6 MB raw, 275 kB brotli) is large by
    // nature and loaded on demand; warn only if a chunk grows past it.
    chunkSizeWarningLimit: 1700,
    rolldownOptions: {
      input: {
        index: resolve(import.meta.dirname, 'client/index.html'),
        'service-worker': resolve(import.meta.dirname, 'client/offline/service-worker.ts'),
      },
      output: {
        // A service worker's scope is its own folder, and its URL must stay the same across
        // deployments (the browser compares its bytes to update it): `/service-worker.js`.
        entryFileNames: (chunk) =>
          chunk.name === 'service-worker' ? '[name].js' : 'assets/[name]-[hash].js',
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  test: {
    root: '.',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // Builds dist/ once if stale; no test file builds on its own (tests/global-setup.ts).
    globalSetup: ['tests/global-setup.ts'],
    environment: 'node',
    // Generous: browser suites share two cores with the CPU-bound path and crash suites, and a
    // starved page step must not read as a failure (timing is measured in bench/, not here).
    testTimeout: 90_000,
    hookTimeout: 180_000,
    // Browser and PostgreSQL suites share one machine; keep file parallelism modest.
    maxWorkers: 2,
  },
});
