import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{domain,server,cli,test}/**/*.test.ts', 'web/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll waits for a page or a job to get somewhere; on a loaded CI machine a second (the
    // default) is too short for a render after a request. A wait bound, not a timing assertion.
    expect: { poll: { timeout: 10_000 } },
    // Each test file builds its own databases; two at a time fits a 2-core machine.
    maxWorkers: 2,
  },
});
