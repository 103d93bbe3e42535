import { defineConfig } from 'vitest/config';

// Unit tests of the app's logic (no browser).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
