import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // Crash and CLI tests spawn child processes; two cores are all there is.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
