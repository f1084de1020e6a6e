/**
 * The rules on the labelled real home pages: each label implies a rule status (a linked ICP number passes, an
 * unlinked one is for review, none fails…). Fields a label marks ambiguous are judgement calls and not asserted.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { auditDocument } from '@/rules';
import type { RuleStatus } from '@/rules/types';
import { corpusFileName, corpusFileUrl, corpusHtml, corpusLabels, type CorpusExpected } from '../../support/corpus';

/** The status each label implies, with the label fields it rests on. */
const IMPLIED: Array<{ ruleId: string; fields: string[]; status: (e: CorpusExpected) => RuleStatus | null }> = [
  { ruleId: 'icp-number', fields: ['icpNumber', 'icpLinked'], status: (e) => (!e.icpNumber ? 'fail' : e.icpLinked ? 'pass' : 'review') },
  // A linked public-security number can still be for review (legacy form, other digits in the link): only absence is certain.
  { ruleId: 'psb-filing', fields: ['psbNumber', 'psbLinked'], status: (e) => (!e.psbNumber ? 'fail' : e.psbLinked ? null : 'review') },
  // No licence link can still pass on the licence written out as text, so only a link is certain.
  { ruleId: 'business-licence', fields: ['businessLicenceLink'], status: (e) => (e.businessLicenceLink ? 'pass' : null) },
  { ruleId: 'privacy-policy', fields: ['privacyPolicy'], status: (e) => (e.termsLinks.privacyPolicy ? 'pass' : 'fail') },
  {
    ruleId: 'dispute-mechanism',
    fields: ['consumerProtection', 'disputeResolution'],
    status: (e) => (e.termsLinks.consumerProtection || e.termsLinks.disputeResolution ? 'pass' : 'fail'),
  },
  {
    ruleId: 'terms-links',
    fields: ['userAgreement', 'tradingRules'],
    status: (e) => {
      const found = Number(e.termsLinks.userAgreement) + Number(e.termsLinks.tradingRules);
      return found === 2 ? 'pass' : found === 1 ? 'review' : 'fail';
    },
  },
  {
    ruleId: 'contact-details',
    fields: ['phone', 'email', 'address', 'postalCode'],
    status: (e) => {
      const found = [e.phone.length > 0, e.email.length > 0, Boolean(e.address), Boolean(e.postalCode)].filter(Boolean).length;
      return found === 4 ? 'pass' : found === 0 ? 'fail' : 'review';
    },
  },
];

describe('rules on the labelled home pages', () => {
  const homes = corpusLabels.filter((label) => label.pageType === 'platform-home');

  it('has labelled home pages', () => {
    expect(homes.length).toBeGreaterThan(0);
  });

  for (const label of homes) {
    it(corpusFileName(label), () => {
      const { document } = parseHTML(corpusHtml(label));
      const audit = auditDocument(document as unknown as Document, { url: corpusFileUrl(label), pageType: 'platform-home' });
      for (const { ruleId, fields, status } of IMPLIED) {
        if (fields.some((field) => label.ambiguous.includes(field))) continue;
        const expected = status(label.expected);
        if (!expected) continue;
        const result = audit.results.find((r) => r.ruleId === ruleId);
        expect(result?.status, `${ruleId}: ${result?.messageKey}`).toBe(expected);
      }
    });
  }
});
