import type { AuditResult, Verdict } from '@/rules/types';
import { t } from '@/i18n';

export const BADGE_COLOURS: Record<Verdict, string> = {
  pass: '#15803d',
  review: '#b45309',
  fail: '#b91c1c',
  na: '#6b7280',
};

/** What the badge shows for an audit: the grade, or a dash for a page that is not a marketplace page. */
export function badgeFor(result: AuditResult): { text: string; colour: string; title: string } {
  const failed = result.results.filter((r) => r.status === 'fail').length;
  const text = result.verdict === 'na' ? '–' : result.grade;
  const title =
    result.verdict === 'na'
      ? t('badgeTitleNotApplicable', result.locale)
      : t('badgeTitle', result.locale, { grade: result.grade, score: result.score, failed });
  return { text, colour: BADGE_COLOURS[result.verdict], title };
}

export async function showBadge(tabId: number, result: AuditResult): Promise<void> {
  const badge = badgeFor(result);
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: badge.text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: badge.colour }),
    browser.action.setTitle({ tabId, title: badge.title }),
  ]);
}

/** A tab that starts loading another page loses its badge until that page is audited. */
export async function clearBadge(tabId: number): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: '' }),
    browser.action.setTitle({ tabId, title: t('actionTitle') }),
  ]);
}
