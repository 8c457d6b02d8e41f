import { defineConfig } from 'vitest/config';

/**
 * Budgets for a busy 2-core machine (another suite beside this one): a page's answer after a
 * mutation has taken over 2 s there, where expect.poll's default gives up after 1 s; a file's
 * stack (database copy, API, three preview servers) has taken 20 s to start.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.e2e.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    expect: { poll: { timeout: 30_000, interval: 100 } },
    // One browser and one API at a time on a 2-core machine: the files run one after another,
    // each on its own stack (stack.ts), so their order does not matter.
    fileParallelism: false,
  },
});
