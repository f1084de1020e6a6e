import { render } from 'preact';
import { effect } from '@preact/signals';
import { t } from '@/i18n';
import type { FirstRead } from '@/storage/first-read';
import { send } from '@/messaging/protocol';
import { isoWithOffset } from '@/utils/time';
import { createPopupModel } from '@/entrypoints/popup/model';
import type { AskedTab } from '@/entrypoints/popup/ask-tab';
import { langOf } from '@/i18n/dates';
import { PopupApp } from '@/entrypoints/popup/App';

/** Draws the popup for the tab main.tsx asked already, with what it read first (the language's messages loaded). */
export function startPopup({ asked, first, historySize }: { asked: AskedTab; first: FirstRead | null; historySize: number }): void {
  const model = createPopupModel({
    // After the first render: Dexie and the engine the terms panel judges with are most of the popup's code.
    storage: import('@/entrypoints/popup/storage').then(({ openPopupStorage }) => openPopupStorage()),
    currentTab: () => asked.tab,
    sendToTab: (tabId, message) => send(message, { tabId }),
    writeStatus: () => send({ type: 'storage:status' }),
    badgePaused: (tabId, host) => send({ type: 'settings:paused', tabId, host }),
    // The engine is needed only when a person corrects the page type: not before the first render.
    evaluate: async (facts, meta) => (await import('@/rules')).evaluate(facts, meta),
    nowIso: () => isoWithOffset(new Date()),
    first,
    historySize,
  });

  effect(() => {
    document.documentElement.lang = langOf(model.locale.value);
    document.title = t('popup_title', model.locale.value);
  });
  render(<PopupApp model={model} dashboardUrl={browser.runtime.getURL('/dashboard.html')} />, document.getElementById('app')!);
  void model.load(asked);
}
