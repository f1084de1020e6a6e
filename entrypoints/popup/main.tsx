import '@/components/styles.css';
import { DEFAULT_LOCALE, loadLocale } from '@/i18n';
import { readFirst } from '@/storage/first-read';
import { askCurrentTab } from '@/entrypoints/popup/ask-tab';

/** Audits the popup's history lists. */
const HISTORY_SIZE = 5;

// First thing, side by side, none waiting for another: the tab's audit, the settings and history (IndexedDB's own
// calls, not Dexie), then the chosen language's messages, and the rest of the popup's code. It draws once it has
// the code, the first read and the messages (of the language it shows, nothing of the other).
const asked = askCurrentTab(location.search);
const first = readFirst(HISTORY_SIZE);
const messages = first.then((read) => loadLocale(read?.settings.locale ?? DEFAULT_LOCALE));
void Promise.all([import('@/entrypoints/popup/start'), first, messages]).then(([{ startPopup }, read]) =>
  startPopup({ asked, first: read, historySize: HISTORY_SIZE }),
);
