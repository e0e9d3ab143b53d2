import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{domain,server,cli,test}/**/*.test.ts', 'web/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each test file builds its own databases; two at a time fits a 2-core machine.
    maxWorkers: 2,
  },
});
