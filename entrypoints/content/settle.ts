import type { SettleOptions } from '@/rules/settle';
import type { PageState, SettleReply } from '@/messaging/protocol';
import { isWebPageType } from '@/utils/url-list';

/**
 * A batch tab's side of the settle rule (rules/settle.ts): scroll to the bottom in steps, then wait until no DOM
 * change and no finished request for `quietMs` with the document loaded, `maxWaitMs` at most; then audit once.
 * Asking again (a restarted service worker asks every open tab) gets the same answer, not a second audit.
 *
 * A page cannot see a request still in flight, only the ones that finish: a request that started before the quiet
 * period and answers after it is seen only through the DOM change it causes, if that comes within `maxWaitMs`.
 */
export function createSettler(win: Window, doc: Document, audit: () => Promise<PageState>) {
  let settled: Promise<Omit<SettleReply, 'state'>> | null = null;
  let audited: Promise<PageState> | null = null;
  return {
    async settle(options: SettleOptions): Promise<SettleReply> {
      settled ??= waitUntilSettled(win, doc, options);
      const outcome = await settled;
      const auditable = outcome.httpStatus < 400 && isWebPageType(outcome.contentType);
      // An audit whose report was lost (the worker stopped while it was sent) is made again when asked again; the
      // writer stores an identical re-audit of the same tab once.
      audited ??= auditable ? audit() : Promise.resolve({ result: null, auditId: null });
      const current = audited;
      try {
        return { ...outcome, state: await current };
      } catch (error) {
        if (audited === current) audited = null;
        throw error;
      }
    },
  };
}

async function waitUntilSettled(win: Window, doc: Document, options: SettleOptions): Promise<Omit<SettleReply, 'state'>> {
  const deadline = Date.now() + options.maxWaitMs;
  let lastActivity = Date.now();
  const touch = () => (lastActivity = Date.now());
  const observer = new MutationObserver(touch);
  observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
  const network = typeof PerformanceObserver === 'function' ? new PerformanceObserver(touch) : null;
  network?.observe({ type: 'resource' });
  let timedOut = false;
  try {
    timedOut = !(await scrollToBottom(win, doc, options, deadline));
    if (!timedOut) timedOut = !(await quiet(doc, options.quietMs, deadline, () => lastActivity));
  } finally {
    observer.disconnect();
    network?.disconnect();
  }
  // Back to the top, where a person starts reading and where a screenshot is taken.
  win.scrollTo(0, 0);
  // An error page of the server, or a document that is not a web page, is an outcome of its own, not an audit.
  return { timedOut, url: win.location.href, contentType: doc.contentType, httpStatus: httpStatusOf(win) };
}

/** Steps down the page until its bottom is in view (the page may grow as it goes); false if the deadline came first. */
async function scrollToBottom(win: Window, doc: Document, options: SettleOptions, deadline: number): Promise<boolean> {
  for (;;) {
    const bottom = Math.max(doc.documentElement?.scrollHeight ?? 0, doc.body?.scrollHeight ?? 0);
    if (win.scrollY + win.innerHeight >= bottom - 1) return true;
    if (Date.now() >= deadline) return false;
    const before = win.scrollY;
    win.scrollBy(0, options.scrollStepPx);
    await sleep(options.scrollIntervalMs);
    // A page that does not scroll (overflow hidden, a fixed frame) is as far down as it goes.
    if (win.scrollY === before) return true;
  }
}

async function quiet(doc: Document, quietMs: number, deadline: number, lastActivity: () => number): Promise<boolean> {
  for (;;) {
    const now = Date.now();
    if (doc.readyState === 'complete' && now - lastActivity() >= quietMs) return true;
    if (now >= deadline) return false;
    await sleep(Math.min(250, Math.max(20, quietMs / 4), deadline - now));
  }
}

function httpStatusOf(win: Window): number {
  const entry = win.performance?.getEntriesByType?.('navigation')[0] as (PerformanceEntry & { responseStatus?: number }) | undefined;
  return entry?.responseStatus ?? 0;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
