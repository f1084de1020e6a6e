import { describe, expect, it } from 'vitest';
import { consumerVerdict } from '@/entrypoints/popup/verdict';
import { audit, rule } from '../../../support/fixtures';

describe('consumer verdict', () => {
  it('says what a shop shows and what it leaves out, in plain Chinese', () => {
    const result = audit({
      pageType: 'shop',
      results: [
        rule('business-licence', 'licence', 'pass'),
        rule('contact-details', 'contact', 'fail'),
        rule('shop-seller-identity', 'seller', 'na'),
      ],
    });
    expect(consumerVerdict(result, 'zh_CN')).toBe('这家店公示了营业执照，但没有留联系方式。');
    expect(consumerVerdict(result, 'en')).toBe('This shop shows its business licence, but leaves no way to contact it.');
  });

  it('lists several findings once each, ignores encouraged failures and counts what needs review', () => {
    const result = audit({
      pageType: 'platform-home',
      results: [
        rule('business-licence', 'licence', 'pass'),
        rule('icp-number', 'filing', 'pass'),
        rule('no-liability-exclusion', 'unfair-terms', 'fail'),
        rule('no-rights-exclusion', 'unfair-terms', 'fail'),
        rule('advance-compensation', 'terms', 'fail', { level: 'encouraged' }),
        rule('contact-details', 'contact', 'review'),
      ],
    });
    expect(consumerVerdict(result, 'zh_CN')).toBe(
      '这个平台公示了营业执照、ICP 备案号，但协议里有对消费者不公平的条款。另有 1 项需要人工确认。',
    );
  });

  it('says when nothing was found wrong, when only failures were found, and when the page is not a shop', () => {
    const clean = audit({ pageType: 'platform-home', verdict: 'pass', results: [rule('icp-number', 'filing', 'pass')] });
    expect(consumerVerdict(clean, 'zh_CN')).toBe('这个平台公示了ICP 备案号，没有发现问题。');
    const bad = audit({ results: [rule('icp-number', 'filing', 'fail'), rule('contact-details', 'contact', 'fail')] });
    expect(consumerVerdict(bad, 'zh_CN')).toBe('这家店没有公示有效的 ICP 备案号，没有留联系方式。');
    const other = audit({ verdict: 'na', pageType: 'other', results: [rule('icp-number', 'filing', 'na')] });
    expect(consumerVerdict(other, 'zh_CN')).toContain('无需核查');
  });
});
