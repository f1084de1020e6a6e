import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
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
    for (const r of result.results) expect(Object.keys(r)).toEqual(expect.arrayContaining(['ruleId', 'status', 'level', 'basis', 'message', 'evidence']));
  });

  it('prints an array for several inputs, and a linked ICP page differs from one without', () => {
    const { code, stdout } = audit('--json', LINKED, ABSENT);
    expect(code).toBe(0);
    const [linked, absent] = JSON.parse(stdout) as AuditResult[];
    expect(linked.results.find((r) => r.ruleId === 'icp-number')?.status).toBe('pass');
    expect(absent.results.find((r) => r.ruleId === 'icp-number')?.status).toBe('fail');
    expect(linked.score).toBeGreaterThan(absent.score);
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
    expect(zh.stdout).toContain('G2 art. 8(2)');
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

  it('rejects unknown options with a usage message', () => {
    const { code, stderr } = audit('--frobnicate', LINKED);
    expect(code).toBe(1);
    expect(stderr).toContain('Usage');
  });
});

describe('cli argument and charset helpers', () => {
  it('parses flags, language and inputs', () => {
    expect(parseArgs(['--json', '--browser', '--lang', 'en', 'a.html', 'https://x.cn/'])).toEqual({
      json: true,
      browser: true,
      locale: 'en',
      inputs: ['a.html', 'https://x.cn/'],
      compare: false,
    });
    expect(parseArgs(['--lang=fr', 'a.html'])).toMatch(/language/);
    expect(parseArgs([])).toMatch(/No FILE_OR_URL/);
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
});
