import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium (playwright-core) against the real API
// serving the built app, started by e2e/global-setup.ts on a random port.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
