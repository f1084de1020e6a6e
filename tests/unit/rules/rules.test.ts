import { describe, expect, it } from 'vitest';
import advanceCompensation from '@/rules/catalogue/advance-compensation';
import businessLicence from '@/rules/catalogue/business-licence';
import closingNotice, { closingDate } from '@/rules/catalogue/closing-notice';
import contactDetails from '@/rules/catalogue/contact-details';
import disclosuresVisible from '@/rules/catalogue/disclosures-visible';
import disputeMechanism from '@/rules/catalogue/dispute-mechanism';
import governmentBadges from '@/rules/catalogue/government-badges';
import noAddedLiability from '@/rules/catalogue/no-added-liability';
import noFinalInterpretationClaim from '@/rules/catalogue/no-final-interpretation-claim';
import noLiabilityExclusion from '@/rules/catalogue/no-liability-exclusion';
import noRightsExclusion from '@/rules/catalogue/no-rights-exclusion';
import privacyPolicy from '@/rules/catalogue/privacy-policy';
import psbFiling from '@/rules/catalogue/psb-filing';
import shopSellerIdentity from '@/rules/catalogue/shop-seller-identity';
import socialResponsibilityReport from '@/rules/catalogue/social-responsibility-report';
import termsChangeNotice from '@/rules/catalogue/terms-change-notice';
import termsConspicuous from '@/rules/catalogue/terms-conspicuous';
import termsLinks from '@/rules/catalogue/terms-links';
import usccCheck from '@/rules/catalogue/uscc-check';
import type {
  BusinessLicenceFact,
  Evidence,
  G2Article,
  GovernmentBadgeFact,
  PsbFact,
  UnfairClauseFact,
  UsccFact,
} from '@/rules/types';
import { contextFor, factsWith, icpFact, noFacts, seen } from './facts';

const home = contextFor('platform-home');
const terms = contextFor('terms');
const shop = contextFor('shop');

function licence(text: string, overrides: Partial<BusinessLicenceFact> = {}): BusinessLicenceFact {
  return { ...seen(text, { href: 'https://www.example.cn/licence.html' }), official: false, target: 'site-page', ...overrides };
}
function uscc(code: string, overrides: Partial<UsccFact> = {}): UsccFact {
  return { ...seen(`统一社会信用代码：${code}`), code, valid: true, labelled: true, ...overrides };
}
function psb(text: string, overrides: Partial<PsbFact> = {}): PsbFact {
  const digits = text.replace(/\D/g, '');
  return { ...seen(text), digits, province: text.charAt(0), valid: true, form: 'current', linked: true, linkMatches: true, warnings: [], ...overrides };
}
function badge(claims: string, overrides: Partial<GovernmentBadgeFact> = {}): GovernmentBadgeFact {
  return { ...seen(claims, { href: 'https://zzlz.gsxt.gov.cn/x' }), claims, official: true, ...overrides };
}
function clause(text: string, phrase: string, basis: G2Article): UnfairClauseFact {
  return { ...seen(text), phrase, basis };
}
function notice(kind: string, text: string, overrides: Partial<Evidence> = {}) {
  return { ...seen(text), kind, ...overrides };
}
const terms0 = noFacts().terms;

