import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

const ICON_SIZES = [16, 32, 48, 128] as const;

/**
 * `npm run build:e2e`: the build the end-to-end tests load. It goes to its own folder, so the tests never rebuild
 * the `.output/chrome-mv3` a person may have loaded.
 */
const E2E_BUILD = process.env.LIANGZHAO_E2E === '1';

/** Chromium 99: runtime.sendMessage and tabs.sendMessage return a Promise; see the README's table of APIs. */
const MINIMUM_CHROME_VERSION = '99';
/** Firefox 140: data_collection_permissions, which addons.mozilla.org requires. */
const MINIMUM_FIREFOX_VERSION = '140.0';

export default defineConfig({
  outDir: E2E_BUILD ? '.output-e2e' : '.output',
  // The sources archive for Firefox review: with the Node version, so a reviewer rebuilds the same files.
  zip: { includeSources: ['.nvmrc'] },
  // The dashboard's evidence worker is a module worker: it loads the language of an export as the pages do, by a
  // dynamic import, which a classic (IIFE) worker bundle cannot split.
  vite: () => ({ plugins: [preact()], worker: { format: 'es' } }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    icons: Object.fromEntries(ICON_SIZES.map((size) => [size, `icons/${size}.png`])),
    action: { default_title: '__MSG_actionTitle__' },
    // Evidence capture: activeTab grants the screenshot of the tab a person acts on (popup click or shortcut);
    // pageCapture (Chromium only) saves the MHTML snapshot, asked for at the first capture. The test build lists it
    // as required, because headless Chromium cannot answer a permission prompt.
    // storage: audits wait in storage.local until they are written, across service-worker restarts and reloads;
    // alarms: wake a stopped worker to retry a write the database refused.
    permissions: ['activeTab', 'alarms', 'storage', ...(browser !== 'firefox' && E2E_BUILD ? ['pageCapture'] : [])],
    ...(browser !== 'firefox' && !E2E_BUILD ? { optional_permissions: ['pageCapture'] } : {}),
    // The oldest versions with every API the extension uses (README, "Supported browsers").
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: MINIMUM_CHROME_VERSION }),
    // Batches: capturing evidence of a batch's pages, which nobody clicked, needs the host permission, asked only
    // when a person ticks "capture" (storage/batches.ts).
    ...(browser === 'firefox' ? {} : { optional_host_permissions: ['<all_urls>'] }),
    commands: {
      'capture-evidence': { suggested_key: { default: 'Alt+Shift+E' }, description: '__MSG_evidenceCommand__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'liangzhao@liangzhao.dev',
              strict_min_version: MINIMUM_FIREFOX_VERSION,
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
