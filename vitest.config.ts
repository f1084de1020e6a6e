import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { localeMessages } from './modules/locale-messages';

export default defineConfig({
  // WxtVitest does not add the build's own Vite plugins: the one-language message fragments are the extension's.
  plugins: [WxtVitest(), localeMessages()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    setupFiles: ['tests/unit/setup.ts'],
    // A timeout only catches a hang: speed is measured by `npm run bench`. On this shared 2-core machine (load
    // average above 30) the large-bundle round trip and the CLI's Chromium runs took over 60 s.
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
