import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    setupFiles: ['tests/unit/setup.ts'],
    // A timeout only catches a hang: speed is measured by `npm run bench`. On a loaded 2-core machine a large
    // bundle's round trip takes several seconds, more than vitest's 5 s default.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
