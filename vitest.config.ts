import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\/(.*)$/, replacement: path.resolve(import.meta.dirname, '$1') },
      // The guard against client bundles has no meaning under vitest.
      { find: 'server-only', replacement: path.resolve(import.meta.dirname, 'tests/helpers/empty.ts') },
    ],
  },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/helpers/setup.ts'],
    // next-auth imports 'next/server' without an extension: let Vite resolve it.
    server: { deps: { inline: ['next-auth'] } },
    // Each file gets its own database; on a 2-core machine two at a time is the sweet spot.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
