import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { auditDocument } from '@/rules';
import { absoluteWebUrl, sourceUrlOf } from '@/rules/source-url';

function doc(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

describe('sourceUrlOf: where a saved page came from', () => {
  it("reads the browser's saved-from comment first", () => {
    const saved = doc('<!DOCTYPE html>\n<!-- saved from url=(0023)https://www.jd.com/ -->\n<html><head><link rel="canonical" href="https://other.example.cn/"></head><body></body></html>');
    expect(sourceUrlOf(saved)).toEqual({ url: 'https://www.jd.com/', from: 'saved-from' });
  });

  it('then the canonical link, og:url and an absolute base href, in that order', () => {
    expect(sourceUrlOf(doc('<head><link rel="Canonical" href="//item.jd.com/3356012.html"><meta property="og:url" content="https://x.cn/"></head>'))).toEqual({
      url: 'https://item.jd.com/3356012.html',
      from: 'canonical',
    });
    expect(sourceUrlOf(doc('<head><meta property="og:url" content="https://www.alibaba.com"></head>'))).toEqual({ url: 'https://www.alibaba.com/', from: 'og-url' });
    expect(sourceUrlOf(doc('<head><base href="http://www.yahoo.co.jp/_ylh=X3o/"></head>'))).toEqual({ url: 'http://www.yahoo.co.jp/_ylh=X3o/', from: 'base' });
  });

  it('takes nothing from a relative or templated address, or from a page naming none', () => {
    expect(sourceUrlOf(doc('<head><base href="." target="_blank"><base href="${baseUrl!}"></head>'))).toBeNull();
    expect(sourceUrlOf(doc('<p>no address</p>'))).toBeNull();
    expect(absoluteWebUrl('javascript:void(0)')).toBeNull();
    expect(absoluteWebUrl('file:///tmp/a.html')).toBeNull();
  });

  it('reads a saved-from comment of any length without scanning past its address', () => {
    const long = 'x'.repeat(200_000);
    expect(sourceUrlOf(doc(`<!-- saved from url=(9999)${long} -->`))).toBeNull();
  });
});

describe('auditing a saved file', () => {
  const SAVED = '<!-- saved from url=(0026)https://item.jd.com/1.html -->\n<html><head><title>商品</title></head><body><a href="/2.html">下一个</a></body></html>';

  it('judges the page as the address it names and says where the file was', () => {
    const result = auditDocument(doc(SAVED), { url: 'file:///home/me/saved.html' });
    expect(result.url).toBe('https://item.jd.com/1.html');
    expect(result.savedPage).toEqual({ location: 'file:///home/me/saved.html', urlFrom: 'saved-from' });
    expect(result.facts.signals.hostname).toBe('item.jd.com');
  });

  it('takes an address that is said for the file over the one it names', () => {
    const result = auditDocument(doc(SAVED), { url: 'https://www.jd.com/', location: 'file:///home/me/saved.html' });
    expect(result.url).toBe('https://www.jd.com/');
    expect(result.savedPage).toEqual({ location: 'file:///home/me/saved.html', urlFrom: 'given' });
  });

  it('leaves a web page and a file naming no address as they are', () => {
    expect(auditDocument(doc(SAVED), { url: 'https://www.example.cn/' }).savedPage).toBeUndefined();
    const bare = auditDocument(doc('<p>x</p>'), { url: 'file:///a.html' });
    expect(bare.url).toBe('file:///a.html');
    expect(bare.savedPage).toBeUndefined();
  });
});
