import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.e2e.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // global teardown stops the API (PGlite takes seconds to close) and the preview servers
    teardownTimeout: 30_000,
    // One browser and one API on a 2-core machine: run the files one after another.
    fileParallelism: false,
  },
});
