import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { AuditResult } from '@/rules/types';
import { toStoredAudit, type StoredAudit } from '@/storage/db';
import { browseFixtures, storedAudits, waitFor, type ExtensionSession, type FixtureBrowsing } from './harness';
import { axeViolations, choose, openAudited, openDashboard, seedAudits, textOf } from './ui-helpers';

const MARKUP = '<img src=x onerror=alert(1)>';
const DAY = 24 * 60 * 60 * 1000;

/** Older audits of two other sites, made from a real audit so every field is what the engine writes. */
function seededRows(template: AuditResult, count: number): StoredAudit[] {
  const base = Date.parse(template.auditedAt) - 30 * DAY;
  return Array.from({ length: count }, (_, i) => {
    const host = i % 3 === 0 ? 'beta.example.cn' : 'alpha.example.cn';
    const failing = i % 4 === 0;
    const result: AuditResult = {
      ...template,
      url: `https://${host}/page/${i % 5}`,
      title: i % 2 ? `阿尔法商城 第${i}页` : `Beta market ${i}`,
      auditedAt: new Date(base + i * 60_000).toISOString(),
      score: failing ? 40 : 90,
      grade: failing ? 'F' : 'A',
      verdict: failing ? 'fail' : 'pass',
      results: template.results.map((r) =>
        r.ruleId === 'icp-number' ? { ...r, status: failing ? 'fail' : 'pass' } : { ...r, status: r.status === 'fail' ? 'pass' : r.status },
      ),
    };
    return toStoredAudit(result);
  });
}

