import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file runs in its own process: register() installs process-wide OTel globals.
    pool: 'forks',
    setupFiles: ['test/helpers/provide-sdk.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