describe('business-licence', () => {
  it('passes an official licence link', () => {
    const facts = factsWith({ businessLicence: [licence('营业执照', { official: true, target: 'official', href: 'https://zzlz.gsxt.gov.cn/x' })] });
    expect(businessLicence.evaluate(facts, home)).toMatchObject({ status: 'pass', messageKey: 'rule_business_licence_pass_official' });
  });
  it('passes an official 红盾 badge as the licence link', () => {
    expect(businessLicence.evaluate(factsWith({ governmentBadges: [badge('红盾')] }), home).status).toBe('pass');
  });
  it('passes a link to the site licence page', () => {
    expect(businessLicence.evaluate(factsWith({ businessLicence: [licence('经营证照')] }), home)).toMatchObject({ status: 'pass', messageParams: { label: '经营证照' } });
  });
  it('passes the licence written out as a labelled credit code', () => {
    expect(businessLicence.evaluate(factsWith({ uscc: [uscc('91330100716105852F')] }), home).messageKey).toBe('rule_business_licence_pass_text');
  });
  it('passes a picture of the licence shown on the page', () => {
    const picture = licence('营业执照', { href: null, target: 'image' });
    expect(businessLicence.evaluate(factsWith({ businessLicence: [picture] }), home).messageKey).toBe('rule_business_licence_pass_image');
  });
  it('asks for review when the label has no target', () => {
    expect(businessLicence.evaluate(factsWith({ businessLicence: [licence('营业执照', { href: null, target: 'none' })] }), home).status).toBe('review');
  });
  it('fails when the licence is only hidden, and when absent', () => {
    const concealed = licence('营业执照', { visible: false, hiddenReason: 'display-none' });
    expect(businessLicence.evaluate(factsWith({ businessLicence: [concealed] }), home).messageKey).toBe('rule_business_licence_fail_hidden');
    expect(businessLicence.evaluate(noFacts(), home).messageKey).toBe('rule_business_licence_fail_missing');
  });
});

describe('uscc-check', () => {
  it('passes a code whose check character is right, reviews one that is not, and is na without a code', () => {
    expect(usccCheck.evaluate(factsWith({ uscc: [uscc('91330100716105852F')] }), home).status).toBe('pass');
    const suspect = usccCheck.evaluate(factsWith({ uscc: [uscc('91330100716105852A', { valid: false })] }), home);
    expect(suspect).toMatchObject({ status: 'review', messageKey: 'rule_uscc_check_review_suspect', messageParams: { code: '91330100716105852A' } });
    expect(usccCheck.evaluate(noFacts(), home).status).toBe('na');
  });

  it('reports a code of the wrong length as the wrong length, not as a bad check character', () => {
    const short = usccCheck.evaluate(factsWith({ uscc: [uscc('9133010071610585F', { valid: false })] }), home);
    expect(short).toMatchObject({ status: 'review', messageKey: 'rule_uscc_check_review_length', messageParams: { code: '9133010071610585F', length: 17 } });
    const checked = usccCheck.evaluate(factsWith({ uscc: [uscc('91330100716105852A', { valid: false })] }), home);
    expect(checked.messageKey).toBe('rule_uscc_check_review_suspect');
  });

  it('reports a code with a character outside its alphabet (I, O, S, V, Z) as an invalid character', () => {
    const foreign = usccCheck.evaluate(factsWith({ uscc: [uscc('91350100M000100Y4Z', { valid: false })] }), home);
    expect(foreign).toMatchObject({ status: 'review', messageKey: 'rule_uscc_check_review_character', messageParams: { code: '91350100M000100Y4Z', characters: 'Z' } });
    const letterO = usccCheck.evaluate(factsWith({ uscc: [uscc('9133O10071610585SF', { valid: false })] }), home);
    expect(letterO.messageParams).toMatchObject({ characters: 'O、S' });
  });
});

describe('psb-filing', () => {
  it('passes a valid linked number whose link carries the same digits', () => {
    expect(psbFiling.evaluate(factsWith({ psb: [psb('京公网安备 11000002000088号')] }), home).status).toBe('pass');
  });
  it('reviews a link to other digits, an unlinked number, and a legacy form', () => {
    const mismatch = psb('京公网安备 11000002000088号', { linkMatches: false });
    expect(psbFiling.evaluate(factsWith({ psb: [mismatch] }), home).messageKey).toBe('rule_psb_filing_review_link_mismatch');
    const unlinked = psb('京公网安备 11000002000088号', { linked: false, linkMatches: null });
    expect(psbFiling.evaluate(factsWith({ psb: [unlinked] }), home).messageKey).toBe('rule_psb_filing_review_unlinked');
    const legacy = psb('北京市公安局朝阳分局备案编号110105014669', { valid: false, form: 'bureau', linked: false, linkMatches: null });
    expect(psbFiling.evaluate(factsWith({ psb: [legacy] }), home).messageKey).toBe('rule_psb_filing_review_form');
  });
  it('fails when absent or only hidden', () => {
    expect(psbFiling.evaluate(noFacts(), home).status).toBe('fail');
    expect(psbFiling.evaluate(factsWith({ psb: [psb('粤公网安备 44010602001483号', { visible: false })] }), home).messageKey).toBe('rule_psb_filing_fail_hidden');
  });
});

