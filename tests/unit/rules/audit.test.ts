import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { auditDocument, auditDocumentAsync, evaluate } from '@/rules';
import { AUDIT_SCHEMA } from '@/rules/types';

const HOME = `<!doctype html><html><head><title>示例商城 - 首页</title></head><body>
<nav><a href="/cart">购物车</a> <a href="/order">我的订单</a></nav>
<footer><a href="https://beian.miit.gov.cn/">京ICP备11041704号-1</a></footer></body></html>`;

function doc(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

describe('auditDocument', () => {
  it('audits a linkedom document statically, with the local offset and the given clock', () => {
    const result = auditDocument(doc(HOME), { url: 'https://www.example.cn/', now: new Date('2026-11-28T12:54:00Z') });
    expect(result.schema).toBe(AUDIT_SCHEMA);
    expect(result.mode).toBe('static');
    expect(result.title).toBe('示例商城 - 首页');
    expect(result.pageType).toBe('platform-home');
    expect(new Date(result.auditedAt).toISOString()).toBe('2026-11-28T12:54:00.000Z');
    expect(result.auditedAt).toMatch(/[+-]\d\d:\d\d$/);
    expect(result.results.find((r) => r.ruleId === 'icp-number')?.status).toBe('pass');
  });

  it('keeps the title a browser shows when the parser lost it (stray text before <head>), and none for an SVG title', () => {
    const saved = doc(`<?php echo 1; ?>\n<!doctype html><html><meta charset="utf-8"><head><title>茶叶小铺 首页</title></head><body><p>欢迎</p></body></html>`);
    expect(saved.title).toBe('');
    expect(auditDocument(saved, { url: 'https://tea.example.cn/' }).title).toBe('茶叶小铺 首页');
    const picture = doc(`<!doctype html><html><head></head><body><svg><title>图标</title></svg></body></html>`);
    expect(auditDocument(picture, { url: 'https://tea.example.cn/' }).title).toBe('');
  });

  it('gives the same results synchronously and in slices', async () => {
    const now = new Date('2026-11-28T12:54:00Z');
    const sync = auditDocument(doc(HOME), { url: 'https://www.example.cn/', now });
    const sliced = await auditDocumentAsync(doc(HOME), { url: 'https://www.example.cn/', now });
    expect(sliced).toEqual(sync);
  });

  it('takes a page type override and keeps what it detected', () => {
    const result = auditDocument(doc(HOME), { url: 'https://www.example.cn/', pageType: 'shop', locale: 'en' });
    expect(result).toMatchObject({ pageType: 'shop', detectedPageType: 'platform-home', locale: 'en' });
    expect(result.results.find((r) => r.ruleId === 'icp-number')?.status).toBe('na');
  });

  it('re-scores stored facts with a corrected page type, without the page', () => {
    const stored = auditDocument(doc(HOME), { url: 'https://www.example.cn/' });
    const rescored = evaluate(stored.facts, { ...stored, pageType: 'other' });
    expect(rescored).toMatchObject({ pageType: 'other', grade: 'N/A', verdict: 'na', auditedAt: stored.auditedAt });
  });

  it('never throws on hostile pages: broken markup, deep nesting, huge text, many elements', () => {
    const pages = [
      '<div><p>京ICP备11041704号<span><a href="javascript:">x</div></td>',
      `<body>${'<div>'.repeat(5000)}京ICP备11041704号${'</div>'.repeat(5000)}</body>`,
      `<body><p>${'商品描述与售后说明'.repeat(200_000)}</p></body>`,
      `<body>${'<span>商品</span>'.repeat(100_000)}</body>`,
      '',
    ];
    for (const html of pages) {
      const result = auditDocument(doc(html), { url: 'https://www.example.cn/' });
      expect(result.schema).toBe(AUDIT_SCHEMA);
      expect(result.results.every((r) => r.status !== 'error')).toBe(true);
    }
  }, 60_000);
});
