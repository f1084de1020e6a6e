import { describe, expect, it } from 'vitest';
import { gatherFacts, gatherFactsAsync } from '@/rules/collect';
import { DETECTORS, emptyFacts } from '@/rules/detectors';
import { gatherPage } from '@/rules/gather';
import { PAUSE_EVERY, PAUSE_EVERY_EVIDENCE, runSteps } from '@/utils/yield';
import { FINDINGS_LIMIT } from '@/rules/detectors/findings-limit';
import { parseHtml } from './support/dom';

const URL_OF_PAGE = 'https://shop.example.cn/';
const ITEMS = PAUSE_EVERY * 8;

/** A listing page of many links, each with a price and an item number: the numbers are phone and licence candidates. */
function listingPage(): Document {
  const rows = Array.from(
    { length: ITEMS },
    (_, i) => `<li><a href="/item/${i}.html">商品 ${i} 货号 ${1000000 + i} ¥${i}.00 销量 ${i * 7}</a></li>`,
  ).join('');
  return parseHtml(`<body><ul>${rows}</ul></body>`);
}

function pausesOf(steps: Generator<void, unknown, void>): number {
  let pauses = 0;
  while (!steps.next().done) pauses += 1;
  return pauses;
}

describe('detectors that read every link or thousands of matches', () => {
  it('pause within their work, at least once per PAUSE_EVERY items, so a sliced audit has no long task', () => {
    const { page } = runSteps(gatherPage(listingPage(), { url: URL_OF_PAGE, mode: 'static' }));
    const pauses = new Map<string, number>();
    for (const detector of DETECTORS) {
      const steps = detector.run(page, emptyFacts(URL_OF_PAGE));
      if (steps) pauses.set(detector.id, (pauses.get(detector.id) ?? 0) + pausesOf(steps));
    }
    expect([...pauses.keys()].sort()).toEqual(
      [
        'business-licence',
        'contact',
        'government-badges',
        'icp',
        'licences',
        'notices',
        'seller-identity',
        'signals',
        'terms-links',
        'unfair-clauses',
      ].sort(),
    );
    for (const id of ['business-licence', 'government-badges', 'licences', 'contact']) {
      expect(pauses.get(id), id).toBeGreaterThanOrEqual(ITEMS / PAUSE_EVERY - 1);
    }
  });

  it('pause within the terms links, which read only the links whose labels hold a terms word', () => {
    const rows = Array.from({ length: ITEMS }, (_, i) => `<li><a href="/rules/${i}.html">交易规则</a></li>`).join('');
    const { page } = runSteps(gatherPage(parseHtml(`<body><ul>${rows}</ul></body>`), { url: URL_OF_PAGE, mode: 'static' }));
    const termsLinks = DETECTORS.find((detector) => detector.id === 'terms-links')!;
    const facts = emptyFacts(URL_OF_PAGE);
    expect(pausesOf(termsLinks.run(page, facts) as Generator<void, unknown, void>)).toBeGreaterThanOrEqual(ITEMS / PAUSE_EVERY - 1);
    expect(facts.terms.tradingRules).toHaveLength(ITEMS);
  });

  it('pause every few findings where every link is one, and make evidence only for the findings kept', () => {
    // tel: and mailto: links, links to the regulator's licence page, badges and licences of thousands of names,
    // ICP numbers and identity marks shown as pictures.
    const kinds = [
      (i: number) => `<a href="tel:021-6084${String(i).padStart(4, '0')}">联系客服</a>`,
      (i: number) => `<a href="mailto:s${i}@example.cn">邮件</a>`,
      (i: number) => `<a href="https://zzlz.gsxt.gov.cn/x?i=${i}">营业执照</a>`,
      (i: number) => `<a href="https://www.gsxt.gov.cn/${i}"><img src="/gongshang${i}.png" alt="工商网监"></a>`,
      (i: number) => `<a href="/lic/${i}">第${i}号经营许可证</a>`,
      (i: number) => `<img src="/icp${i}.png" alt="沪ICP备${String(10000000 + i)}号">`,
      (i: number) => `<img src="/id${i}.png" alt="实名认证">`,
    ];
    const links = Array.from({ length: ITEMS }, (_, i) => kinds[i % kinds.length](i)).join(' ');
    const { page } = runSteps(gatherPage(parseHtml(`<body><div>${links}</div></body>`), { url: URL_OF_PAGE, mode: 'static' }));
    let made = 0;
    const evidenceForElement = page.evidenceForElement;
    page.evidenceForElement = (element, label) => {
      made++;
      return evidenceForElement(element, label);
    };
    const facts = emptyFacts(URL_OF_PAGE);
    for (const detector of DETECTORS) {
      const steps = detector.run(page, facts);
      if (!steps) continue;
      for (made = 0; !steps.next().done; made = 0) expect(made, detector.id).toBeLessThanOrEqual(PAUSE_EVERY_EVIDENCE);
    }
    expect(facts.phones).toHaveLength(FINDINGS_LIMIT);
    expect(facts.emails).toHaveLength(FINDINGS_LIMIT);
    expect(facts.businessLicence).toHaveLength(FINDINGS_LIMIT);
  });

  it('find in slices what they find at once', async () => {
    const options = { url: URL_OF_PAGE, mode: 'static' as const };
    const sliced = await gatherFactsAsync(listingPage(), options, { sliceMs: 0 });
    expect(sliced).toEqual(gatherFacts(listingPage(), options));
    expect(sliced.gatherErrors).toEqual([]);
  });
});
