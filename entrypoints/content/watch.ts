export type ChangeReason = 'navigation' | 'content';

export interface WatchOptions {
  win: Window;
  doc: Document;
  /** Called after changes settle for `quietMs`, or once the interval since the last call allows. */
  onChange(reason: ChangeReason): void;
  /** The shortest interval between calls; each call for content that keeps changing doubles it, up to `maxIntervalMs`. */
  minIntervalMs?: number;
  maxIntervalMs?: number;
  quietMs?: number;
  /** Nodes whose changes are ours (the highlight overlay), not the page's. */
  ignore?(node: Node): boolean;
}

/**
 * Watches a page for what makes its audit stale: route changes (history API, back/forward, hash) and content that
 * arrives late (a footer injected after load, infinite scroll). Bursts are coalesced, and a page that mutates all the
 * time (a ticker of recent orders, a carousel of offers) is audited less and less often: each call for its content
 * doubles the interval before the next, up to `maxIntervalMs`, so such a page costs a few audits, not one a second
 * for as long as it is open. Route changes back off the same way, apart, unless a person clicked or typed since the
 * last audit: a page rewriting its own address all the time is held back, a route a person opens (on a churning page
 * too) is not. After a quiet spell, either starts again from `minIntervalMs`.
 *
 * A content script lives in an isolated world, so wrapping `history.pushState` there would not see the page's calls.
 * Route changes are seen through the Navigation API where the browser has it, through popstate and hashchange, and by
 * comparing the URL on each batch of DOM changes and on a slow poll where there is no Navigation API.
 */
export function watchPage(options: WatchOptions): { stop(): void } {
  const { win, doc, onChange } = options;
  const minIntervalMs = options.minIntervalMs ?? 1_000;
  const maxIntervalMs = options.maxIntervalMs ?? 60_000;
  const quietMs = options.quietMs ?? 300;
  const ignore = options.ignore ?? (() => false);

  let timer: ReturnType<typeof setTimeout> | null = null;
  let pendingReason: ChangeReason | null = null;
  // The page is audited when the watch starts (document idle): that audit counts as the latest.
  let lastRunAt = Date.now();
  // Each kind of change backs off on its own: a ticker held to one audit a minute must not hold back the audit of a
  // route a person opens, while a page that rewrites its own address every second is held back like a ticker.
  const backoff: Record<ChangeReason, { intervalMs: number; lastAt: number }> = {
    content: { intervalMs: minIntervalMs, lastAt: lastRunAt },
    navigation: { intervalMs: minIntervalMs, lastAt: Number.NEGATIVE_INFINITY },
  };
  let lastUrl = win.location.href;

  // A route change soon after a click or a key is a person's: audited at the shortest interval, however many came
  // before. One without (a carousel writing its slide into the hash, a script stamping the address) backs off.
  let personActed = false;
  const onInput = () => void (personActed = true);

  function trigger(reason: ChangeReason) {
    if (reason === 'navigation' && personActed) backoff.navigation.intervalMs = minIntervalMs;
    if (pendingReason === 'navigation') return;
    const rescheduled = reason === 'navigation' && timer !== null;
    pendingReason = reason;
    if (timer !== null && !rescheduled) return;
    if (timer !== null) clearTimeout(timer);
    const now = Date.now();
    const kind = backoff[reason];
    // Changes after a spell longer than two intervals are new, not the same churn: no longer held back.
    if (now - kind.lastAt > 2 * kind.intervalMs) kind.intervalMs = minIntervalMs;
    const due = Math.max(lastRunAt + minIntervalMs, kind.lastAt + kind.intervalMs);
    timer = setTimeout(fire, Math.max(quietMs, due - now));
  }

  function fire() {
    timer = null;
    const reason = pendingReason ?? 'content';
    pendingReason = null;
    lastRunAt = Date.now();
    personActed = false;
    const kind = backoff[reason];
    kind.lastAt = lastRunAt;
    kind.intervalMs = Math.min(kind.intervalMs * 2, maxIntervalMs);
    // A new route is new content: its own churn starts from the shortest interval.
    if (reason === 'navigation') backoff.content = { intervalMs: minIntervalMs, lastAt: lastRunAt };
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

  // Back and forward are a person's too.
  const onHistory = () => {
    personActed = true;
    onNavigation();
  };
  const INPUT_EVENTS = ['pointerdown', 'keydown'] as const;
  for (const type of INPUT_EVENTS) win.addEventListener(type, onInput, { capture: true, passive: true });
  win.addEventListener('popstate', onHistory);
  win.addEventListener('hashchange', onNavigation);
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', onNavigation);
  const poll = navigation ? null : setInterval(checkUrl, minIntervalMs);

  return {
    stop() {
      observer.disconnect();
      for (const type of INPUT_EVENTS) win.removeEventListener(type, onInput, { capture: true });
      win.removeEventListener('popstate', onHistory);
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
 * swapped for the same elements) gives the same audit, so it is not audited again. Every run of digits counts as one
 * digit: a countdown, a clock or a sales counter ticking changes no disclosure, while text added or replaced (a
 * footer arriving, a number where there was none) still does. One linear pass over the text.
 */
export function contentFingerprint(doc: Document): string {
  const text = doc.documentElement?.textContent ?? '';
  let hash = 0x811c9dc5;
  let length = 0;
  let inDigits = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code >= 48 && code <= 57;
    if (digit && inDigits) continue;
    inDigits = digit;
    hash = Math.imul(hash ^ (digit ? 48 : code), 0x01000193);
    length++;
  }
  const count = (tag: string) => doc.getElementsByTagName(tag).length;
  return `${length}:${(hash >>> 0).toString(36)}:${count('a')}:${count('img')}:${count('iframe')}`;
}
