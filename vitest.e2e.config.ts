import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in Chromium: one file at a time, each with its own browser.
export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: `${resolve('.')}/` }] },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
