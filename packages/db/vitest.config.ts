import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['./vitest.global-setup.ts'],
    // a test file boots its own database and seeds a county; on a busy 2-core machine that takes
    // seconds, not the default 10 s hook budget
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
