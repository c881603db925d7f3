import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  // The web's modules import each other as `$lib/...` (SvelteKit's alias); unit tests of them need it too.
  resolve: { alias: { $lib: fileURLToPath(new URL('../web/src/lib', import.meta.url)) } },
  test: {
    root: repoRoot,
    include: [
      'db/src/**/*.test.ts',
      'api/src/**/*.test.ts',
      'data-import/src/**/*.test.ts',
      'web/src/**/*.test.ts',
      'test/integration/**/*.test.ts',
      'test/e2e/**/*.test.ts',
    ],
    globalSetup: ['test/src/global-setup.ts'],
    // The embedded engine keeps one data directory that only one process may open at a time.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
