/**
 * Headless Chromium through puppeteer-core, for audits that need computed styles and layout (`--browser`) and for
 * the bench. The engine is injected as its IIFE bundle and run in the page, exactly as the content script runs it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { AuditResult, Locale } from '../rules/types';
import { ENGINE_GLOBAL, engineBundle } from './engine-bundle';
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
export const QUIET_MS = 1_000;
export const QUIET_MAX_MS = 10_000;

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
 * Resolves once the DOM has had no mutation for `quietMs`, or after `maxMs` whatever happens (a ticker never
 * settles). A string, not a function: the page gets exactly this code, without any transpiler helpers.
 */
export function waitForQuietScript(quietMs = QUIET_MS, maxMs = QUIET_MAX_MS): string {
  return `new Promise((resolve) => {
    let quiet = 0, deadline = 0;
    const observer = new MutationObserver(() => { clearTimeout(quiet); quiet = setTimeout(done, ${quietMs}); });
    function done() { observer.disconnect(); clearTimeout(quiet); clearTimeout(deadline); resolve(true); }
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    quiet = setTimeout(done, ${quietMs});
    deadline = setTimeout(done, ${maxMs});
  })`;
}

/** Opens the input, waits for a quiet DOM, and injects the engine (idempotent). */
export async function openForAudit(browser: Browser, input: string): Promise<Page> {
  const page = await browser.newPage();
  const response = await page.goto(pageUrlFor(input), { waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS });
  if (response && response.status() >= 400) throw new Error(`HTTP ${response.status()} ${response.statusText()}`.trim());
  await page.evaluate(waitForQuietScript());
  await injectEngine(page);
  return page;
}

export async function injectEngine(page: Page): Promise<void> {
  const loaded = await page.evaluate(`typeof globalThis.${ENGINE_GLOBAL} === 'object'`);
  if (!loaded) await page.evaluate(await engineBundle());
}

export async function auditInPage(page: Page, locale: Locale): Promise<AuditResult> {
  const options = JSON.stringify({ mode: 'browser', locale });
  return (await page.evaluate(`globalThis.${ENGINE_GLOBAL}.auditDocumentAsync(document, ${options})`)) as AuditResult;
}
