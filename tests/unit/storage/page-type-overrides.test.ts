import { describe, expect, it } from 'vitest';
import {
  matchesPattern,
  normalisePattern,
  overrideFor,
  overridesFrom,
  patternFor,
  withOverride,
  withoutOverride,
} from '@/storage/page-type-overrides';

describe('page-type corrections by URL pattern', () => {
  it('keeps a popup correction for the page (host and path) or for the whole host', () => {
    expect(patternFor('https://Item.JD.com/100012.html?spm=1#top', 'page')).toBe('item.jd.com/100012.html');
    expect(patternFor('https://item.jd.com/100012.html', 'host')).toBe('item.jd.com/*');
    expect(patternFor('file:///home/a/saved.html', 'page')).toBeNull();
    expect(patternFor('not a url', 'host')).toBeNull();
  });

  it('reads a pattern as a person types it: a URL is cut to host and path, a bare host means all of it', () => {
    expect(normalisePattern('  https://www.JD.com/?from=x ')).toBe('www.jd.com/');
    expect(normalisePattern('item.jd.com')).toBe('item.jd.com/*');
    expect(normalisePattern('*.tmall.com/*')).toBe('*.tmall.com/*');
    expect(normalisePattern('')).toBeNull();
    expect(normalisePattern('a b.cn/')).toBeNull();
    expect(normalisePattern('/item/*')).toBeNull();
    expect(normalisePattern(`${'a'.repeat(301)}/`)).toBeNull();
  });

  it('matches * as any run, the rest literally', () => {
    expect(matchesPattern('item.jd.com/*', 'item.jd.com/100012.html')).toBe(true);
    expect(matchesPattern('item.jd.com/*', 'www.jd.com/')).toBe(false);
    expect(matchesPattern('*.tmall.com/*', 'detail.tmall.com/item.htm')).toBe(true);
    expect(matchesPattern('*.tmall.com/*', 'tmall.com.evil.cn/')).toBe(false);
    expect(matchesPattern('www.jd.com/', 'www.jd.com/')).toBe(true);
    expect(matchesPattern('www.jd.com/', 'www.jd.com/channel')).toBe(false);
    expect(matchesPattern('shop.cn/*/item/*', 'shop.cn/a/b/item/3')).toBe(true);
  });

  it('stays quick on a pattern of many stars against a long address that almost matches', () => {
    const pattern = `${'*a'.repeat(150)}b`;
    const text = 'a'.repeat(5_000);
    expect(matchesPattern(pattern, text)).toBe(false);
  });

  it('applies the most specific matching pattern, so a page beats its host', () => {
    const overrides = [
      { pattern: 'www.jd.com/*', pageType: 'other' as const },
      { pattern: 'www.jd.com/', pageType: 'platform-home' as const },
    ];
    expect(overrideFor(overrides, 'https://www.jd.com/')?.pageType).toBe('platform-home');
    expect(overrideFor(overrides, 'https://www.jd.com/help/faq')?.pageType).toBe('other');
    expect(overrideFor(overrides, 'https://item.jd.com/1.html')).toBeNull();
    expect(overrideFor(overrides, 'chrome://settings')).toBeNull();
  });

  it('reads stored rows defensively, and replaces or removes one pattern', () => {
    const stored = overridesFrom([
      { pattern: 'B.cn', pageType: 'shop' },
      { pattern: 'a.cn/', pageType: 'nonsense' },
      'junk',
      { pattern: 'b.cn/*', pageType: 'product' },
    ]);
    expect(stored).toEqual([{ pattern: 'b.cn/*', pageType: 'product' }]);
    expect(overridesFrom('junk')).toEqual([]);
    const added = withOverride(stored, 'a.cn/', 'terms');
    expect(added).toEqual([
      { pattern: 'a.cn/', pageType: 'terms' },
      { pattern: 'b.cn/*', pageType: 'product' },
    ]);
    expect(withOverride(added, 'a.cn/', 'shop')[0]).toEqual({ pattern: 'a.cn/', pageType: 'shop' });
    expect(withoutOverride(added, 'a.cn/')).toEqual(stored);
  });
});
