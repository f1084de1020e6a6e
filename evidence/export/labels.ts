import type { Locale, PageType, RuleGroup, RuleLevel, RuleStatus, Verdict } from '@/rules/types';
import { t } from '@/i18n';

/** Localised names for the engine's codes, shared by the CSV and the report. */

const PAGE_TYPE_KEYS: Record<PageType, string> = {
  'platform-home': 'evidencePageType_platformHome',
  shop: 'evidencePageType_shop',
  product: 'evidencePageType_product',
  terms: 'evidencePageType_terms',
  other: 'evidencePageType_other',
};

const GROUP_KEYS: Record<RuleGroup, string> = {
  licence: 'evidenceGroup_licence',
  filing: 'evidenceGroup_filing',
  contact: 'evidenceGroup_contact',
  terms: 'evidenceGroup_terms',
  seller: 'evidenceGroup_seller',
  'unfair-terms': 'evidenceGroup_unfairTerms',
  presentation: 'evidenceGroup_presentation',
};

/** A code from an imported file may be one this version does not know: it is then shown as written. */
function labelOr(keys: Record<string, string>, code: string, locale: Locale): string {
  return Object.hasOwn(keys, code) ? t(keys[code], locale) : code;
}

export const pageTypeLabel = (type: PageType, locale: Locale) => labelOr(PAGE_TYPE_KEYS, type, locale);
export const groupLabel = (group: RuleGroup, locale: Locale) => labelOr(GROUP_KEYS, group, locale);
export const statusLabel = (status: RuleStatus, locale: Locale) =>
  labelOr({ pass: 'evidenceStatus_pass', fail: 'evidenceStatus_fail', review: 'evidenceStatus_review', na: 'evidenceStatus_na', error: 'evidenceStatus_error' }, status, locale);
export const levelLabel = (level: RuleLevel, locale: Locale) =>
  labelOr({ mandatory: 'evidenceLevel_mandatory', encouraged: 'evidenceLevel_encouraged' }, level, locale);
export const verdictLabel = (verdict: Verdict, locale: Locale) =>
  labelOr({ pass: 'evidenceVerdict_pass', fail: 'evidenceVerdict_fail', review: 'evidenceVerdict_review', na: 'evidenceVerdict_na' }, verdict, locale);

export function visibilityLabel(visible: boolean | null, locale: Locale): string {
  return t(visible === true ? 'evidenceVisible_yes' : visible === false ? 'evidenceVisible_no' : 'evidenceVisible_unknown', locale);
}

/** The rule's message in `locale` when the catalogue has its key, else the message the audit stored. */
export function ruleMessage(result: { message: string; messageKey?: string; messageParams?: Record<string, string | number> }, locale: Locale, has: (key: string) => boolean): string {
  if (result.messageKey && has(result.messageKey)) return t(result.messageKey, locale, result.messageParams);
  return result.message;
}
