import '@/components/styles.css';
import { render } from 'preact';
import { effect } from '@preact/signals';
import { evaluate, isoWithOffset } from '@/rules';
import { t } from '@/i18n';
import { send } from '@/messaging/protocol';
import { LiangzhaoDatabase } from '@/storage/db';
import { createPopupModel, type PopupDeps } from '@/entrypoints/popup/model';
import { tabIdFromSearch } from '@/entrypoints/popup/tab';
import { langOf } from '@/i18n/dates';
import { PopupApp } from '@/entrypoints/popup/App';

async function currentTab() {
  const chosen = tabIdFromSearch(location.search);
  if (chosen !== null) return { id: chosen, url: (await browser.tabs.get(chosen)).url };
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
}

const model = createPopupModel({
  db: new LiangzhaoDatabase(),
  currentTab,
  sendToTab: (tabId, message) => send(message, { tabId }),
  writeStatus: () => send({ type: 'storage:status' }),
  badgePaused: (tabId, host) => send({ type: 'settings:paused', tabId, host }),
  evaluate,
  nowIso: () => isoWithOffset(new Date()),
});

effect(() => {
  document.documentElement.lang = langOf(model.locale.value);
  document.title = t('popup_title', model.locale.value);
});
render(<PopupApp model={model} dashboardUrl={browser.runtime.getURL('/dashboard.html')} />, document.getElementById('app')!);
void model.load();
