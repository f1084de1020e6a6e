import { browser, type Browser } from 'wxt/browser';
import { captureEvidence } from '@/evidence/capture/collect';
import { listen, send, type SettleReply } from '@/messaging/protocol';
import type { LiangzhaoDatabase, StoredBatch, StoredBatchItem } from '@/storage/db';
import { auditOfItem, BATCH_CAPTURE_PERMISSION, finishItem, itemsIn, openItemOfTab, setBatchState } from '@/storage/batches';
import { isHttpUrl, isWebPageType } from '@/utils/url-list';
import { browserCaptureDeps } from './capture';

/** The watchdog: wakes a stopped worker while a batch runs (alarms fire every 30 s at the soonest). */
export const BATCH_ALARM = 'liangzhao.batch';
const WATCHDOG_MINUTES = 0.5;
/**
 * A tab that loaded but whose content script does not answer is asked again this often, for this long: the script
 * is injected after the load event, and on a busy machine it can take seconds to start listening. A page that has
 * no content script (a PDF, an error page) is given up after the window.
 */
const NO_ANSWER_DELAY_MS = 500;
const NO_ANSWER_WINDOW_MS = 8_000;
/** The least a late settle request is given, however little of the page's budget is left. */
const MIN_SETTLE_MS = 1_000;

/** Where the dashboard shows a batch; the batch window's first tab, whose title carries the progress. */
export function batchPageUrl(batchId: number): string {
  return browser.runtime.getURL(`/dashboard.html#batch=${batchId}`);
}

/**
 * Runs batches: opens each row's page in the batch's own window, a few at a time, asks the page to settle and audit
 * itself once, records the outcome and moves on. Everything it knows lives in Dexie, and every event (a message, a
 * tab loading, the alarm, the browser starting) re-reads it, so a worker stopped at any moment resumes where it was.
 */
