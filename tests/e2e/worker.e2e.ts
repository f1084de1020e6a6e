import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page, Target, WebWorker } from 'puppeteer-core';
import { browseFixtures, EXTENSION_PATH, waitFor, type FixtureBrowsing } from './harness';

const PENDING_KEY = 'liangzhao.pendingAudits';
const isWorker = (t: Target) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://');

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

/**
 * Stops the extension's service worker as Chromium does when it is idle, and tells when it has stopped through
 * DevTools' ServiceWorker domain (what chrome://serviceworker-internals shows). The worker's target belongs to its
 * version, not to one run, so a worker started again at once keeps it: only the running status says it stopped.
 */
async function workerControl(browsing: FixtureBrowsing) {
  const { browser, extensionId } = browsing.session;
  const scope = `chrome-extension://${extensionId}/`;
  const cdp = await (await browser.newPage()).createCDPSession();
  let latest: WorkerVersion | undefined;
  let stops = 0;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: WorkerVersion[] }) => {
    for (const version of versions) {
      if (!version.scriptURL.startsWith(scope)) continue;
      if (version.runningStatus === 'stopped' && latest?.runningStatus !== 'stopped') stops++;
      latest = version;
    }
  });
  await cdp.send('ServiceWorker.enable');
  return {
    /** Stops the worker now, whatever it is doing, and resolves once it has stopped. */
    async stop(): Promise<void> {
      const version = (await waitFor(async () => latest, (seen) => seen !== undefined)) as WorkerVersion;
      if (version.runningStatus === 'stopped') return;
      const before = stops;
      // Closing the target also detaches puppeteer, which would otherwise hold the next run paused at its start. The
      // detach fails when the worker has already gone with its session: the running status is what is checked.
      const target = await browser.waitForTarget(isWorker, { timeout: 15_000 });
      await (await target.worker())?.close().catch(() => undefined);
      await waitFor(async () => stops, (count) => count > before, 15_000);
    },
    /**
     * Loads the built extension again over the installed one, as an update does: same id, a new worker version.
     * Resolves once the new version runs, which is when its install handlers have been called.
     */
    async update(): Promise<void> {
      const before = latest?.versionId;
      await browser.installExtension(EXTENSION_PATH);
      await waitFor(async () => latest, (seen) => seen?.versionId !== before && seen?.runningStatus === 'running', 15_000);
    },
  };
}

/** An extension page to read the database and storage from, whether the worker runs or not. */
async function extensionPage(browsing: FixtureBrowsing): Promise<Page> {
  const page = await browsing.session.browser.newPage();
  await page.goto(`chrome-extension://${browsing.session.extensionId}/dashboard.html`);
  return page;
}

/** Every stored audit's id, URL and tab. */
async function storedRows(page: Page): Promise<Array<{ id: number; url: string; tabId: number }>> {
  return page.evaluate(
    () =>
      new Promise<Array<{ id: number; url: string; tabId: number }>>((ok, fail) => {
        const open = indexedDB.open('liangzhao');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('audits').objectStore('audits').getAll();
          request.onsuccess = () => {
            open.result.close();
            ok((request.result as Array<{ id: number; url: string; tabId: number }>).map(({ id, url, tabId }) => ({ id, url, tabId })));
          };
          request.onerror = () => fail(request.error);
        };
      }),
  );
}

/** How many stored audits each URL has. */
async function storedPerUrl(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { url } of await storedRows(page)) counts[url] = (counts[url] ?? 0) + 1;
  return counts;
}

async function pendingAudits(page: Page): Promise<number> {
  return page.evaluate(async (key: string) => ((await chrome.storage.local.get(key))[key] as unknown[] | undefined)?.length ?? 0, PENDING_KEY);
}

/** The audit id the tab's content script holds: set once its report was answered. */
async function reportedAuditId(page: Page, tabId: number): Promise<number | null> {
  return page.evaluate(
    (id: number) =>
      chrome.tabs
        .sendMessage(id, { type: 'page:current' }, { frameId: 0 })
        .then((state: { auditId: number | null }) => state.auditId)
        .catch(() => null),
    tabId,
  );
}

/**
 * What every tab's content script holds (the URL its audit read, the row it was answered with), to say where an audit
 * that was slow to arrive, or never did, was held up. Tab URLs are not visible without the tabs permission: the
 * script's own result names its page, and a tab whose script has no audit yet says so.
 */
async function tabStates(page: Page): Promise<string> {
  const states = await page.evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    return Promise.all(
      tabs.map((tab) =>
        chrome.tabs
          .sendMessage(tab.id!, { type: 'page:current' }, { frameId: 0 })
          .then(
            (state: { result: { url: string } | null; auditId: number | null; undelivered?: { tries: number; error: string } }) =>
              `${tab.id}: ${state.result?.url ?? 'no audit yet'} → ${state.auditId}` +
              (state.undelivered ? ` (${state.undelivered.tries} failed tries, last: ${state.undelivered.error})` : ''),
          )
          .catch((error: Error) => `${tab.id}: ${error.message}`),
      ),
    );
  });
  return `${states.join('; ')}; ${await pendingAudits(page)} pending`;
}

