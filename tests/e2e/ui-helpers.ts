import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { type ExtensionSession, tabIdOf, waitFor, storedAudits } from './harness';
import { auditRowOf } from '@/storage/audit-rows';

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');

/** Opens a fixture page in a tab and waits until the extension has stored its audit. */
export async function openAudited(session: ExtensionSession, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.browser.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(session, page);
  await waitFor(
    () => storedAudits(session),
    (rows) => rows.some((row) => row.url === url && row.tabId === tabId),
  );
  return { page, tabId };
}

/** The popup, opened as a tab for `tabId`; every dialog it opens is recorded (none may open). */
export async function openPopup(session: ExtensionSession, tabId: number): Promise<{ popup: Page; dialogs: string[] }> {
  const popup = await session.browser.newPage();
  const dialogs: string[] = [];
  popup.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await popup.setBypassCSP(true);
  await popup.setViewport({ width: 420, height: 900 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  return { popup, dialogs };
}

export async function openDashboard(session: ExtensionSession): Promise<{ dashboard: Page; dialogs: string[] }> {
  const dashboard = await session.browser.newPage();
  const dialogs: string[] = [];
  dashboard.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await dashboard.setBypassCSP(true);
  await dashboard.setViewport({ width: 1280, height: 900 });
  await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
  // The page draws once its language's messages have loaded, which can be after its load event.
  await dashboard.waitForSelector('.tab[data-view]');
  return { dashboard, dialogs };
}

export interface AxeViolation {
  id: string;
  help: string;
  targets: string[];
}

/** Runs axe-core in the page (WCAG 2 A/AA and best practices) and returns its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const { violations } = await (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run(document);
    return violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/**
 * Chooses `value` in the select `selector` once that option exists (lists such as the site list load
 * after the select is drawn), and waits until the select holds it: puppeteer's `select` silently does
 * nothing for an option not there yet.
 */
export async function choose(page: Page, selector: string, value: string): Promise<void> {
  await page.waitForFunction(
    (s, v) => [...(document.querySelector<HTMLSelectElement>(s)?.options ?? [])].some((o) => o.value === v),
    { timeout: 10_000 },
    selector,
    value,
  );
  await page.select(selector, value);
  await page.waitForFunction((s, v) => document.querySelector<HTMLSelectElement>(s)?.value === v, { timeout: 10_000 }, selector, value);
}

/** The visible text of the first element `selector` finds, or null. */
export function textOf(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
}

/** Adds audit rows straight into the extension's IndexedDB (from the service worker), in chunks. */
export async function seedAudits(session: ExtensionSession, rows: Array<Record<string, unknown>>, chunk = 1_000) {
  // Straight into IndexedDB, as Dexie stores them: each audit and its history row (storage/audit-rows.ts).
  const seeded = rows.map((audit) => ({ audit, row: auditRowOf(audit as { result: unknown }) }));
  for (let i = 0; i < seeded.length; i += chunk) {
    await session.worker.evaluate(
      (batch: Array<{ audit: Record<string, unknown>; row: Record<string, unknown> }>) =>
        new Promise<void>((ok, fail) => {
          const open = indexedDB.open('liangzhao');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(['audits', 'auditRows'], 'readwrite');
            for (const { audit, row } of batch) {
              const added = tx.objectStore('audits').add(audit);
              added.onsuccess = () => tx.objectStore('auditRows').add({ ...row, id: added.result });
            }
            tx.oncomplete = () => {
              open.result.close();
              ok();
            };
            tx.onerror = () => fail(tx.error);
          };
        }),
      seeded.slice(i, i + chunk),
    );
  }
}
