import { describe, expect, it } from 'vitest';
import { indexProbeOf, matchesQuery, termsOf } from '@/storage/search-terms';

describe('search terms', () => {
  it('indexes host, Latin words and Chinese character pairs', () => {
    const terms = termsOf('shop.example.cn', '示例商城 - Shop', 'https://shop.example.cn/item/42?x=1');
    expect(terms).toEqual(expect.arrayContaining(['shop.example.cn', 'example.cn', 'shop', 'example', 'cn', 'item', '42', '示例', '例商', '商城', '城']));
    expect(terms).not.toContain('https');
  });

  it('probes the index with the longest piece of a query', () => {
    expect(indexProbeOf('  Example ')).toBe('example');
    expect(indexProbeOf('商城')).toBe('商城');
    expect(indexProbeOf('示例商城')).toBe('示例');
    expect(indexProbeOf('城')).toBe('城');
    expect(indexProbeOf('ex 商城店')).toBe('商城');
    expect(indexProbeOf('--')).toBeNull();
    expect(indexProbeOf('Mall0.Example.cn')).toBe('mall0.example.cn');
  });

  it('every probe is a prefix of some term of a text that contains the query', () => {
    const terms = termsOf('a.example.cn', '天猫超市 精选', 'https://a.example.cn/');
    for (const query of ['天', '猫', '市', '猫超', '超市', '天猫超市', '精选', 'exa', 'a.example', 'example.cn', 'a.example.cn']) {
      const probe = indexProbeOf(query)!;
      expect(terms.some((term) => term.startsWith(probe)), query).toBe(true);
    }
  });

  it('matches every part of a query as a substring', () => {
    expect(matchesQuery('shop.example.cn\n示例商城', 'example 商城')).toBe(true);
    expect(matchesQuery('shop.example.cn\n示例商城', 'example 超市')).toBe(false);
  });
});
