import { renderMessage } from '@/rules/messages';
import { t } from '@/i18n';
import type { Locale, RuleResult } from '@/rules/types';
import { ruleKey } from '@/rules/checklist';

/** A rule's checklist title in `locale`. */
export function ruleTitle(ruleId: string, locale: Locale): string {
  return t(`rule_${ruleKey(ruleId)}_title`, locale);
}

/** A result's one-sentence explanation in `locale` (stored audits re-render in the UI's language). */
export function resultMessage(result: Pick<RuleResult, 'messageKey' | 'messageParams'>, locale: Locale): string {
  return renderMessage(result.messageKey, locale, result.messageParams);
}

export function pageTypeName(pageType: string, locale: Locale): string {
  return t(`page_type_${ruleKey(pageType)}`, locale);
}

export function groupName(group: string, locale: Locale): string {
  return t(`group_${ruleKey(group)}`, locale);
}