export function createBatchRunner(db: LiangzhaoDatabase) {
  /** Rows whose settle request this worker has sent and not yet seen answered. */
  const settling = new Set<number>();
  const deadlines = new Map<number, ReturnType<typeof setTimeout>>();
  let chain: Promise<void> = Promise.resolve();
  /** Captures one at a time: each needs its tab to be the one its window shows. */
  let captures: Promise<unknown> = Promise.resolve();

  function reconcile(): Promise<void> {
    chain = chain.then(reconcileAll).catch((error: unknown) => console.warn('batch:', error));
    return chain;
  }

  async function reconcileAll(): Promise<void> {
    const batches = await db.batches.where('state').anyOf('running', 'paused', 'cancelled').toArray();
    let running = false;
    for (const batch of batches) {
      if (batch.state === 'cancelled') {
        await closeCancelled(batch);
        continue;
      }
      const open = await itemsIn(db, batch.id!, 'open');
      let stillOpen = 0;
      for (const item of open) if (await checkOpen(batch, item)) stillOpen++;
      if (batch.state === 'running') {
        running = true;
        const queued = await itemsIn(db, batch.id!, 'queued');
        for (const item of queued.slice(0, Math.max(0, batch.concurrency - stillOpen))) await openItem(batch, item);
        if (queued.length === 0 && stillOpen === 0) {
          await setBatchState(db, batch.id!, 'done');
          await closeWindow(batch);
          continue;
        }
      }
    }
    if (running) await browser.alarms.create(BATCH_ALARM, { periodInMinutes: WATCHDOG_MINUTES });
    else await browser.alarms.clear(BATCH_ALARM);
  }

  /** Looks after an open row; returns whether it is still open afterwards. */
  async function checkOpen(batch: StoredBatch, item: StoredBatchItem): Promise<boolean> {
    const tab = item.tabId === undefined ? null : await browser.tabs.get(item.tabId).catch(() => null);
    if (!tab) {
      // The tab went away (the browser restarted, or a person closed it): keep the audit if one was stored,
      // else the page is opened again. Either way it is audited once.
      const audit = await auditOfItem(db, item);
      if (audit) {
        await finishItem(db, item.id!, {
          state: 'audited',
          auditId: audit.id,
          finalUrl: audit.url,
          grade: audit.grade,
          verdict: audit.verdict,
          score: audit.score,
        });
        return false;
      }
      await db.batchItems.update(item.id!, { state: 'queued', tabId: undefined, openedAtMs: undefined });
      return false;
    }
    if (settling.has(item.id!)) return true;
    const deadline = (item.openedAtMs ?? Date.now()) + batch.settle.maxWaitMs;
    if (tab.status === 'complete' || Date.now() >= deadline) void settle(batch, item, tab);
    else watchDeadline(item, deadline);
    return true;
  }

  async function openItem(batch: StoredBatch, item: StoredBatchItem): Promise<void> {
    if (!isHttpUrl(item.url)) {
      await finishItem(db, item.id!, { state: 'not-web', reason: 'not-http' });
      return;
    }
    const windowId = await windowOf(batch);
    // A blank tab first, recorded, then the page: a worker stopped in between leaves a blank tab, never a page
    // audited outside its batch.
    const tab = await browser.tabs.create({ windowId, url: 'about:blank', active: true });
    const openedAtMs = Date.now();
    const claimed = await db.batchItems
      .where('id')
      .equals(item.id!)
      .and((row) => row.state === 'queued')
      .modify({ state: 'open', tabId: tab.id, openedAtMs });
    if (claimed === 0) {
      await browser.tabs.remove(tab.id!).catch(() => undefined);
      return;
    }
    await browser.tabs.update(tab.id!, { url: item.url });
    watchDeadline(item, openedAtMs + batch.settle.maxWaitMs);
  }

  /** While this worker lives, a page that never finishes loading is settled (or timed out) at its deadline. */
  function watchDeadline(item: StoredBatchItem, at: number) {
    if (deadlines.has(item.id!)) return;
    deadlines.set(
      item.id!,
      setTimeout(() => {
        deadlines.delete(item.id!);
        void reconcile();
      }, Math.max(0, at - Date.now()) + 50),
    );
  }

  async function settle(batch: StoredBatch, item: StoredBatchItem, tab: Browser.tabs.Tab): Promise<void> {
    const id = item.id!;
    if (settling.has(id)) return;
    settling.add(id);
    try {
      const elapsed = Date.now() - (item.openedAtMs ?? Date.now());
      const maxWaitMs = Math.max(MIN_SETTLE_MS, batch.settle.maxWaitMs - elapsed);
      const reply = await askToSettle(tab.id!, { ...batch.settle, maxWaitMs });
      if (!reply) {
        const past = Date.now() >= (item.openedAtMs ?? 0) + batch.settle.maxWaitMs;
        const current = await browser.tabs.get(tab.id!).catch(() => null);
        // Still loading and within its time: the load event will bring it back here.
        if (current?.status === 'loading' && !past) return;
        await finishItem(db, id, noAnswerOutcome(current ?? tab, past));
      } else {
        if (batch.capture && reply.state.result) await captureItem(tab.id!);
        await finishItem(db, id, outcomeOf(reply));
      }
      await browser.tabs.remove(tab.id!).catch(() => undefined);
    } finally {
      settling.delete(id);
      clearTimeout(deadlines.get(id));
      deadlines.delete(id);
    }
    void reconcile();
  }

  /** The page's answer, or null when no content script answers (an error page, a PDF, a page still loading). */
  async function askToSettle(tabId: number, settle: StoredBatch['settle']): Promise<SettleReply | null> {
    const giveUpAt = Date.now() + NO_ANSWER_WINDOW_MS;
    for (;;) {
      try {
        const reply = await send({ type: 'page:settle', settle }, { tabId });
        if (reply?.state) return reply;
      } catch {
        // No receiver yet, or the page navigated away (a redirect) while settling.
      }
      const tab = await browser.tabs.get(tabId).catch(() => null);
      if (!tab || Date.now() >= giveUpAt || tab.status === 'loading') return null;
      await new Promise((resolve) => setTimeout(resolve, NO_ANSWER_DELAY_MS));
    }
  }

  async function captureItem(tabId: number): Promise<void> {
    // Without the permission a batch still audits; the person was told when they ticked "capture".
    if (!(await browser.permissions.contains(BATCH_CAPTURE_PERMISSION).catch(() => false))) return;
    const next = captures.then(async () => {
      await browser.tabs.update(tabId, { active: true });
      return captureEvidence(browserCaptureDeps(db), tabId);
    });
    captures = next.catch(() => undefined);
    // A failed capture leaves the audit as it is: the batch row says audited, the audit has no capture.
    await next.catch(() => undefined);
  }

  async function windowOf(batch: StoredBatch): Promise<number> {
    if (batch.windowId !== undefined && (await browser.windows.get(batch.windowId).catch(() => null))) return batch.windowId;
    const created = await browser.windows.create({ url: batchPageUrl(batch.id!), focused: false });
    const patch = { windowId: created!.id!, progressTabId: created!.tabs?.[0]?.id };
    await db.batches.update(batch.id!, patch);
    Object.assign(batch, patch);
    return patch.windowId;
  }

  async function closeCancelled(batch: StoredBatch): Promise<void> {
    const left = [...(await itemsIn(db, batch.id!, 'open')), ...(await itemsIn(db, batch.id!, 'queued'))];
    for (const item of left) {
      if (settling.has(item.id!)) continue;
      await finishItem(db, item.id!, { state: 'cancelled' });
      if (item.tabId !== undefined) await browser.tabs.remove(item.tabId).catch(() => undefined);
    }
    await closeWindow(batch);
  }

  async function closeWindow(batch: StoredBatch): Promise<void> {
    if (batch.windowId === undefined) return;
    await browser.windows.remove(batch.windowId).catch(() => undefined);
    await db.batches.update(batch.id!, { windowId: undefined, progressTabId: undefined });
  }

  return {
    reconcile,
    async tabLoaded(tabId: number) {
      const item = await openItemOfTab(db, tabId);
      if (item) await reconcile();
    },
  };
}

