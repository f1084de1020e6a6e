/** The command-line auditor with --browser: the engine bundle runs in headless Chromium and judges visibility. */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliAudit } from '../../cli/audit';
import type { AuditResult } from '../../rules/types';

function audit(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'cli/audit.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run audit -- --browser', () => {
  it('audits in Chromium, where visibility is known', () => {
    const { code, stdout, stderr } = audit(
      '--json',
      '--browser',
      'tests/fixtures/rules/disclosures-visible/pass.html',
      'tests/fixtures/rules/disclosures-visible/fail-tiny.html',
      'tests/fixtures/does-not-exist.html',
    );
    expect(code).toBe(2);
    expect(stderr).toContain('does-not-exist.html');
    const [visible, tiny] = JSON.parse(stdout) as AuditResult[];
    expect(visible.mode).toBe('browser');
    expect(visible.facts.icp[0].visible).toBe(true);
    expect(visible.results.find((r) => r.ruleId === 'disclosures-visible')?.status).toBe('pass');
    expect(tiny.results.find((r) => r.ruleId === 'disclosures-visible')?.status).toBe('fail');
    expect(visible.auditedAt).toMatch(/[+-]\d\d:\d\d$/);
  });
});

/** The CLI as a child process, without blocking this process's event loop (the test's server must answer). */
function auditAsync(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/audit.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const LATE_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>迟到商城 - 首页</title></head>
<body><nav><a href="/cart">购物车</a> <a href="/join">商家入驻</a></nav><main>${'<p>欢迎光临迟到商城。</p>'.repeat(80)}</main>
<script>fetch('/footer').then((r) => r.text()).then((html) => document.body.insertAdjacentHTML('beforeend', html));</script>
</body></html>`;
const FOOTER = '<footer><a href="https://beian.miit.gov.cn/">京ICP备11041704号-1</a></footer>';
/** A page that never settles: a ticker rewrites it every half second. */
const TICKER_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>行情</title></head><body><p id="t">0</p>
<script>setInterval(() => { document.getElementById('t').textContent = String(Date.now()); }, 500);</script></body></html>`;

describe('npm run audit -- --browser waits for late content', () => {
  let server: Server;
  let origin = '';
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/footer') {
        // The footer's request answers three seconds after it is made, well after load.
        setTimeout(() => response.end(FOOTER), 3_000);
        return;
      }
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(request.url === '/ticker' ? TICKER_PAGE : LATE_PAGE);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sees a footer fetched from a request answering 3 s after load', async () => {
    const { code, stdout, stderr } = await auditAsync('--json', '--browser', `${origin}/`);
    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout) as CliAudit;
    expect(result.facts.icp.map((fact) => fact.text)).toEqual(['京ICP备11041704号-1']);
    expect(result.lateContent).toMatchObject({ quietMs: 2000, maxWaitMs: 20000, limitReached: false });
    expect(result.lateContent!.waitedMs).toBeGreaterThanOrEqual(3_000);
  }, 90_000);

  it('says in the JSON when the page never settled within the limit', async () => {
    const { code, stdout, stderr } = await auditAsync('--json', '--browser', '--quiet-ms', '1000', `${origin}/ticker`);
    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout) as CliAudit;
    expect(result.lateContent).toMatchObject({ quietMs: 1000, limitReached: true });
    expect(result.lateContent!.waitedMs).toBeGreaterThanOrEqual(20_000);
  }, 90_000);
});

describe('npm run audit -- --compare --browser', () => {
  let server: Server;
  let origin = '';
  beforeAll(async () => {
    const changed = readFileSync('tests/fixtures/terms/agreement-v2-fail.html', 'utf8');
    const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(changed)![1];
    // The agreement is written by a script: a static read sees an empty page.
    const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>用户服务协议</title></head><body>
<script>document.body.insertAdjacentHTML('beforeend', ${JSON.stringify(body).replace(/</g, '\\u003c')});</script></body></html>`;
    server = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(page);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('reads each version as the browser builds it, where a static read sees no clause', async () => {
    const statically = await auditAsync('--compare', '--json', 'tests/fixtures/terms/agreement-v1.html', `${origin}/agreement`);
    expect(JSON.parse(statically.stdout).after.clauseCount).toBe(0);

    const { code, stdout, stderr } = await auditAsync('--compare', '--browser', '--json', '--quiet-ms', '500', 'tests/fixtures/terms/agreement-v1.html', `${origin}/agreement`);
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.after.clauseCount).toBeGreaterThan(3);
    expect(report.identical).toBe(false);
    expect(report.notice.status).toBe('fail');
  }, 90_000);
});
