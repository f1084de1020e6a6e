export type ChangeReason = 'navigation' | 'content';

export interface WatchOptions {
  win: Window;
  doc: Document;
  /** Called at most once per `minIntervalMs`, after changes settle for `quietMs` (or the interval allows). */
  onChange(reason: ChangeReason): void;
  minIntervalMs?: number;
  quietMs?: number;
  /** Nodes whose changes are ours (the highlight overlay), not the page's. */
  ignore?(node: Node): boolean;
}

/**
 * Watches a page for what makes its audit stale: route changes (history API, back/forward, hash) and content that
 * arrives late (a footer injected after load, infinite scroll). Bursts are coalesced so a page that mutates all the
 * time costs at most one audit per `minIntervalMs`.
 *
 * A content script lives in an isolated world, so wrapping `history.pushState` there would not see the page's calls.
 * Route changes are seen through the Navigation API where the browser has it, through popstate and hashchange, and by
 * comparing the URL on each batch of DOM changes and on a slow poll where there is no Navigation API.
 */
export function watchPage(options: WatchOptions): { stop(): void } {
  const { win, doc, onChange } = options;
  const minIntervalMs = options.minIntervalMs ?? 1_000;
  const quietMs = options.quietMs ?? 300;
  const ignore = options.ignore ?? (() => false);

  let timer: ReturnType<typeof setTimeout> | null = null;
  let pendingReason: ChangeReason | null = null;
  // The page is audited when the watch starts (document idle): that audit counts as the latest.
  let lastRunAt = Date.now();
  let lastUrl = win.location.href;

  function trigger(reason: ChangeReason) {
    if (pendingReason !== 'navigation') pendingReason = reason;
    if (timer !== null) return;
    const wait = Math.max(quietMs, lastRunAt + minIntervalMs - Date.now());
    timer = setTimeout(fire, wait);
  }

  function fire() {
    timer = null;
    const reason = pendingReason ?? 'content';
    pendingReason = null;
    lastRunAt = Date.now();
    lastUrl = win.location.href;
    onChange(reason);
  }

  function checkUrl() {
    if (win.location.href !== lastUrl) {
      lastUrl = win.location.href;
      trigger('navigation');
    }
  }

  const onNavigation = () => {
    lastUrl = win.location.href;
    trigger('navigation');
  };

  const Observer = (win as unknown as typeof globalThis).MutationObserver ?? globalThis.MutationObserver;
  const observer = new Observer((records) => {
    checkUrl();
    if (records.some((record) => isPageChange(record, ignore))) trigger('content');
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });

  win.addEventListener('popstate', onNavigation);
  win.addEventListener('hashchange', onNavigation);
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', onNavigation);
  const poll = navigation ? null : setInterval(checkUrl, minIntervalMs);

  return {
    stop() {
      observer.disconnect();
      win.removeEventListener('popstate', onNavigation);
      win.removeEventListener('hashchange', onNavigation);
      navigation?.removeEventListener('navigatesuccess', onNavigation);
      if (poll !== null) clearInterval(poll);
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

/** A change the page made: not inside our overlay, and not only our overlay being added or removed. */
export function isPageChange(record: MutationRecord, ignore: (node: Node) => boolean): boolean {
  if (ignore(record.target)) return false;
  if (record.type !== 'childList') return true;
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return nodes.length === 0 ? false : nodes.some((node) => !ignore(node));
}

/**
 * What an audit reads of the page, in a few numbers: its text (length and a hash) and how many links, images and
 * frames it has. A change that leaves them all as they were (a carousel re-rendering the same slides, placeholders
 * swapped for the same elements) gives the same audit, so it is not audited again. One linear pass over the text.
 */
export function contentFingerprint(doc: Document): string {
  const text = doc.documentElement?.textContent ?? '';
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  const count = (tag: string) => doc.getElementsByTagName(tag).length;
  return `${text.length}:${(hash >>> 0).toString(36)}:${count('a')}:${count('img')}:${count('iframe')}`;
}
