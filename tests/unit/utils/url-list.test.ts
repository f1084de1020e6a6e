import { describe, expect, it } from 'vitest';
import { isWebPageType, parseUrlList } from '@/utils/url-list';

describe('parseUrlList', () => {
  it('reads one URL a line, skipping blanks and comments, and counts duplicates, non-web and unreadable lines', () => {
    const list = parseUrlList(
      '\uFEFFhttps://www.jd.com/\r\n\n# a comment\nhttps://www.jd.com/\nftp://files.example.cn/a\nnot a url\nhttp://shop.example.cn/item/1\n',
    );
    expect(list.entries.map((e) => [e.target, e.line])).toEqual([
      ['https://www.jd.com/', 1],
      ['http://shop.example.cn/item/1', 7],
    ]);
    expect(list.duplicates).toBe(1);
    expect(list.notWeb.map((e) => e.target)).toEqual(['ftp://files.example.cn/a']);
    expect(list.invalid.map((e) => e.target)).toEqual(['not a url']);
  });

  it('reads a CSV by its url and name columns, quoted cells included', () => {
    const list = parseUrlList('name,URL,notes\n"京东, 自营",https://www.jd.com/,x\n淘宝,https://www.taobao.com/,"say ""hi"""\n');
    expect(list.entries).toEqual([
      { target: 'https://www.jd.com/', label: '京东, 自营', line: 2 },
      { target: 'https://www.taobao.com/', label: '淘宝', line: 3 },
    ]);
  });

  it('counts URLs that differ only in how they are written as one', () => {
    expect(parseUrlList('https://WWW.JD.com\nhttps://www.jd.com/').duplicates).toBe(1);
  });

  it('takes file paths only when asked to (the command line), and never a URL of another scheme', () => {
    expect(parseUrlList('pages/a.html\nC:\\saved\\b.html').invalid).toHaveLength(2);
    const paths = parseUrlList('pages/a.html\nC:\\saved\\b.html\nfile:///x.html', { acceptPaths: true });
    expect(paths.entries.map((e) => e.target)).toEqual(['pages/a.html', 'C:\\saved\\b.html']);
    expect(paths.notWeb.map((e) => e.target)).toEqual(['file:///x.html']);
  });
});

describe('isWebPageType', () => {
  it('is true for HTML and XHTML documents only', () => {
    expect(isWebPageType('text/html')).toBe(true);
    expect(isWebPageType('application/xhtml+xml')).toBe(true);
    expect(isWebPageType('application/json')).toBe(false);
    expect(isWebPageType('image/png')).toBe(false);
  });
});