/** The toolbar badge's text on a tab, read from an extension page. */
async function badgeText(page: Page, tabId: number): Promise<string> {
  return page.evaluate((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Makes the running worker's database refuse every write, as a full disk does; a new worker starts clean. */
async function refuseWrites(worker: WebWorker): Promise<void> {
  await worker.evaluate(() => {
    IDBObjectStore.prototype.add = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
}

describe('a service worker that may stop at any moment', () => {
  let browsing: FixtureBrowsing;
  beforeEach(async () => {
    browsing = await browseFixtures();
  });
  afterEach(async () => {
    await browsing?.close();
  });

  it('stores every audit exactly once when the worker is stopped while tabs are being audited', async () => {
    const { session, site } = browsing;
    const worker = await workerControl(browsing);
    const urls = ['compliant-home', 'no-disclosures', 'icp-linked', 'article'].map((name) => `${site.origin}/${name}.html`);
    const tabs = await Promise.all(urls.map(() => session.browser.newPage()));
    const loading = Promise.all(tabs.map((tab, i) => tab.goto(urls[i])));
    await worker.stop();
    await loading;
    await worker.stop();

    const reader = await extensionPage(browsing);
    // A report the stopping worker refused, or left unanswered, is sent again after waits that double up to 8 s and
    // a 10 s reply limit (entrypoints/content/auditor.ts): on a loaded machine the last audit can take a minute.
    const waitedFrom = Date.now();
    const allStored = (stored: Array<{ url: string }>) => urls.every((url) => stored.some((row) => row.url === url));
    const rows = await waitFor(() => storedRows(reader), allStored, 100_000).catch(async (error: Error) => {
      throw new Error(`${error.message}; tabs: ${await tabStates(reader)}`);
    });
    if (Date.now() - waitedFrom > 20_000) console.warn(`every audit stored after ${Date.now() - waitedFrom} ms; tabs: ${await tabStates(reader)}`);
    // Each tab was answered with the row its audit was stored as: a report the worker took is never left unanswered.
    for (const url of urls) {
      const row = rows.find((stored) => stored.url === url);
      await waitFor(() => reportedAuditId(reader, row!.tabId), (id) => id === row!.id);
    }
    await waitFor(() => pendingAudits(reader), (pending) => pending === 0);
    const counts = await storedPerUrl(reader);
    expect(Object.fromEntries(urls.map((url) => [url, counts[url]]))).toEqual(Object.fromEntries(urls.map((url) => [url, 1])));
  }, 180_000);

  it('stores a refused audit once, after the worker that queued it was stopped', async () => {
    const { session, site } = browsing;
    const worker = await workerControl(browsing);
    const reader = await extensionPage(browsing);
    await refuseWrites(session.worker);
    const url = `${site.origin}/compliant-home.html`;
    const tab = await session.browser.newPage();
    await tab.goto(url);
    await waitFor(() => pendingAudits(reader), (pending) => pending === 1);
    expect((await storedPerUrl(reader))[url]).toBeUndefined();

    await worker.stop();
    // The retry alarm (or the next start) wakes a new worker, which writes what the stopped one queued.
    await waitFor(() => pendingAudits(reader), (pending) => pending === 0, 30_000);
    expect((await storedPerUrl(reader))[url]).toBe(1);
  });

  it('stores what the old version had queued once after an update, and audits open tabs again on their next navigation', async () => {
    const { session, site } = browsing;
    const worker = await workerControl(browsing);
    const audited = `${site.origin}/compliant-home.html`;
    const queued = `${site.origin}/no-disclosures.html`;
    const tab = await session.browser.newPage();
    await tab.goto(audited);
    const before = await extensionPage(browsing);
    await waitFor(() => storedPerUrl(before), (counts) => counts[audited] === 1);
    await refuseWrites(session.worker);
    await (await session.browser.newPage()).goto(queued);
    await waitFor(() => pendingAudits(before), (pending) => pending === 1);

    await worker.update();
    // The update closed the old version's pages; the new version's worker drains the queue the old one left.
    const after = await extensionPage(browsing);
    await waitFor(() => pendingAudits(after), (pending) => pending === 0, 30_000);
    expect(await storedPerUrl(after)).toEqual({ [audited]: 1, [queued]: 1 });

    // The open tab keeps the old version's orphaned script, which nothing can reach, until it navigates; then the new
    // version's script audits it. The re-audit says what the stored one says, so it is answered with that row.
    const row = (await storedRows(after)).find((stored) => stored.url === audited)!;
    expect(await reportedAuditId(after, row.tabId)).toBeNull();
    await tab.reload();
    await waitFor(() => reportedAuditId(after, row.tabId), (id) => id === row.id, 30_000);
    expect(await waitFor(() => badgeText(after, row.tabId), (text) => text !== '')).toMatch(/^[A-F]\??$/);
    expect(await storedPerUrl(after)).toEqual({ [audited]: 1, [queued]: 1 });
  });
});
