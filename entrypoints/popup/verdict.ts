import { hasMessage, t } from '@/i18n';
import type { AuditResult, Locale, RuleResult } from '@/rules/types';
import { ruleKey } from '../../rules/checklist';

const LIST_SEPARATOR: Record<Locale, string> = { zh_CN: '、', en: ', ' };
const CLAUSE_SEPARATOR: Record<Locale, string> = { zh_CN: '，', en: '; ' };

/** A rule's phrase for the consumer view, falling back to its group's, or null when the rule has none. */
function phrase(kind: 'shown' | 'missing', result: RuleResult, locale: Locale): string | null {
  const specific = `consumer_${kind}_${ruleKey(result.ruleId)}`;
  if (hasMessage(specific)) return t(specific, locale);
  const general = `consumer_${kind}_group_${ruleKey(result.group)}`;
  return hasMessage(general) ? t(general, locale) : null;
}

function unique(items: Array<string | null>): string[] {
  return [...new Set(items.filter((item): item is string => item !== null))];
}

/**
 * The audit in one or two plain sentences for a shopper: what the page shows, what it leaves out (mandatory
 * failures only), and how many findings need a person's judgement. e.g. 这家店公示了营业执照，但没有留联系电话。
 */
export function consumerVerdict(result: AuditResult, locale: Locale): string {
  if (result.verdict === 'na') return t('consumer_verdict_na', locale);
  const subject = t(`consumer_subject_${ruleKey(result.pageType)}`, locale);
  const shown = unique(result.results.filter((r) => r.status === 'pass').map((r) => phrase('shown', r, locale)));
  const missing = unique(
    result.results
      .filter((r) => r.status === 'fail' && r.level === 'mandatory')
      .map((r) => phrase('missing', r, locale)),
  );
  const review = result.results.filter((r) => r.status === 'review' || r.status === 'error').length;
  const params = {
    subject,
    shown: shown.join(LIST_SEPARATOR[locale]),
    missing: missing.join(CLAUSE_SEPARATOR[locale]),
  };
  let sentence: string;
  if (shown.length > 0 && missing.length > 0) sentence = t('consumer_verdict_shown_missing', locale, params);
  else if (missing.length > 0) sentence = t('consumer_verdict_missing', locale, params);
  else if (shown.length > 0) {
    sentence = t(review > 0 ? 'consumer_verdict_shown' : 'consumer_verdict_shown_clean', locale, params);
  } else sentence = t('consumer_verdict_unclear', locale, params);
  return review > 0 ? `${sentence}${t('consumer_verdict_review', locale, { count: review })}` : sentence;
}