describe('dashboard', () => {
  let session: ExtensionSession;
  let site: FixtureBrowsing['site'];
  let browsing: FixtureBrowsing | undefined;
  let dashboard: Page;
  let dialogs: string[];
  let seeded: StoredAudit[];

  const count = async () => Number((await textOf(dashboard, '[data-testid="result-count"]'))!.replace(/\D/g, ''));
  const waitCount = (expected: number) =>
    dashboard.waitForFunction(
      (n) => document.querySelector('[data-testid="result-count"]')?.textContent?.replace(/\D/g, '') === String(n),
      { timeout: 10_000 },
      expected,
    );
  const columnValues = (index: number) =>
    dashboard.$$eval('table.audits tbody tr', (rows, i) => rows.map((row) => row.children[i].textContent!.trim()), index);

  beforeAll(async () => {
    browsing = await browseFixtures();
    ({ session, site } = browsing);
    const first = await openAudited(session, `${site.origin}/no-disclosures.html`);
    const template = (await storedAudits(session))[0].result as AuditResult;
    seeded = seededRows(template, 120);
    await seedAudits(session, seeded as unknown as Array<Record<string, unknown>>);
    await first.page.close();
    await (await openAudited(session, `${site.origin}/compliant-home.html`)).page.close();
    await (await openAudited(session, `${site.origin}/untrusted-home.html`)).page.close();
    ({ dashboard, dialogs } = await openDashboard(session));
    await dashboard.waitForSelector('table.audits tbody tr');
  });
  afterAll(async () => {
    await browsing?.close();
  });

  it('lists every stored audit, newest first, fifty to a page', async () => {
    const total = (await storedAudits(session)).length;
    await waitCount(total);
    expect(await dashboard.$$eval('table.audits tbody tr', (rows) => rows.length)).toBe(50);
    expect(await textOf(dashboard, 'table.audits tbody tr .page-cell__url')).toContain('/untrusted-home.html');
    expect(await textOf(dashboard, '.pager')).toContain(`1 / ${Math.ceil(total / 50)}`);
    await dashboard.click('.pager button:last-child');
    await dashboard.waitForFunction(() => document.querySelector('.pager')?.textContent?.includes('第 2 /'));
    await dashboard.click('.pager button:first-child');
    await dashboard.waitForFunction(() => document.querySelector('.pager')?.textContent?.includes('第 1 /'));
    await dashboard.waitForFunction(
      () => document.querySelector('table.audits tbody tr .page-cell__url')?.textContent?.includes('/untrusted-home.html'),
    );
  });

  it('shows page text that contains markup as text and runs none of it', async () => {
    await dashboard.waitForFunction(() => document.querySelector('.pager')?.textContent?.includes('第 1 /'));
    const title = await textOf(dashboard, 'table.audits tbody tr .page-cell__title');
    expect(title).toContain(MARKUP);
    expect(await dashboard.$$eval('table img', (images) => images.length)).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('searches by host and by Chinese text', async () => {
    await dashboard.type('input[type="search"]', 'beta');
    await waitCount(seeded.filter((row) => row.host === 'beta.example.cn' || row.title.toLowerCase().includes('beta')).length);
    await dashboard.$eval('input[type="search"]', (el) => ((el as HTMLInputElement).value = ''));
    await dashboard.type('input[type="search"]', '阿尔法');
    await waitCount(seeded.filter((row) => row.title.includes('阿尔法')).length);
    await dashboard.click('.filters button');
    await waitCount((await storedAudits(session)).length);
  });

  it('filters by grade, page type and failed rule, and sorts by any column', async () => {
    const rows = await storedAudits(session);
    await choose(dashboard, 'select[name="grade"]', 'F');
    await waitCount(rows.filter((row) => row.grade === 'F').length);
    const grades = await dashboard.$$eval('table.audits tbody tr .grade__letter', (cells) => cells.map((c) => c.textContent));
    expect(new Set(grades)).toEqual(new Set(['F']));
    await choose(dashboard, 'select[name="failedRule"]', 'icp-number');
    await waitCount(rows.filter((row) => row.grade === 'F' && (row.failedRules as string[]).includes('icp-number')).length);
    await choose(dashboard, 'select[name="pageType"]', 'platform-home');
    await waitCount(
      rows.filter(
        (row) => row.grade === 'F' && row.pageType === 'platform-home' && (row.failedRules as string[]).includes('icp-number'),
      ).length,
    );
    await dashboard.click('.filters button');
    await waitCount(rows.length);

    // The heading changes at once; the rows follow when the query answers.
    const scores = rows.map((row) => row.score as number);
    const firstScore = (n: number) =>
      dashboard.waitForFunction(
        (expected) => document.querySelector('table.audits tbody tr td.num')?.textContent === String(expected),
        { timeout: 10_000 },
        n,
      );
    await dashboard.click('button.sort[data-column="score"]');
    await firstScore(Math.max(...scores));
    expect(await dashboard.$eval('th[aria-sort="descending"] button', (b) => b.getAttribute('data-column'))).toBe('score');
    const descending = (await columnValues(4)).map(Number);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    await dashboard.click('button.sort[data-column="score"]');
    await firstScore(Math.min(...scores));
    const ascending = (await columnValues(4)).map(Number);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await dashboard.click('button.sort[data-column="host"]');
    await dashboard.waitForFunction(() => document.querySelector('table.audits tbody tr td')?.textContent === '127.0.0.1');
    expect(await dashboard.$eval('th[aria-sort="ascending"] button', (b) => b.getAttribute('data-column'))).toBe('host');
    await dashboard.click('button.sort[data-column="auditedAtMs"]');
  });

  it('has no accessibility violations in the list', async () => {
    expect(await axeViolations(dashboard)).toEqual([]);
  });

  it('deletes one audit after asking', async () => {
    const before = (await storedAudits(session)).length;
    await dashboard.click('table.audits tbody tr .actions button.danger');
    await dashboard.waitForSelector('table.audits tbody tr .confirm');
    expect(await textOf(dashboard, 'table.audits tbody tr .confirm')).toContain('确定删除这条核查记录吗');
    await dashboard.click('table.audits tbody tr .confirm button.danger');
    await waitCount(before - 1);
    expect((await storedAudits(session)).length).toBe(before - 1);
  });

  it('shows a site over time with a score chart and what changed between two audits of a page', async () => {
    await dashboard.click('.tab[data-view="site"]');
    await choose(dashboard, 'select[name="site"]', 'alpha.example.cn');
    const alpha = seeded.filter((row) => row.host === 'alpha.example.cn');
    await dashboard.waitForFunction((n) => document.querySelectorAll('.chart svg circle').length === n, { timeout: 10_000 }, alpha.length);
    expect(await dashboard.$eval('.chart svg', (svg) => svg.getAttribute('role'))).toBe('img');
    await choose(dashboard, 'select[name="comparePage"]', 'https://alpha.example.cn/page/1');
    await dashboard.waitForSelector('[data-testid="compare-score"]');
    // The latest two audits of /page/1 are i = 116 (failing) and i = 106 (passing): the ICP rule changed.
    expect(await textOf(dashboard, '[data-testid="compare-score"]')).toContain('90 → 40');
    expect(await dashboard.$$eval('table.diff tbody tr', (rows) => rows.map((row) => row.getAttribute('data-rule')))).toEqual([
      'icp-number',
    ]);
    expect(await axeViolations(dashboard)).toEqual([]);
  });

  it('switches the interface language at once, and shows a new audit from another tab without a reload', async () => {
    await dashboard.click('.tab[data-view="settings"]');
    await choose(dashboard, 'select[name="locale"]', 'en');
    await dashboard.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await textOf(dashboard, 'h1')).toBe('Liangzhao · audit history');
    expect(await axeViolations(dashboard)).toEqual([]);
    await dashboard.click('.tab[data-view="history"]');
    const before = await count();
    await (await openAudited(session, `${site.origin}/icp-linked.html`)).page.close();
    await waitCount(before + 1);
    expect(await textOf(dashboard, 'table.audits tbody tr .page-cell__url')).toContain('/icp-linked.html');
    expect(await textOf(dashboard, 'table.audits thead')).toContain('Score');
  });

  it('deletes a site and then everything, each after asking', async () => {
    await dashboard.click('.tab[data-view="settings"]');
    await choose(dashboard, 'select[name="deleteHost"]', 'beta.example.cn');
    await dashboard.click('.settings fieldset:last-of-type button.danger');
    await dashboard.waitForSelector('.settings .confirm');
    await dashboard.click('.settings .confirm button.danger');
    await waitFor(() => storedAudits(session), (rows) => rows.every((row) => row.host !== 'beta.example.cn'));
    await dashboard.waitForFunction(() => document.querySelector('.notice')?.textContent?.startsWith('Deleted'));

    await dashboard.click('.settings fieldset:last-of-type p button.danger');
    expect(await textOf(dashboard, '.settings .confirm')).toContain('Delete every audit?');
    await dashboard.click('.settings .confirm button.danger');
    await waitFor(() => storedAudits(session), (rows) => rows.length === 0);
  });
});
