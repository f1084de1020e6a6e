import { send, type PageState } from '@/messaging/protocol';
import { mayAskTab, tabIdFromSearch } from './tab';

export interface TabInfo {
  id: number;
  url?: string;
}

/** The tab the popup speaks for, and its audit as the tab's content script holds it (asked for once). */
export interface AskedTab {
  tab: Promise<TabInfo | null>;
  /** Rejects when no content script answers; not asked (null) for a tab that cannot have one. */
  state: Promise<PageState | null>;
}

/**
 * Asks first thing, before the popup's code and messages have loaded: the tab's answer is the popup's critical
 * path. With `?tab=<id>` the id is known, so the audit is asked for while the tab's URL is looked up (one round trip,
 * not two); the toolbar's popup looks up the active tab, then asks it.
 */
export function askCurrentTab(search: string): AskedTab {
  const chosen = tabIdFromSearch(search);
  if (chosen !== null) {
    const state = send({ type: 'page:current' }, { tabId: chosen });
    return handled({ tab: browser.tabs.get(chosen).then((tab) => ({ id: chosen, url: tab.url })), state });
  }
  const tab = browser.tabs
    .query({ active: true, currentWindow: true })
    .then(([active]) => (active?.id === undefined ? null : { id: active.id, url: active.url }));
  return handled({ tab, state: tab.then((current) => (current && mayAskTab(current.url) ? send({ type: 'page:current' }, { tabId: current.id }) : null)) });
}

/** Nobody may await an answer the popup ends up not needing (an unauditable tab): it must not count as unhandled. */
function handled(asked: AskedTab): AskedTab {
  asked.tab.catch(() => undefined);
  asked.state.catch(() => undefined);
  return asked;
}
