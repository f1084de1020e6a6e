import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { CHROMIUM_ARGS } from '@/cli/browser';

/** The test build (`npm run build:e2e`), never the `.output/chrome-mv3` a person loads. */
export const EXTENSION_PATH = resolve('.output-e2e/chrome-mv3');
export const PAGES_DIR = resolve('tests/e2e/pages');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Serves the fixture pages on 127.0.0.1, as a real site would, so content scripts run on them. */
export async function serveFixtures(dir = PAGES_DIR): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const path = requestedPath(req.url);
    if (path === null) return void res.writeHead(400).end('bad request');
    const file = join(dir, path || 'index.html');
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return listenLocally(server);
}

/** The file path a request asks for, or null when its percent-encoding is malformed (a stray `%` must not throw). */
function requestedPath(url: string | undefined): string | null {
  try {
    return normalize(decodeURIComponent(new URL(url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
  } catch {
    return null;
  }
}

/** Starts `server` on a free port of 127.0.0.1: its origin, and how to close it. */
export async function listenLocally(server: Server): Promise<{ origin: string; close: () => Promise<void> }> {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    // Chromium keeps connections alive (and a batch page may never stop asking): close them, or close() waits.
    close: () => new Promise<void>((ok) => { server.close(() => ok()); server.closeAllConnections(); }),
  };
}

export interface ExtensionSession {
  browser: Browser;
  extensionId: string;
  worker: WebWorker;
  close: () => Promise<void>;
}

/** Chromium with the built extension loaded, in a fresh profile. Always `close()` it (use try/finally or afterAll). */
export async function launchWithExtension(extraArgs: readonly string[] = [], extensionPath = EXTENSION_PATH): Promise<ExtensionSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'liangzhao-e2e-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    userDataDir,
    pipe: true,
    enableExtensions: [extensionPath],
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
  const close = async () => {
    await browser.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    const target = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
      { timeout: 15_000 },
    );
    const worker = await target.worker();
    if (!worker) throw new Error('the extension service worker did not start');
    const extensionId = new URL(target.url()).host;
    return { browser, extensionId, worker, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export interface FixtureBrowsing {
  session: ExtensionSession;
  site: Awaited<ReturnType<typeof serveFixtures>>;
  close: () => Promise<void>;
}

/** The fixture site and Chromium with the extension, started together and closed together. */
export async function browseFixtures(): Promise<FixtureBrowsing> {
  const site = await serveFixtures();
  try {
    const session = await launchWithExtension();
    return { session, site, close: async () => void (await Promise.all([session.close(), site.close()])) };
  } catch (error) {
    await site.close();
    throw error;
  }
}

/** The id Chromium gave the tab a puppeteer page lives in, asked of the extension itself. */
export async function tabIdOf(session: ExtensionSession, page: Page): Promise<number> {
  await page.bringToFront();
  const url = page.url();
  const id = await session.worker.evaluate(async (pageUrl: string) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === pageUrl)?.id ?? (await chrome.tabs.query({ active: true }))[0]?.id;
  }, url);
  if (typeof id !== 'number') throw new Error(`no tab found for ${url}`);
  return id;
}

export interface BadgeState {
  text: string;
  colour: [number, number, number, number];
}

export async function badgeOf(session: ExtensionSession, tabId: number): Promise<BadgeState> {
  return session.worker.evaluate(async (id: number) => {
    const text = await chrome.action.getBadgeText({ tabId: id });
    const colour = (await chrome.action.getBadgeBackgroundColor({ tabId: id })) as [number, number, number, number];
    return { text, colour };
  }, tabId);
}

/** Polls until `read` returns a value `done` accepts, or fails with the last value seen. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(last)}`);
    await new Promise((ok) => setTimeout(ok, 100));
    last = await read();
  }
  return last;
}

export function hexToRgba(hex: string): [number, number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

/** Every stored audit, read from the extension's own IndexedDB in the service worker. */
export async function storedAudits(session: ExtensionSession): Promise<Array<Record<string, unknown>>> {
  return session.worker.evaluate(
    () =>
      new Promise<Array<Record<string, unknown>>>((ok, fail) => {
        const open = indexedDB.open('liangzhao');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('audits').objectStore('audits').getAll();
          request.onsuccess = () => {
            ok(request.result);
            open.result.close();
          };
          request.onerror = () => fail(request.error);
        };
      }),
  );
}
