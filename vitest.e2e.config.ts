import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { localeMessages } from './modules/locale-messages';

// End-to-end tests drive the built extension in Chromium: one file at a time, each with its own browser.
export default defineConfig({
  // The one-language message fragments the reports import are the extension's own build step.
  plugins: [localeMessages()],
  resolve: { alias: [{ find: /^@\//, replacement: `${resolve('.')}/` }] },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    setupFiles: ['tests/e2e/setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
