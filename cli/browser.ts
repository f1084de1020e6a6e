/**
 * Headless Chromium through puppeteer-core, for audits that need computed styles and layout (`--browser`) and for
 * the bench. The engine is injected as its IIFE bundle and run in the page, exactly as the content script runs it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { AuditOptions, AuditResult, Locale } from '../rules/types';
import type { TermsDocument } from '../rules/terms/types';
import { ENGINE_GLOBAL, engineBundle } from './engine-bundle';
import { LATE_CONTENT, type LateContentLimits, type LateContentWait } from './late-content';
import { isWebUrl } from './load';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const NAVIGATION_TIMEOUT_MS = 30_000;

export interface ChromiumSession {
  browser: Browser;
  close(): Promise<void>;
}

/** A fresh profile each time; `close()` removes it. Always close in `finally`. */
export async function launchChromium(): Promise<ChromiumSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'liangzhao-cli-'));
  try {
    const browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      userDataDir,
      args: CHROMIUM_ARGS,
    });
    return {
      browser,
      async close() {
        await browser.close().catch(() => undefined);
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

export function pageUrlFor(input: string): string {
  return isWebUrl(input) ? input : pathToFileURL(resolve(input)).href;
}

/**
 * Resolves `true` once the DOM has had no mutation for `quietMs`, or `false` after `maxMs` whatever happens (a
 * ticker never settles). A string, not a function: the page gets exactly this code, without any transpiler helpers.
 */
export function waitForQuietScript(quietMs: number, maxMs: number): string {
  return `new Promise((resolve) => {
    let quiet = 0, deadline = 0;
    const observer = new MutationObserver(() => { clearTimeout(quiet); quiet = setTimeout(() => done(true), ${quietMs}); });
    function done(settled) { observer.disconnect(); clearTimeout(quiet); clearTimeout(deadline); resolve(settled); }
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    quiet = setTimeout(() => done(true), ${quietMs});
    deadline = setTimeout(() => done(false), ${Math.max(0, maxMs)});
  })`;
}

/** Scrolls one step down; resolves whether the bottom of the page (as long as it is now) was reached. */
function scrollStepScript(stepPx: number): string {
  return `(() => {
    window.scrollBy(0, ${stepPx});
    const root = document.scrollingElement || document.documentElement;
    return window.scrollY + window.innerHeight >= root.scrollHeight - 1;
  })()`;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits for late content: scrolls to the bottom in steps (lazy parts load), then waits until the network has been
 * idle for `quietMs` and then the DOM quiet for `quietMs`; again while the page grew meanwhile. Never longer than
 * `maxWaitMs` from the start.
 */
export async function waitForLateContent(page: Page, limits: LateContentLimits = LATE_CONTENT): Promise<LateContentWait> {
  const start = Date.now();
  const remaining = () => limits.maxWaitMs - (Date.now() - start);
  let settled = false;
  while (!settled && remaining() > 0) {
    while (remaining() > 0 && !(await page.evaluate(scrollStepScript(limits.scrollStepPx)))) await pause(limits.scrollPauseMs);
    const height = await page.evaluate('(document.scrollingElement || document.documentElement).scrollHeight');
    const networkIdle = await page
      .waitForNetworkIdle({ idleTime: limits.quietMs, timeout: Math.max(1, remaining()) })
      .then(() => true, () => false);
    const domQuiet = networkIdle && (await page.evaluate(waitForQuietScript(limits.quietMs, remaining())));
    const grew = (await page.evaluate('(document.scrollingElement || document.documentElement).scrollHeight')) !== height;
    settled = networkIdle && domQuiet === true && !grew;
  }
  return { quietMs: limits.quietMs, maxWaitMs: limits.maxWaitMs, waitedMs: Date.now() - start, limitReached: !settled };
}

/** Opens the input, waits for late content, and injects the engine (idempotent). */
export async function openForAudit(
  browser: Browser,
  input: string,
  limits: LateContentLimits = LATE_CONTENT,
): Promise<{ page: Page; wait: LateContentWait }> {
  const page = await browser.newPage();
  try {
    const response = await page.goto(pageUrlFor(input), { waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS });
    if (response && response.status() >= 400) throw new Error(`HTTP ${response.status()} ${response.statusText()}`.trim());
    const wait = await waitForLateContent(page, limits);
    await injectEngine(page);
    return { page, wait };
  } catch (error) {
    await page.close().catch(() => undefined);
    throw error;
  }
}

export async function injectEngine(page: Page): Promise<void> {
  const loaded = await page.evaluate(`typeof globalThis.${ENGINE_GLOBAL} === 'object'`);
  if (!loaded) await page.evaluate(await engineBundle());
}

/** The terms document of the page as the browser has built it (clauses, stated dates, digest). */
export async function termsDocumentInPage(page: Page): Promise<TermsDocument> {
  return (await page.evaluate(`globalThis.${ENGINE_GLOBAL}.extractTermsDocument(document, location.href)`)) as TermsDocument;
}

export async function auditInPage(page: Page, locale: Locale, address: Pick<AuditOptions, 'url' | 'location'> = {}): Promise<AuditResult> {
  const options = JSON.stringify({ mode: 'browser', locale, ...address });
  return (await page.evaluate(`globalThis.${ENGINE_GLOBAL}.auditDocumentAsync(document, ${options})`)) as AuditResult;
}
