import { describe, expect, it } from 'vitest';
import type { LinkInfo, PageView } from '@/rules/gather/page';
import { linksMatching } from '@/rules/detectors/link-words';
import { seededRandom } from '../../support/random';

function link(text: string, title = '', imageText = ''): LinkInfo {
  return { element: {} as Element, rawHref: '/x', href: 'https://shop.example.cn/x', text, title, imageText, start: 0, end: 0 };
}

function pageOf(links: LinkInfo[]): PageView {
  return { links } as PageView;
}

const LICENCE = /(?<![高闪明])亮照(?![明片])|工商|business\s*licen[cs]e/i;

describe('linksMatching: one scan of every link’s words', () => {
  it('names each link whose words match, once, in link order', () => {
    const page = pageOf([link('首页'), link('工商网监 工商'), link('购物车'), link('', '亮照'), link('Business Licence')]);
    expect([...linksMatching(page, 'label', LICENCE)]).toEqual([1, 3, 4]);
  });

  it('reads the title only as the label of a link without text, and every part as its words', () => {
    const page = pageOf([link('首页', '亮照'), link('首页', '', '工商')]);
    expect([...linksMatching(page, 'label', LICENCE)]).toEqual([]);
    expect([...linksMatching(page, 'words', LICENCE)]).toEqual([0, 1]);
  });

  it('never finds a word across two links, and starts each link as a string starts', () => {
    // 工|商 in two links is no 工商; 闪|亮照 is 亮照 at its own link's start, as a test of that link alone finds.
    const page = pageOf([link('工'), link('商'), link('闪'), link('亮照'), link('business'), link('licence')]);
    expect([...linksMatching(page, 'label', LICENCE)]).toEqual([3]);
  });

  it('finds nothing on a page without links', () => {
    expect(linksMatching(pageOf([]), 'words', LICENCE).size).toBe(0);
  });

  it('finds exactly the links a test of each link’s own words finds, on generated words', () => {
    const random = seededRandom(11);
    const pieces = ['亮', '照', '高', '明', '片', '工', '商', '闪', 'business', ' ', 'licence', 'x', '证'];
    const words = () => Array.from({ length: Math.floor(random() * 6) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    const links = Array.from({ length: 2000 }, () => link(words(), random() < 0.5 ? words() : '', random() < 0.3 ? words() : ''));
    const page = pageOf(links);
    for (const kind of ['label', 'words'] as const) {
      const wordsOf = (l: LinkInfo) => (kind === 'label' ? l.text || l.title : `${l.text} ${l.title} ${l.imageText}`);
      const expected = links.flatMap((l, index) => (LICENCE.test(wordsOf(l)) ? [index] : []));
      expect(expected.length).toBeGreaterThan(40);
      expect([...linksMatching(page, kind, LICENCE)]).toEqual(expected);
    }
  });
});
