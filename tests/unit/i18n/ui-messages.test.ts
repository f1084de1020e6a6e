import { describe, expect, it } from 'vitest';
import { hasMessage } from '@/i18n';
import { ruleCatalogue } from '@/rules';
import { HIDDEN_REASONS, PAGE_TYPES } from '@/rules/types';
import { GROUP_ORDER, ruleKey } from '@/rules/checklist';

/** Keys the UI builds from data (a group, a page type, a rule id): each one must exist, or the UI shows a raw key. */
describe('UI messages built from data', () => {
  it('names every rule group, page type and reason evidence can be hidden', () => {
    for (const group of GROUP_ORDER) expect(hasMessage(`group_${ruleKey(group)}`), group).toBe(true);
    for (const type of PAGE_TYPES) {
      expect(hasMessage(`page_type_${ruleKey(type)}`), type).toBe(true);
      expect(hasMessage(`consumer_subject_${ruleKey(type)}`), type).toBe(true);
    }
    for (const reason of HIDDEN_REASONS) expect(hasMessage(`hidden_reason_${ruleKey(reason)}`), reason).toBe(true);
  });

  it('has a consumer-view phrase for every mandatory rule that can fail, and a title for every rule', () => {
    for (const rule of ruleCatalogue) {
      expect(hasMessage(rule.titleKey), rule.id).toBe(true);
      expect(hasMessage(`rule_${ruleKey(rule.id)}_title`), rule.id).toBe(true);
      if (rule.level !== 'mandatory') continue;
      const phrase = hasMessage(`consumer_missing_${ruleKey(rule.id)}`) || hasMessage(`consumer_missing_group_${ruleKey(rule.group)}`);
      expect(phrase, rule.id).toBe(true);
    }
  });
});