export function outcomeOf(reply: SettleReply): Pick<StoredBatchItem, 'state'> & Partial<StoredBatchItem> {
  if (reply.httpStatus >= 400) return { state: 'load-failed', reason: `HTTP ${reply.httpStatus}`, finalUrl: reply.url };
  if (!isWebPageType(reply.contentType)) return { state: 'not-web', reason: reply.contentType, finalUrl: reply.url };
  const result = reply.state.result;
  if (!result) return { state: 'load-failed', reason: 'no-audit', finalUrl: reply.url };
  return {
    state: reply.timedOut ? 'timed-out' : 'audited',
    finalUrl: result.url,
    ...(reply.state.auditId === null ? {} : { auditId: reply.state.auditId }),
    grade: result.grade,
    verdict: result.verdict,
    score: result.score,
  };
}

function noAnswerOutcome(tab: Browser.tabs.Tab, past: boolean): Pick<StoredBatchItem, 'state'> & Partial<StoredBatchItem> {
  const url = tab.url ?? tab.pendingUrl ?? '';
  if (url && !isHttpUrl(url)) return { state: 'not-web', reason: 'not-http', finalUrl: url };
  if (tab.status === 'loading' && past) return { state: 'timed-out', reason: 'not-loaded' };
  return { state: 'load-failed', reason: 'no-response', ...(url ? { finalUrl: url } : {}) };
}

/** Wires the runner to the events that wake a service worker. */
export function registerBatchRunner(db: LiangzhaoDatabase): void {
  const runner = createBatchRunner(db);
  listen({
    'batch:wake': (_message, sender) =>
      sender.id !== browser.runtime.id ? undefined : runner.reconcile().then(() => ({ ok: true as const })),
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'complete') void runner.tabLoaded(tabId);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BATCH_ALARM) void runner.reconcile();
  });
  browser.runtime.onStartup.addListener(() => void runner.reconcile());
  // Every start of the worker picks up where the last one stopped.
  void runner.reconcile();
}
