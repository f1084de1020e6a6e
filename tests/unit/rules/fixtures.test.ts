/** Runs every rule fixture page through auditDocument on linkedom (static mode) and checks its rule's status. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { auditDocument } from '@/rules';
import {
  expectedStatus,
  FIXTURE_NOW,
  FIXTURE_URL,
  FIXTURE_NEEDS,
  fixtureRuleIds,
  pendingDetector,
  ruleFixtures,
} from '../../support/rule-fixtures';

describe('rule fixtures (static, linkedom)', () => {
  it('names the facts every fixture rule needs', () => {
    expect(Object.keys(FIXTURE_NEEDS).sort()).toEqual(fixtureRuleIds());
  });

  for (const ruleId of fixtureRuleIds()) {
    describe.skipIf(pendingDetector(ruleId))(ruleId, () => {
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
          expect(result?.status, `${result?.messageKey}: ${result?.message}`).toBe(expectedStatus(fixture.expected, 'static'));
          expect(result?.message).not.toBe(result?.messageKey);
        });
      }
    });
  }
});
