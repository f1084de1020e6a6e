import { describe, expect, it } from 'vitest';
import { DOMParser } from 'linkedom';
import { auditDocument } from '@/rules';
import { LOCALES } from '@/i18n';
import { FIXTURE_NOW, FIXTURE_URL, fixtureRuleIds, ruleFixtures } from '../../support/rule-fixtures';

/**
 * The engine renders its messages from the rules' own catalogue only (the content script carries nothing else), so
 * every message any rule produces on any fixture must be there, in both languages.
 */
describe('rule messages', () => {
  const fixtures = fixtureRuleIds().flatMap((id) => ruleFixtures(id));

  it.each(LOCALES)('render from the rules catalogue in %s on every rule fixture', (locale) => {
    expect(fixtures.length).toBeGreaterThan(20);
    for (const fixture of fixtures) {
      const doc = new DOMParser().parseFromString(fixture.html, 'text/html') as unknown as Document;
      const audit = auditDocument(doc, { url: FIXTURE_URL, mode: 'static', locale, now: FIXTURE_NOW });
      for (const result of audit.results) {
        expect(result.message, `${fixture.file}: ${result.ruleId}`).not.toBe(result.messageKey);
        expect(result.message, `${fixture.file}: ${result.ruleId}`).not.toMatch(/\b[a-z]+_[a-z_]+\b|\{\w+\}/);
      }
    }
  });
});
