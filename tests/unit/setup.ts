import 'fake-indexeddb/auto';
// Every language installed, as in the service worker and the CLI; tests/unit/i18n/loading.test.ts loads them as a page does.
import '@/i18n/all-locales';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});
