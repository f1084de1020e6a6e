/** Runs every rule fixture page through auditDocument on linkedom (static mode) and checks its rule's status. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { auditDocument } from '@/rules';
import { resultMessage } from '@/i18n/text';
import {
  expectedStatus,
  FIXTURE_NOW,
  FIXTURE_URL,
  fixtureRuleIds,
  ruleFixtures,
} from '../../support/rule-fixtures';

describe('rule fixtures (static, linkedom)', () => {
  for (const ruleId of fixtureRuleIds()) {
    describe(ruleId, () => {
      for (const fixture of ruleFixtures(ruleId)) {
        it(fixture.name, () => {
          const { document } = parseHTML(fixture.html);
          const audit = auditDocument(document as unknown as Document, {
            url: FIXTURE_URL,
            mode: 'static',
            pageType: fixture.expected.pageType,
            now: FIXTURE_NOW,
          });
          const result = audit.results.find((r) => r.ruleId === ruleId);
          expect(result?.status, `${result?.messageKey}: ${JSON.stringify(result?.messageParams)}`).toBe(expectedStatus(fixture.expected, 'static'));
          expect(result && resultMessage(result, 'zh_CN')).not.toBe(result?.messageKey);
          if (fixture.expected.messageKey) expect(result?.messageKey).toBe(fixture.expected.messageKey);
          if (fixture.expected.evidence) expect(result?.evidence.map((e) => e.text)).toEqual(fixture.expected.evidence);
        });
      }
    });
  }
});