describe('contact-details', () => {
  const all = { phones: [{ ...seen('400-100-5678'), normalized: '4001005678', kind: 'hotline' as const }], emails: [seen('kf@example.cn')], addresses: [seen('上海市闵行区合川路2679号')], postalCodes: [seen('201103')] };
  it('passes with address, postal code, telephone and e-mail', () => {
    expect(contactDetails.evaluate(factsWith(all), home).status).toBe('pass');
  });
  it('reviews a partial disclosure and names what is missing', () => {
    const outcome = contactDetails.evaluate(factsWith({ phones: all.phones }), home);
    expect(outcome).toMatchObject({ status: 'review', messageParams: { missingKeys: 'contact_item_address|contact_item_postal_code|contact_item_email' } });
  });
  it('fails with nothing, and does not count hidden details', () => {
    expect(contactDetails.evaluate(noFacts(), home).status).toBe('fail');
    expect(contactDetails.evaluate(factsWith({ emails: [seen('a@b.cn', { visible: false })] }), home).status).toBe('fail');
  });
});

describe('terms-links', () => {
  it('passes with both the user agreement and the trading rules', () => {
    const facts = factsWith({ terms: { ...terms0, userAgreement: [seen('用户协议')], tradingRules: [seen('平台规则')] } });
    expect(termsLinks.evaluate(facts, home).status).toBe('pass');
  });
  it('reviews one of the two, naming the other', () => {
    const facts = factsWith({ terms: { ...terms0, tradingRules: [seen('规则')], privacyPolicy: [seen('隐私政策')] } });
    expect(termsLinks.evaluate(facts, home)).toMatchObject({ status: 'review', messageParams: { missingKeys: 'terms_kind_user_agreement' } });
    expect(termsLinks.evaluate(facts, home).evidence.map((e) => e.text)).toEqual(['规则']);
  });
  it('fails with neither, even when privacy is linked, and cites no link of another kind', () => {
    const facts = factsWith({ terms: { ...terms0, privacyPolicy: [seen('隐私政策')], disputeResolution: [seen('投诉中心')] } });
    expect(termsLinks.evaluate(facts, home)).toMatchObject({ status: 'fail', evidence: [] });
  });
});

describe('privacy-policy and dispute-mechanism', () => {
  it('pass when linked, fail when missing or hidden', () => {
    expect(privacyPolicy.evaluate(factsWith({ terms: { ...terms0, privacyPolicy: [seen('隐私政策')] } }), home).status).toBe('pass');
    expect(privacyPolicy.evaluate(noFacts(), home).status).toBe('fail');
    expect(privacyPolicy.evaluate(factsWith({ terms: { ...terms0, privacyPolicy: [seen('隐私政策', { visible: false })] } }), home).messageKey).toBe('rule_privacy_policy_fail_hidden');
    expect(disputeMechanism.evaluate(factsWith({ terms: { ...terms0, consumerProtection: [seen('消费者保障')] } }), home).status).toBe('pass');
    expect(disputeMechanism.evaluate(factsWith({ terms: { ...terms0, disputeResolution: [seen('投诉与建议')] } }), home).status).toBe('pass');
    expect(disputeMechanism.evaluate(noFacts(), home).status).toBe('fail');
  });
});

