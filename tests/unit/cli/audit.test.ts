import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../cli/audit';
import { declaredCharset, decodeHtml } from '../../../cli/load';
import { AUDIT_SCHEMA, type AuditResult } from '@/rules/types';

const LINKED = 'tests/fixtures/rules/icp-number/pass.html';
const ABSENT = 'tests/fixtures/rules/icp-number/fail.html';
const GBK = 'tests/fixtures/cli/gbk-home.html';

function audit(...args: string[]) {
  return auditWith({}, ...args);
}

function auditWith(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'cli/audit.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

// Each case spawns Node with tsx: seconds each on a shared two-core machine.
describe('cli/audit.ts', { timeout: 60_000 }, () => {
  it('audits a saved UTF-8 page under a gbk meta like the live page, as the address --url says', () => {
    const saved = 'tests/fixtures/page-types/pages/02-marketplace-home-gbk-meta.html';
    const { code, stdout } = audit('--json', '--url', 'https://www.huigou.example.cn/', saved);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as AuditResult;
    expect(result.url).toBe('https://www.huigou.example.cn/');
    expect(result.savedPage).toMatchObject({ urlFrom: 'given', location: expect.stringMatching(/02-marketplace-home-gbk-meta\.html$/) });
    expect(result.title).toBe('惠购网 - 网上购物商城');
    expect(result.pageType).toBe('platform-home');
    expect(result.facts.icp[0].text).toBe('浙ICP备17033618号');
  });

  it('prints one audit/1 object for one input with --json', () => {
    const { code, stdout } = audit('--json', LINKED);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as AuditResult;
    expect(result).toMatchObject({ schema: AUDIT_SCHEMA, mode: 'static', pageType: 'platform-home' });
    expect(result.url).toMatch(/^file:\/\/.*icp-number\/pass\.html$/);
    expect(result.auditedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(typeof result.score).toBe('number');
    expect(result.results.find((r) => r.ruleId === 'icp-number')).toMatchObject({ status: 'pass', level: 'mandatory', basis: ['G2 art. 8(2)'] });
    expect(result.facts.icp[0]).toMatchObject({ text: '京ICP备11041704号-1', kind: 'filing', province: '京', valid: true, linked: true });
    for (const r of result.results) expect(Object.keys(r)).toEqual(expect.arrayContaining(['ruleId', 'status', 'level', 'basis', 'messageKey', 'evidence']));
  });

  it('prints an array for several inputs, and a linked ICP page differs from one without', () => {
    const { code, stdout } = audit('--json', LINKED, ABSENT);
    expect(code).toBe(0);
    const [linked, absent] = JSON.parse(stdout) as AuditResult[];
    expect(linked.results.find((r) => r.ruleId === 'icp-number')?.status).toBe('pass');
    expect(absent.results.find((r) => r.ruleId === 'icp-number')?.status).toBe('fail');
    expect(linked.score).toBeGreaterThan(absent.score!);
  });

  it('exits 2 naming an unreadable input, and still audits the others', () => {
    const { code, stdout, stderr } = audit('--json', 'tests/fixtures/does-not-exist.html', LINKED);
    expect(code).toBe(2);
    expect(stderr).toContain('does-not-exist.html');
    const results = JSON.parse(stdout) as AuditResult[];
    expect(results).toHaveLength(1);
    expect(results[0].url).toContain('icp-number/pass.html');
  });

  it('prints a readable table in Chinese by default and in English with --lang en', () => {
    const zh = audit(LINKED);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('ICP 备案或许可证号');
    expect(zh.stdout).toContain('《网络交易平台合同格式条款规范指引》第八条第（二）项');
    const en = audit('--lang', 'en', LINKED);
    expect(en.stdout).toContain('ICP filing or licence number');
    expect(en.stdout).toContain('Shows 京ICP备11041704号-1, linked to the MIIT filing system.');
  });

  it('decodes a GB2312 page by its meta charset', () => {
    const { code, stdout } = audit('--json', GBK);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as AuditResult;
    expect(result.title).toBe('示例商城 - 首页');
    expect(result.facts.icp[0]?.text).toBe('京ICP备11041704号-1');
  });

  it('fetches URLs, decodes by the Content-Type charset, and exits 2 on an HTTP error', async () => {
    const gbk = readFileSync(GBK);
    const server = createServer((req, res) => {
      if (req.url === '/home.html') res.writeHead(200, { 'content-type': 'text/html; charset=GBK' }).end(gbk);
      else res.writeHead(404).end('not found');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const { port } = server.address() as { port: number };
    try {
      // Asynchronous spawn: the server answers from this process's event loop.
      const run = spawn(process.execPath, ['--import', 'tsx', 'cli/audit.ts', '--json', `http://127.0.0.1:${port}/home.html`, `http://127.0.0.1:${port}/missing.html`]);
      let stdout = '';
      let stderr = '';
      run.stdout.on('data', (chunk) => (stdout += chunk));
      run.stderr.on('data', (chunk) => (stderr += chunk));
      const code = await new Promise<number | null>((ok) => run.on('close', ok));
      expect(code).toBe(2);
      expect(stderr).toContain(`http://127.0.0.1:${port}/missing.html: HTTP 404`);
      const [home] = JSON.parse(stdout) as AuditResult[];
      expect(home).toMatchObject({ url: `http://127.0.0.1:${port}/home.html`, title: '示例商城 - 首页', pageType: 'platform-home' });
      expect(home.results.find((r) => r.ruleId === 'icp-number')?.status).toBe('pass');
    } finally {
      server.close();
    }
  });

  it('names every input when Chromium cannot start, and exits 2', () => {
    const { code, stdout, stderr } = auditWith({ CHROME_PATH: '/nonexistent/chromium' }, '--browser', LINKED, ABSENT);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`cannot audit ${LINKED}: Chromium (/nonexistent/chromium) did not start`);
    expect(stderr).toContain(`cannot audit ${ABSENT}`);
  });

  it('writes the HTML report and the CSV through the same text layer, in English with --lang en', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liangzhao-cli-'));
    try {
      const html = join(dir, 'report.html');
      expect(audit('--format', 'html', '--out', html, '--lang', 'en', LINKED, ABSENT).code).toBe(0);
      const report = readFileSync(html, 'utf8');
      expect(report).toContain('Online disclosure inspection records (2)');
      expect(report).toContain('ICP filing or licence number');
      expect(report).toContain('G2: Guidelines on standard contract terms of online trading platforms');
      expect(report).not.toMatch(/\brule_[a-z_]+|\{\w+\}/);
      const csv = join(dir, 'audits.csv');
      expect(audit('--format=csv', '--out', csv, LINKED).code).toBe(0);
      const text = readFileSync(csv, 'utf8');
      expect(text.startsWith('\uFEFF类型,')).toBe(true);
      expect(text).toContain('《网络交易平台合同格式条款规范指引》第八条第（二）项');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects unknown options with a usage message', () => {
    const { code, stderr } = audit('--frobnicate', LINKED);
    expect(code).toBe(1);
    expect(stderr).toContain('Usage');
  });
});

describe('cli argument and charset helpers', () => {
  it('parses flags, language and inputs', () => {
    expect(parseArgs(['--json', '--browser', '--lang', 'en', 'a.html', 'https://x.cn/'])).toEqual({
      format: 'json',
      out: null,
      browser: true,
      locale: 'en',
      inputs: ['a.html', 'https://x.cn/'],
      quietMs: 2000,
      compare: false,
    });
    expect(parseArgs(['--format', 'html', '--out=r.html', 'a.html'])).toMatchObject({ format: 'html', out: 'r.html' });
    expect(parseArgs(['--format', 'pdf', 'a.html'])).toMatch(/Unknown format/);
    expect(parseArgs(['--lang=fr', 'a.html'])).toMatch(/language/);
    expect(parseArgs([])).toMatch(/No FILE_OR_URL/);
  });

  it('takes the address of one saved file (--url) and the quiet time of a browser audit (--quiet-ms)', () => {
    expect(parseArgs(['--url', 'https://www.jd.com/', 'saved.html'])).toMatchObject({ url: 'https://www.jd.com/', inputs: ['saved.html'] });
    expect(parseArgs(['--url=https://www.jd.com/', '--quiet-ms=500', 'saved.html'])).toMatchObject({ url: 'https://www.jd.com/', quietMs: 500 });
    expect(parseArgs(['--url', 'www.jd.com', 'saved.html'])).toMatch(/http/);
    expect(parseArgs(['--url', 'https://www.jd.com/', 'a.html', 'b.html'])).toMatch(/one saved FILE/);
    expect(parseArgs(['--quiet-ms', 'soon', 'a.html'])).toMatch(/milliseconds/);
    expect(parseArgs(['--quiet-ms', '99999999', 'a.html'])).toMatch(/milliseconds/);
  });

  it('reads the declared charset and decodes GBK, UTF-8 and undeclared GB18030 bytes', () => {
    const gbk = new Uint8Array(readFileSync(GBK));
    expect(declaredCharset(gbk)).toBe('gb2312');
    expect(decodeHtml(gbk)).toContain('示例商城');
    expect(decodeHtml(new TextEncoder().encode('<p>京ICP备</p>'))).toBe('<p>京ICP备</p>');
    const undeclared = gbk.subarray(Buffer.from(gbk).indexOf('<body'));
    expect(declaredCharset(undeclared)).toBeNull();
    expect(decodeHtml(undeclared)).toContain('购物车');
  });

  it('reads bytes that are valid UTF-8 as UTF-8 whatever the meta declares (a saved page keeps an old gbk meta)', () => {
    const saved = new TextEncoder().encode('<meta charset="gbk"><title>惠购网</title><p>京ICP备11041704号</p>');
    expect(decodeHtml(saved)).toContain('惠购网');
    expect(decodeHtml(saved, 'gbk')).toContain('京ICP备11041704号');
  });

  it('reads bytes that are not UTF-8 by their declared charset, and as GB18030 when they declare UTF-8', () => {
    const gbkBody = new Uint8Array(readFileSync(GBK));
    const body = gbkBody.subarray(Buffer.from(gbkBody).indexOf('<body'));
    const declaresUtf8 = new Uint8Array([...new TextEncoder().encode('<meta charset="UTF-8">'), ...body]);
    expect(decodeHtml(declaresUtf8)).toContain('购物车');
    const big5 = new Uint8Array([...new TextEncoder().encode('<meta charset="big5"><p>'), 0xa4, 0xa4, 0xa4, 0xe5]);
    expect(decodeHtml(big5)).toContain('中文');
  });

  it('lets a byte-order mark win over everything', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<meta charset="gbk"><p>购物车</p>')]);
    expect(decodeHtml(bom)).toBe('<meta charset="gbk"><p>购物车</p>');
  });
});
