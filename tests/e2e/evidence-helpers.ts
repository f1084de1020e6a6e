/** Capturing evidence as a person does, and reading what was stored, for the evidence end-to-end tests. */
import type { Page } from 'puppeteer-core';
import { storedAudits, tabIdOf, waitFor, type ExtensionSession } from './harness';

export interface StoredRow {
  [field: string]: unknown;
}

/** Rows of one object store, read in the service worker; Blobs come back as base64 with their type. */
export async function readStore(session: ExtensionSession, store: string): Promise<StoredRow[]> {
  return session.worker.evaluate(
    (name: string) =>
      new Promise<StoredRow[]>((ok, fail) => {
        const open = indexedDB.open('liangzhao');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onerror = () => fail(request.error);
          request.onsuccess = async () => {
            const rows = await Promise.all(
              (request.result as StoredRow[]).map(async (row) => {
                const out: StoredRow = {};
                for (const [key, value] of Object.entries(row)) {
                  if (value instanceof Blob) {
                    const bytes = new Uint8Array(await value.arrayBuffer());
                    let binary = '';
                    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
                    out[key] = { base64: btoa(binary), type: value.type };
                  } else out[key] = value;
                }
                return out;
              }),
            );
            open.result.close();
            ok(rows);
          };
        };
      }),
    store,
  );
}

export const bytesOf = (blob: unknown) => Buffer.from((blob as { base64: string }).base64, 'base64');

/** Opens the page, waits for its audit, then captures from the popup as a person would. */
export async function captureFromPopup(session: ExtensionSession, origin: string, path: string, caseFields?: Record<string, string>) {
  const page = await session.browser.newPage();
  await page.goto(`${origin}/${path}`);
  const tabId = await tabIdOf(session, page);
  await waitFor(() => storedAudits(session), (rows) => rows.some((r) => String(r.url).endsWith(path)));
  return { page, tabId, ...(await captureFromAction(session, page, caseFields)) };
}

/** Opens the popup through the toolbar action (which grants `activeTab`) on `page` and captures from it. */
export async function captureFromAction(session: ExtensionSession, page: Page, caseFields?: Record<string, string>) {
  const extension = (await session.browser.extensions()).get(session.extensionId)!;
  // A popup closed a moment ago may still be listed: wait for the one this click opens.
  const earlier = new Set(session.browser.targets().filter((t) => t.url().endsWith('/popup.html')));
  await page.bringToFront();
  await page.triggerExtensionAction(extension);
  const target = await session.browser.waitForTarget((t) => t.url().endsWith('/popup.html') && !earlier.has(t), { timeout: 10_000 });
  const popup = (await target.asPage())!;
  await popup.waitForSelector('[data-testid=capture-evidence]');
  if (caseFields) {
    for (const [field, value] of Object.entries(caseFields)) {
      await popup.click(`.case-fields summary`).catch(() => undefined);
      await popup.$eval(`input[name=${field}]`, (input, v) => {
        (input as HTMLInputElement).value = v as string;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, value);
    }
  }
  await popup.click('[data-testid=capture-evidence]');
  await popup.waitForSelector('[data-testid=capture-status] .banner', { timeout: 20_000 });
  const status = await popup.$eval('[data-testid=capture-status] .banner', (el) => ({ text: el.textContent ?? '', ok: el.classList.contains('banner--ok') }));
  const exportLink = await popup.$eval('[data-testid=capture-status] a', (a) => (a as HTMLAnchorElement).href).catch(() => null);
  await popup.close();
  return { status, exportLink };
}
