/**
 * The gatherer in real Chromium, as the content script runs it: computed-style visibility, open shadow roots and
 * same-origin frames, which a static parse cannot see. Skipped where no Chromium is installed.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Facts } from '@/rules/types';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>
  body { background: #fff; color: #333; font-size: 14px }
  .gone { display: none } .ghost { visibility: hidden } .faded { opacity: 0 }
  .away { position: absolute; left: -5000px } .tiny { font-size: 6px } .same { color: #fff }
</style></head><body>
  <p id="shown"><a href="https://beian.miit.gov.cn/">京ICP备10000001号</a></p>
  <p class="gone">京ICP备10000002号</p>
  <p class="ghost">京ICP备10000003号</p>
  <p class="faded">京ICP备10000004号</p>
  <p class="away">京ICP备10000005号</p>
  <p class="tiny">京ICP备10000006号</p>
  <p class="same">京ICP备10000007号</p>
  <details><summary>备案</summary><p>京ICP备10000008号</p></details>
  <site-footer id="host"></site-footer>
  <iframe id="frame" srcdoc="<p>客服电话：400-123-4567</p><p><a href='/help/privacy.html'>隐私政策</a></p>"></iframe>
  <script>
    document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML =
      '<footer><span>京ICP备10000009号</span></footer>';
  </script>
</body></html>`;

let browser: Browser | undefined;
let page: Page | undefined;
let userDataDir = '';

async function gather(fn: 'gatherFacts' | 'gatherFactsAsync'): Promise<Facts> {
  return (await page!.evaluate(
    `Promise.resolve(LiangzhaoGather.${fn}(document, { url: location.href, mode: 'browser' }))`,
  )) as Facts;
}

describe.skipIf(!existsSync(CHROME))('gatherer in Chromium (browser mode)', () => {
  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [resolve(__dirname, '../../../rules/collect.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'LiangzhaoGather',
      platform: 'browser',
      write: false,
    });
    userDataDir = mkdtempSync(join(tmpdir(), 'lz-gather-'));
    browser = await puppeteer.launch({
      executablePath: CHROME,
      headless: true,
      userDataDir,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage();
    // Served from a real origin, so relative links have a base.
    await page.setRequestInterception(true);
    page.on('request', (request) =>
      request.url() === 'https://shop.example.cn/'
        ? request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE })
        : request.abort(),
    );
    await page.goto('https://shop.example.cn/', { waitUntil: 'load' });
    await page.evaluate(bundle.outputFiles[0].text);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('judges visibility from computed style and layout', async () => {
    const facts = await gather('gatherFacts');
    const bySerial = Object.fromEntries(facts.icp.map((f) => [f.serial, [f.visible, f.hiddenReason ?? null]]));
    expect(bySerial).toEqual({
      '10000001': [true, null],
      '10000002': [false, 'display-none'],
      '10000003': [false, 'visibility-hidden'],
      '10000004': [false, 'opacity-zero'],
      '10000005': [false, 'off-screen'],
      '10000006': [false, 'tiny-font'],
      '10000007': [false, 'same-colour'],
      '10000008': [false, 'closed-details'],
      '10000009': [true, null],
    });
  });

  it('walks open shadow roots and same-origin frames, with the path to their root', async () => {
    const facts = await gather('gatherFacts');
    const shadow = facts.icp.find((f) => f.serial === '10000009')!;
    expect(shadow.rootPath).toEqual(['#host']);
    const found = await page!.evaluate(
      (path: string[], selector: string) =>
        document.querySelector(path[0])!.shadowRoot!.querySelector(selector)?.textContent ?? null,
      shadow.rootPath!,
      shadow.selector,
    );
    expect(found).toBe('京ICP备10000009号');
    expect(facts.phones).toMatchObject([{ normalized: '4001234567', rootPath: ['#frame'], visible: true }]);
    // A srcdoc frame's links resolve against the page's own URL.
    expect(facts.terms.privacyPolicy).toMatchObject([{ href: 'https://shop.example.cn/help/privacy.html' }]);
    expect(facts.gatherErrors).toEqual([]);
  });

  it('gives the same facts in time slices', async () => {
    expect(await gather('gatherFactsAsync')).toEqual(await gather('gatherFacts'));
  });
});