describe('disclosures-visible', () => {
  it('passes when every disclosure is visible', () => {
    expect(disclosuresVisible.evaluate(factsWith({ icp: [icpFact('京ICP备11041704号')] }), home)).toMatchObject({ status: 'pass', messageParams: { count: 1 } });
  });
  it('fails a kind of disclosure found only hidden', () => {
    const concealed = icpFact('京ICP备11041704号', { visible: false, hiddenReason: 'opacity-zero' });
    const outcome = disclosuresVisible.evaluate(factsWith({ icp: [concealed], emails: [seen('a@b.cn')] }), home);
    expect(outcome).toMatchObject({ status: 'fail', messageParams: { kindsKeys: 'disclosure_kind_icp' } });
    expect(outcome.evidence[0].hiddenReason).toBe('opacity-zero');
  });
  it('reviews hidden items beside visible ones of the same kind (another company block)', () => {
    const visible = icpFact('浙B2-20110446', { kind: 'telecom' });
    const other = icpFact('粤ICP备14088652号-2', { visible: false, hiddenReason: 'display-none' });
    expect(disclosuresVisible.evaluate(factsWith({ icp: [visible, other] }), home).messageKey).toBe('rule_disclosures_visible_review_extra_hidden');
  });
  it('says a static parse needs a browser when visibility is unknown', () => {
    const unknown = icpFact('京ICP备11041704号', { visible: null });
    expect(disclosuresVisible.evaluate(factsWith({ icp: [unknown] }), contextFor('platform-home', 'static'))).toMatchObject({ status: 'review', messageKey: 'rule_disclosures_visible_review_needs_browser' });
  });
  it('has nothing to judge without disclosures', () => {
    expect(disclosuresVisible.evaluate(noFacts(), home).status).toBe('na');
  });
});

describe('government-badges', () => {
  it('passes badges that point to government hosts, and is na without badges', () => {
    expect(governmentBadges.evaluate(factsWith({ governmentBadges: [badge('工商网监')] }), home).status).toBe('pass');
    expect(governmentBadges.evaluate(noFacts(), home).status).toBe('na');
  });
  it('fails a badge pointing to a lookalike host, quoting where it goes', () => {
    const fake = badge('红盾', { official: false, href: 'https://gsxt.gov.cn.example.com/' });
    expect(governmentBadges.evaluate(factsWith({ governmentBadges: [fake] }), home)).toMatchObject({ status: 'fail', messageParams: { claims: '红盾', href: 'https://gsxt.gov.cn.example.com/' } });
  });
  it('reviews a badge with no link', () => {
    expect(governmentBadges.evaluate(factsWith({ governmentBadges: [badge('公安', { official: false, href: null })] }), home).status).toBe('review');
  });
});

describe('shop-seller-identity', () => {
  it('passes a seller licence link or a labelled credit code', () => {
    expect(shopSellerIdentity.evaluate(factsWith({ businessLicence: [licence('营业执照')] }), shop).status).toBe('pass');
    expect(shopSellerIdentity.evaluate(factsWith({ uscc: [uscc('91330100716105852F')] }), shop).messageKey).toBe('rule_shop_seller_identity_pass_licence_text');
  });
  it('passes a verified natural person with contact, reviews one without', () => {
    const verified = { identityVerified: true, identityEvidence: [seen('实名认证')] };
    expect(shopSellerIdentity.evaluate(factsWith({ ...verified, emails: [seen('a@b.cn')] }), shop).status).toBe('pass');
    expect(shopSellerIdentity.evaluate(factsWith(verified), shop).status).toBe('review');
  });
  it('reviews a licence that sits in the platform footer beside its filing numbers', () => {
    const footer = 'html > body > footer > p:nth-of-type(2)';
    const platformIcp = icpFact('浙B2-20120165', { selector: `${footer} > a:nth-of-type(1)` });
    const platformLicence = licence('营业执照', { selector: `html > body > footer > p:nth-of-type(1) > a` });
    const outcome = shopSellerIdentity.evaluate(factsWith({ icp: [platformIcp], businessLicence: [platformLicence] }), shop);
    expect(outcome).toMatchObject({ status: 'review', messageKey: 'rule_shop_seller_identity_review_platform_licence' });
    const sellerLicence = licence('营业执照', { selector: 'html > body > div:nth-of-type(2) > p > a' });
    expect(shopSellerIdentity.evaluate(factsWith({ icp: [platformIcp], businessLicence: [sellerLicence] }), shop).status).toBe('pass');
  });

  it('fails a shop that shows neither', () => {
    expect(shopSellerIdentity.evaluate(noFacts(), shop).status).toBe('fail');
  });
});

