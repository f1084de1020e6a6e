import { describe, expect, it } from 'vitest';
import { isIdentityMark } from '@/rules/detectors/seller-identity';
import { FINDINGS_LIMIT } from '@/rules/detectors/findings-limit';
import { factsOf } from '../gather/support/dom';

describe('seller identity', () => {
  it.each(['已实名认证', '实名认证', '个人认证', '身份认证', '店铺认证', 'Verified seller'])('%s is a mark', (text) => {
    expect(isIdentityMark(text)).toBe(true);
  });

  it('is not fooled by invitations and denials', () => {
    expect(isIdentityMark('实名认证', '如何', '？')).toBe(false);
    expect(isIdentityMark('实名认证', '未')).toBe(false);
    expect(isIdentityMark('实名认证', '立即')).toBe(false);
  });

  it('sets identityVerified from a visible or unknown mark, with evidence', () => {
    const facts = factsOf('<div class="shop-info"><span>掌柜：小王</span><span>已实名认证</span><img alt="个人认证" src="/rz.png"></div>');
    expect(facts.identityVerified).toBe(true);
    expect(facts.identityEvidence.map((e) => e.text)).toEqual(['已实名认证', '个人认证']);
  });

  it('does not count a hidden mark or the account menu link', () => {
    const facts = factsOf('<a href="/account/realname">实名认证</a><span style="display:none">已实名认证</span>');
    expect(facts.identityVerified).toBe(false);
    expect(facts.identityEvidence).toHaveLength(1);
  });

  it('keeps evidence of the first FINDINGS_LIMIT marks of a page that repeats them thousands of times', () => {
    const facts = factsOf(`<p>${'<span>已实名认证</span> '.repeat(3000)}</p>`);
    expect(facts.identityVerified).toBe(true);
    expect(facts.identityEvidence).toHaveLength(FINDINGS_LIMIT);
  });

  it('still finds a visible mark after more than FINDINGS_LIMIT hidden ones', () => {
    const hidden = '<span style="display:none">已实名认证</span>'.repeat(FINDINGS_LIMIT + 50);
    const facts = factsOf(`<div>${hidden}</div><p>店铺 已实名认证</p>`);
    expect(facts.identityVerified).toBe(true);
    expect(facts.identityEvidence).toHaveLength(FINDINGS_LIMIT);
  });
});
