import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StorageBanner } from '@/components/StorageBanner';
import { Checklist } from '@/components/Checklist';
import { PageTypeReasons } from '@/components/PageTypeReasons';
import type { PageClassification } from '@/rules/types';
import { ScoreChart } from '@/entrypoints/dashboard/ScoreChart';
import { rule } from '../../support/fixtures';

let root: HTMLElement;
const globals = globalThis as unknown as { document?: Document };
let previous: Document | undefined;

beforeEach(() => {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  previous = globals.document;
  globals.document = document as unknown as Document;
  root = document.getElementById('root') as unknown as HTMLElement;
});
afterEach(() => {
  render(null, root);
  globals.document = previous;
});

describe('StorageBanner', () => {
  it('says how many audits are not saved yet and why, and how many were dropped', () => {
    render(<StorageBanner status={{ pending: 2, dropped: 1, lastError: 'QuotaExceededError: disk full' }} locale="zh_CN" />, root);
    const banner = root.querySelector('[role="alert"]')!;
    expect(banner.textContent).toContain('有 2 条核查结果尚未保存');
    expect(banner.textContent).toContain('QuotaExceededError: disk full');
    expect(banner.textContent).toContain('有 1 条核查结果因暂存已满而没能保存');
  });

  it('shows nothing when every audit is saved', () => {
    render(<StorageBanner status={{ pending: 0, dropped: 0, lastError: null }} locale="en" />, root);
    expect(root.innerHTML).toBe('');
  });
});

describe('Checklist', () => {
  it('renders page text as text, cites the basis and says when evidence is hidden', () => {
    const markup = '<img src=x onerror=alert(1)>';
    render(
      <Checklist
        locale="zh_CN"
        highlights={{}}
        onShow={() => undefined}
        results={[
          rule('contact-details', 'contact', 'review', {
            basis: ['G2 art. 8(3)'],
            messageKey: 'rule_contact_details_review_partial',
            messageParams: { missingKeys: 'contact_item_phone' },
            evidence: [{ selector: 'p', text: `北京市${markup}`, href: null, visible: true }],
          }),
          rule('psb-filing', 'filing', 'fail', {
            basis: ['G2 art. 8(4)'],
            evidence: [{ selector: '#psb', text: '京公网安备 11010502000001号', href: null, visible: false, hiddenReason: 'display-none' }],
          }),
        ]}
      />,
      root,
    );
    expect(root.querySelectorAll('img')).toHaveLength(0);
    expect(root.textContent).toContain(markup);
    expect(root.querySelector('[data-rule="contact-details"]')!.textContent).toContain('依据：《网络交易平台合同格式条款规范指引》第八条第（三）项');
    expect(root.querySelector('[data-rule="psb-filing"] .evidence__hidden')!.textContent).toContain('display:none');
    // Failing groups come first.
    expect(root.querySelector('.checklist__group h3')!.id).toBe('group-filing');
  });
});

describe('ScoreChart', () => {
  it('draws one dot per audit, with a title and a description for screen readers', () => {
    render(
      <ScoreChart host="a.cn" locale="en" points={[{ atMs: 1, score: 40 }, { atMs: 2, score: 90 }]} />,
      root,
    );
    expect(root.querySelectorAll('circle')).toHaveLength(2);
    expect(root.querySelector('svg')!.getAttribute('role')).toBe('img');
    expect(root.querySelector('desc')!.textContent).toBe('2 audits, score from 40 to 90');
  });
});

describe('PageTypeReasons', () => {
  const classification: PageClassification = {
    type: 'shop',
    confidence: 0.6,
    uncertain: false,
    candidates: [
      { type: 'shop', score: 3, probability: 0.6 },
      { type: 'platform-home', score: 2.6, probability: 0.4 },
    ],
    features: [
      { feature: 'accountMenu', value: 4, type: 'shop', points: 2.72 },
      { feature: 'accountMenu', value: 4, type: 'platform-home', points: 1.25 },
      { feature: 'sellerSignup', value: 2, type: 'platform-home', points: 1.9 },
      { feature: 'sellerSignup', value: 2, type: 'shop', points: -0.77 },
      { feature: 'categoryMenu', value: 2, type: 'shop', points: 0.84 },
      { feature: 'categoryMenu', value: 2, type: 'platform-home', points: 0.84 },
    ],
  };

  it('names each feature once with its net direction between the winner and the runner-up, strongest first', () => {
    render(<PageTypeReasons classification={classification} locale="zh_CN" />, root);
    const items = [...root.querySelectorAll('li')].map((li) => [li.className, li.textContent]);
    expect(items).toHaveLength(2);
    expect(items[0][0]).toBe('reason--against');
    expect(items[0][1]).toMatch(/（2）：不像“店铺页”，更像“平台首页”$/);
    expect(items[1][0]).toBe('reason--for');
    expect(items[1][1]).toMatch(/（4）：像“店铺页”$/);
  });
});
