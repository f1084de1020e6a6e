import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, storedAudits, waitFor, type ExtensionSession } from './harness';
import { serveBatchSite, type BatchPage } from './batch-site';
import { AUDIT_SCHEMA } from '@/rules/types';

let session: ExtensionSession;
let site: Awaited<ReturnType<typeof serveBatchSite>>;
let dashboard: Page;
let downloads: string;
/** The grade the extension's batch gave each row of the list (from its JSON export). */
let extensionGrades: Array<string | null> = [];

beforeAll(async () => {
  site = await serveBatchSite();
  session = await launchWithExtension();
  downloads = mkdtempSync(join(tmpdir(), 'liangzhao-batch-downloads-'));
  dashboard = await session.browser.newPage();
  await dashboard.setViewport({ width: 1280, height: 900 });
  const cdp = await dashboard.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
  // Drawn once its language's messages have loaded, which can be after its load event.
  await dashboard.waitForSelector('.tab[data-view]');
});

afterAll(async () => {
  await session?.close();
  await site?.close();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

interface Row {
  index: number;
  outcome: string;
  text: string;
}

function rowsOf(page: Page): Promise<Row[]> {
  return page.$$eval('.batch-results tbody tr', (trs) =>
    trs.map((tr) => ({
      index: Number(tr.getAttribute('data-item-index')),
      outcome: tr.getAttribute('data-outcome') ?? '',
      text: tr.textContent ?? '',
    })),
  );
}

/**
 * Stops the extension's service worker the way the browser does when it idles, and waits until it has stopped
 * (the next event, a batch tab loading or the alarm, starts it again).
 */
async function stopServiceWorker(): Promise<void> {
  // A DevTools session left attached to the worker keeps its next start waiting for the debugger.
  await session.worker.client.detach();
  const blank = await session.browser.newPage();
  const cdp = await blank.createCDPSession();
  const stopped = new Promise<void>((ok) =>
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.startsWith(`chrome-extension://${session.extensionId}/`) && v.runningStatus === 'stopped')) ok();
    }),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await blank.close();
}

describe('batch audit', () => {
  it('counts a pasted list, runs it through a stopped service worker, and records the right outcome per row', async () => {
    const list = [
      ...site.pages.map((page) => page.url),
      site.pages[0].url, // a duplicate
      'ftp://files.example.cn/list.txt', // not http(s)
      'not a url at all',
    ].join('\n');
    await dashboard.click('.tab[data-view="batch"]');
    await dashboard.waitForSelector('textarea[name=urls]');
    await dashboard.$eval(
      'textarea[name=urls]',
      (el, value) => {
        (el as HTMLTextAreaElement).value = value as string;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      },
      list,
    );
    const counts = await dashboard.$eval('[data-testid=batch-counts]', (el) => el.textContent);
    expect(counts).toBe('有效 20 个 · 重复 1 个 · 非 http(s) 1 个 · 无法识别 1 个');
    await dashboard.type('input[name=name]', '东城区网店抽查');
    await dashboard.click('form.batch-new button[type=submit]');
    await dashboard.waitForSelector('.batch-detail');

    // Mid-batch, the worker stops; the batch must go on when it starts again, losing and repeating nothing.
    await waitFor(() => rowsOf(dashboard), (rows) => rows.filter((r) => !['queued', 'open'].includes(r.outcome)).length >= 5, 60_000);
    await stopServiceWorker();

    const rows = await waitFor(
      () => rowsOf(dashboard),
      (all) => all.length === 20 && all.every((r) => !['queued', 'open'].includes(r.outcome)),
      150_000,
    );
    const expected = site.pages.map((page: BatchPage) => page.outcome);
    expect(rows.map((r) => r.outcome)).toEqual(expected);
    const moved = site.pages.findIndex((page) => page.redirects);
    expect(rows[moved].text).toContain('→');
    expect(rows[moved].text).toContain('via=moved');
    expect(await dashboard.$eval('[data-testid=batch-progress]', (el) => el.textContent)).toContain('已完成 20 / 20');
    expect(await dashboard.title()).toContain('20/20');

    // Every page was requested once: none opened twice, none skipped.
    for (const page of site.pages) {
      const url = new URL(page.url);
      if (url.origin !== site.origin) continue;
      expect(site.requests.get(url.pathname + url.search), page.url).toBe(1);
    }
    expect(site.requests.get('/compliant-home.html?via=moved')).toBe(1);

    // Each audited (or timed-out) row made exactly one audit, tagged with the batch, and nothing else was audited.
    const target = await session.browser.waitForTarget((t) => t.type() === 'service_worker', { timeout: 40_000 });
    session.worker = (await target.worker())!;
    const audits = await storedAudits(session);
    const tagged = audits.filter((audit) => audit.batchId !== undefined);
    expect(tagged).toHaveLength(expected.filter((o) => o === 'audited' || o === 'timed-out').length);
    expect(new Set(tagged.map((a) => a.batchItemId)).size).toBe(tagged.length);
    expect(audits).toHaveLength(tagged.length);
  }, 240_000);

  it('filters and sorts the results like the history', async () => {
    await dashboard.select('select[name=outcome]', 'load-failed');
    await waitFor(() => rowsOf(dashboard), (rows) => rows.length === 3);
    await dashboard.select('select[name=outcome]', '');
    await dashboard.click('button.sort[data-column=score]');
    const rows = await waitFor(() => rowsOf(dashboard), (all) => all.length === 20 && all[0].outcome === 'audited');
    expect(rows.slice(-4).every((r) => r.outcome !== 'audited' && r.outcome !== 'timed-out')).toBe(true);
    await dashboard.click('button.sort[data-column=index]');
    await waitFor(() => rowsOf(dashboard), (all) => all[0]?.index === 0);
  });

  it('exports the batch as CSV, JSON and a ZIP with its name, list and times', async () => {
    const exported = async (format: string) => {
      const before = new Set(readdirSync(downloads));
      await dashboard.click(`button[data-export=${format}]`);
      const name = await waitFor(
        async () => readdirSync(downloads).find((f) => !before.has(f) && !f.endsWith('.crdownload')),
        (found) => found !== undefined,
        30_000,
      );
      return readFileSync(join(downloads, name!));
    };
    const csv = (await exported('csv')).toString('utf8');
    expect(csv.startsWith('\uFEFF批次名称,东城区网店抽查')).toBe(true);
    expect(csv).toContain('完成时间');
    expect(csv.split('\r\n').filter((line) => line.includes('http://127.0.0.1')).length).toBe(20);

    const json = JSON.parse((await exported('json')).toString('utf8'));
    expect(json.schema).toBe('liangzhao.batch/1');
    expect(json.batch.name).toBe('东城区网店抽查');
    expect(json.batch.finishedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(json.list).toEqual(site.pages.map((page) => page.url).map((url) => new URL(url).href));
    expect(json.rows.map((r: { outcome: string }) => r.outcome)).toEqual(site.pages.map((page) => page.outcome));
    expect(json.audits).toHaveLength(16);
    extensionGrades = json.rows.map((r: { grade: string | null }) => r.grade);

    const files = unzipSync(new Uint8Array(await exported('zip')));
    const names = Object.keys(files);
    expect(names).toContain('batch.json');
    expect(names).toContain('batch.csv');
    expect(names).toContain('manifest.json');
    expect(names.filter((name) => name.endsWith('/report.html'))).toHaveLength(16);
    expect(JSON.parse(strFromU8(files['batch.json'])).batch.name).toBe('东城区网店抽查');
  }, 90_000);
});

/**
 * A process killed outright cannot close the Chromium it launched; the orphan would run on through the rest of the
 * suite. Its profile lies under `dir` (the run's TMPDIR), which its command line names.
 */
function killProcessesNaming(dir: string): void {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let commandLine = '';
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    if (!commandLine.includes(dir)) continue;
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // ended meanwhile
    }
  }
}

