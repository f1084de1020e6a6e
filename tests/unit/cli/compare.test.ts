import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, parseArgs } from '../../../cli/audit';
import { TERMS_COMPARE_SCHEMA, type TermsCompareReport } from '@/rules/terms/report';

const V1 = 'tests/fixtures/terms/agreement-v1.html';
const FAIL = 'tests/fixtures/terms/agreement-v2-fail.html';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  const error = vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
  try {
    return { code: await main(argv), out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('audit --compare', () => {
  let server: Server;
  let origin = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      const file = { '/v1': V1, '/v2': FAIL }[req.url ?? ''];
      if (!file) return void res.writeHead(404, 'Not Found').end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('prints the clause diff and the notice judgement for two files', async () => {
    const { code, out } = await run(['--compare', V1, FAIL]);
    expect(code).toBe(EXIT_OK);
    expect(out).toContain('新增 1 条、删除 0 条、修改 3 条、未变 3 条');
    expect(out).toContain('  - 因您保管不善造成的损失，平台将协助您挽回。');
    expect(out).toContain('  + 因您保管不善造成的损失由您自行承担。');
    expect(out).toContain('修改公示不足七日');
  });

  it('gives the versioned JSON shape, in English too, for two URLs', async () => {
    const { code, out } = await run(['--compare', '--json', '--lang', 'en', `${origin}/v1`, `${origin}/v2`]);
    expect(code).toBe(EXIT_OK);
    const report = JSON.parse(out) as TermsCompareReport;
    expect(report).toMatchObject({
      schema: TERMS_COMPARE_SCHEMA,
      before: { source: `${origin}/v1`, canonicalUrl: `${origin}/v1`, clauseCount: 6 },
      after: { source: `${origin}/v2`, clauseCount: 7, dates: { published: { date: '2026-11-25' }, effective: { date: '2026-11-27' } } },
      identical: false,
      counts: { same: 3, added: 1, removed: 0, changed: 3 },
      notice: { status: 'fail', published: '2026-11-25', effective: '2026-11-27', days: 2, basis: ['G2 art. 6 para. 2', 'E-Commerce Law art. 34'] },
    });
    expect(report.changes.find((change) => change.kind === 'added')).toMatchObject({
      after: { label: '第五条' },
      addedSentences: ['第五条会员积分', '积分有效期为一年，到期未使用的积分将被清零。'],
    });
    const text = await run(['--compare', '--lang', 'en', `${origin}/v1`, `${origin}/v2`]);
    expect(text.out).toContain('1 added, 0 removed, 3 changed, 3 unchanged clauses');
  });

  it('names an unreadable input, and refuses a wrong number of inputs', async () => {
    const missing = await run(['--compare', V1, `${origin}/gone`]);
    expect(missing.code).toBe(EXIT_UNREADABLE);
    expect(missing.err).toContain(`cannot compare ${V1} with ${origin}/gone: HTTP 404 Not Found`);
    expect(parseArgs(['--compare', V1])).toBe('--compare takes exactly two inputs: OLD NEW');
    expect((await run(['--compare', V1])).code).toBe(EXIT_USAGE);
  });
});