describe('unfair-term rules', () => {
  const cases = [
    { rule: noLiabilityExclusion, basis: 'G2 art. 10' as const, clear: ['本店商品一经售出概不退换。', '概不退换'], unclear: ['因任何原因造成的损失，本平台不承担任何责任。', '不承担任何责任'] },
    { rule: noAddedLiability, basis: 'G2 art. 11' as const, clear: ['卡内金额过期作废。', '过期作废'], unclear: ['用户应承担订单金额十倍的违约金。', '违约金'] },
    { rule: noRightsExclusion, basis: 'G2 art. 12' as const, clear: ['用户同意放弃向法院提起诉讼的权利。', '放弃…诉讼'], unclear: ['争议只能由平台所在地仲裁委员会仲裁。', '只能由…仲裁'] },
    { rule: noFinalInterpretationClaim, basis: 'G2 art. 13' as const, clear: ['本活动最终解释权归本公司所有。', '最终解释权归…所有'], unclear: ['对本规则的解释以平台公告为准。', '以平台公告为准'] },
  ];
  for (const { rule, basis, clear, unclear } of cases) {
    it(`${rule.id}: fails an unambiguous clause, reviews a possible one, passes without`, () => {
      const failed = rule.evaluate(factsWith({ unfairClauses: [clause(clear[0], clear[1], basis)] }), terms);
      expect(failed).toMatchObject({ status: 'fail', messageParams: { sentence: clear[0] } });
      expect(failed.evidence[0].text).toBe(clear[0]);
      expect(rule.evaluate(factsWith({ unfairClauses: [clause(unclear[0], unclear[1], basis)] }), terms).status).toBe('review');
      expect(rule.evaluate(noFacts(), terms).status).toBe('pass');
    });
    it(`${rule.id}: cites every clause, the unambiguous first, and counts them`, () => {
      const outcome = rule.evaluate(
        factsWith({ unfairClauses: [clause(unclear[0], unclear[1], basis), clause(clear[0], clear[1], basis), clause(`另：${clear[0]}`, clear[1], basis)] }),
        terms,
      );
      expect(outcome).toMatchObject({ status: 'fail', messageKey: `rule_${rule.id.replace(/-/g, '_')}_fail_clauses`, messageParams: { sentence: clear[0], count: 3 } });
      expect(outcome.evidence.map((e) => e.text)).toEqual([clear[0], `另：${clear[0]}`, unclear[0]]);
    });
    it(`${rule.id}: ignores clauses tied to other articles`, () => {
      const other = basis === 'G2 art. 13' ? 'G2 art. 10' : 'G2 art. 13';
      expect(rule.evaluate(factsWith({ unfairClauses: [clause(clear[0], clear[1], other)] }), terms).status).toBe('pass');
    });
  }
});