describe('batch audit on the command line', () => {
  it('gives the extension batch the same grades over the same list, and resumes after being killed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liangzhao-cli-batch-'));
    try {
      const list = join(dir, 'list.txt');
      const out = join(dir, 'results.jsonl');
      writeFileSync(list, `${site.pages.map((page) => page.url).join('\n')}\n`);
      const args = ['--import', 'tsx', 'cli/audit.ts', '--browser', '--urls', list, '--concurrency', '2', '--out', out];
      const profiles = join(dir, 'tmp');
      mkdirSync(profiles);
      const env = { ...process.env, TMPDIR: profiles };
      const lines = () => (existsSync(out) ? readFileSync(out, 'utf8').split('\n').filter(Boolean) : []);

      // Killed once a few entries are written, then run again with the same --out.
      const first = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
      await waitFor(async () => lines().length, (n) => n >= 4, 90_000);
      first.kill('SIGKILL');
      await new Promise((ok) => first.once('exit', ok));
      killProcessesNaming(profiles);
      const before = lines().length;
      const second = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
      let stderr = '';
      second.stderr.on('data', (chunk) => (stderr += chunk));
      const code = await new Promise((ok) => second.once('exit', ok));
      expect(stderr).toContain(`resuming: ${before} entries`);
      expect(code).toBe(2); // some entries could not be audited

      const records = lines().map((line) => JSON.parse(line));
      const inputs = records.map((record) => record.input);
      expect(new Set(inputs).size).toBe(20);
      expect([...inputs].sort()).toEqual(site.pages.map((page) => page.url).sort());
      for (const [index, page] of site.pages.entries()) {
        const record = records.find((r) => r.input === page.url);
        if (page.outcome === 'load-failed' || page.outcome === 'not-web') {
          expect(record.schema, page.url).toBe('liangzhao.audit-error/1');
          continue;
        }
        expect(record.schema, page.url).toBe(AUDIT_SCHEMA);
        expect(Boolean(record.settleTimedOut), page.url).toBe(page.outcome === 'timed-out');
        // A page that never stops changing has no one grade; every other page grades as the extension graded it.
        if (page.outcome === 'audited') expect(record.grade, page.url).toBe(extensionGrades[index]);
      }
    } finally {
      killProcessesNaming(join(dir, 'tmp'));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
