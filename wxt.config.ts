import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

const ICON_SIZES = [16, 32, 48, 128] as const;

export default defineConfig({
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    icons: Object.fromEntries(ICON_SIZES.map((size) => [size, `icons/${size}.png`])),
    action: { default_title: '__MSG_actionTitle__' },
    // Evidence capture: activeTab grants the screenshot of the tab a person acts on (popup click or shortcut);
    // pageCapture (Chromium only) saves the MHTML snapshot.
    // storage: session storage keeps audits the database refused until a retry stores them.
    permissions: ['activeTab', 'storage', 'alarms', ...(browser === 'firefox' ? [] : ['pageCapture'])],
    // Batches: alarms wake a stopped worker to resume a batch; capturing evidence of a batch's pages, which nobody
    // clicked, needs the host permission, asked only when a person ticks "capture" (storage/batches.ts).
    optional_host_permissions: ['<all_urls>'],
    commands: {
      'capture-evidence': { suggested_key: { default: 'Alt+Shift+E' }, description: '__MSG_evidenceCommand__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'liangzhao@liangzhao.dev', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
