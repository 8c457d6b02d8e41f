import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Vite would pick graphql's .mjs build while dependencies loaded by Node get the CommonJS one,
    // and graphql refuses to mix two copies; use the one Node itself uses at run time.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    globalSetup: ['./vitest.global-setup.ts'],
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/reliability/**', '**/node_modules/**'],
    // a 2-core machine running another suite beside this one: a scope probe walks every caller
    // through a field (9-15 s on a quiet machine), and a file's hook seeds a county
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
