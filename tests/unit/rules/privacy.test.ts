import { resultMessage } from '@/i18n/text';
/**
 * The privacy-policy rules item by item on three policies written for the tests (full, partial, minimal) and on
 * the real JD, Taobao and NetEase policies of the labelled corpus: tests/fixtures/privacy/expected.json.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../cli/load';
import { auditDocument } from '@/rules';

const DIR = resolve('tests/fixtures/privacy');

interface PolicyExpectation {
  note: string;
  charset: string | null;
  items: Record<string, { status: string; messageKey: string }>;
}

const expectations: Record<string, PolicyExpectation> = JSON.parse(readFileSync(resolve(DIR, 'expected.json'), 'utf8'));

function auditPolicy(file: string, charset: string | null) {
  const html = decodeHtml(readFileSync(resolve(DIR, file)), charset);
  return auditDocument(parseHTML(html).document as unknown as Document, { url: 'https://www.example.cn/privacy', mode: 'static' });
}

describe('privacy-policy rules, item by item', () => {
  for (const [file, expected] of Object.entries(expectations)) {
    describe(file, () => {
      const audit = auditPolicy(file, expected.charset);

      it('is read as a privacy policy on a terms page', () => {
        expect(audit.pageType).toBe('terms');
        expect(audit.facts.termsDocument?.kind).toBe('privacy-policy');
      });

      for (const [ruleId, item] of Object.entries(expected.items)) {
        it(`${ruleId}: ${item.messageKey}`, () => {
          const result = audit.results.find((r) => r.ruleId === ruleId)!;
          expect({ status: result.status, messageKey: result.messageKey }, resultMessage(result, 'zh_CN')).toEqual(item);
          // A pass or a review quotes the sentence that satisfies or hints at the item, from the policy itself.
          if (item.status === 'pass' || item.status === 'review') {
            expect(result.evidence.length).toBeGreaterThan(0);
            const text = audit.facts.termsDocument!.clauses.map((clause) => clause.text).join('\n');
            for (const evidence of result.evidence) expect(text).toContain(evidence.text);
          }
        });
      }
    });
  }

  it('names the missing items of a partial policy', () => {
    const audit = auditPolicy('partial.html', null);
    const rights = audit.results.find((r) => r.ruleId === 'privacy-rights')!;
    expect(rights.messageParams?.missingKeys).toBe('privacy_right_copy|privacy_right_withdraw|privacy_right_close_account');
    expect(resultMessage(rights, 'zh_CN')).toBe('写明了部分权利，未找到：复制、撤回同意、注销账户，请人工确认。');
  });

  it('does not apply to an agreement that is not a privacy policy', () => {
    const html = readFileSync('tests/fixtures/terms/agreement-v1.html', 'utf8');
    const audit = auditDocument(parseHTML(html).document as unknown as Document, { url: 'https://www.example.cn/agreement', mode: 'static' });
    for (const result of audit.results.filter((r) => r.ruleId.startsWith('privacy-') && r.ruleId !== 'privacy-policy')) {
      expect(result.messageKey, result.ruleId).toMatch(/_na_not_privacy$/);
    }
  });
});