describe('terms-change-notice', () => {
  it('fails changes without notice, reviews a possible one, passes a promise of advance publication', () => {
    const noNotice = clause('本平台有权随时修改本协议，恕不另行通知。', '有权随时修改…恕不另行通知', 'G2 art. 6');
    expect(termsChangeNotice.evaluate(factsWith({ unfairClauses: [noNotice] }), terms).status).toBe('fail');
    const vague = clause('本平台有权根据需要随时修改本协议。', '有权随时修改', 'G2 art. 6');
    expect(termsChangeNotice.evaluate(factsWith({ unfairClauses: [vague] }), terms).status).toBe('review');
    const promise = notice('terms-change-advance', '修改后的协议将提前七日在首页公示。');
    expect(termsChangeNotice.evaluate(factsWith({ notices: [promise] }), terms).messageKey).toBe('rule_terms_change_notice_pass_advance');
    expect(termsChangeNotice.evaluate(noFacts(), terms).status).toBe('pass');
  });
});

describe('terms-conspicuous', () => {
  it('passes marked key clauses, fails hidden ones, reviews when none are found', () => {
    expect(termsConspicuous.evaluate(factsWith({ notices: [notice('conspicuous-terms', '本平台不承担……')] }), terms).status).toBe('pass');
    expect(termsConspicuous.evaluate(factsWith({ notices: [notice('conspicuous-terms', 'x', { visible: false })] }), terms).status).toBe('fail');
    expect(termsConspicuous.evaluate(noFacts(), terms).status).toBe('review');
  });
});

describe('closing-notice', () => {
  it('is not applicable without a closing announcement', () => {
    expect(closingNotice.evaluate(noFacts(), home).status).toBe('na');
  });
  it('passes a visible notice three months or more ahead, reviews a nearer or undated one', () => {
    const far = notice('closing', '本平台将于2027年3月31日停止运营。');
    expect(closingNotice.evaluate(factsWith({ notices: [far] }), home)).toMatchObject({ status: 'pass', messageParams: { date: '2027-03-31' } });
    const near = notice('closing', '本平台将于2026年12月15日停止运营。');
    expect(closingNotice.evaluate(factsWith({ notices: [near] }), home).messageKey).toBe('rule_closing_notice_review_short_notice');
    expect(closingNotice.evaluate(factsWith({ notices: [notice('closing', '本平台即将停止运营。')] }), home).messageKey).toBe('rule_closing_notice_review_no_date');
  });
  it('says which period a nearer date still meets: thirty days (E-Commerce Law art. 16) but not three months (G1 art. 24)', () => {
    const month = notice('closing', '本平台将于2027年1月20日停止运营。');
    expect(closingNotice.evaluate(factsWith({ notices: [month] }), home)).toMatchObject({
      status: 'review',
      messageKey: 'rule_closing_notice_review_thirty_days_only',
      messageParams: { date: '2027-01-20' },
    });
    expect(closingNotice.basis).toEqual(['G1 art. 24', 'E-Commerce Law art. 16']);
  });
  it('fails a hidden closing notice', () => {
    expect(closingNotice.evaluate(factsWith({ notices: [notice('closing', '2027年3月31日停止运营', { visible: false })] }), home).status).toBe('fail');
  });
  it('reads the closing date in several writings', () => {
    expect(closingDate('2027-03-01')?.getDate()).toBe(1);
    expect(closingDate('2027/3/1 起')?.getMonth()).toBe(2);
    expect(closingDate('没有日期')).toBeNull();
  });
});

describe('encouraged rules', () => {
  it('advance-compensation and social-responsibility-report pass with a notice and fail without', () => {
    expect(advanceCompensation.evaluate(factsWith({ notices: [notice('advance-compensation', '先行赔付')] }), home).status).toBe('pass');
    expect(advanceCompensation.evaluate(noFacts(), home).status).toBe('fail');
    expect(advanceCompensation.level).toBe('encouraged');
    expect(socialResponsibilityReport.evaluate(factsWith({ notices: [notice('social-responsibility-report', '社会责任报告')] }), home).status).toBe('pass');
    expect(socialResponsibilityReport.evaluate(noFacts(), home).status).toBe('fail');
  });
});
