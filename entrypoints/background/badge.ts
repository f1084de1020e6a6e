import type { AuditResult, Locale, Verdict } from '@/rules/types';
import { t } from '@/i18n';

export const BADGE_COLOURS: Record<Verdict, string> = {
  pass: '#15803d',
  review: '#b45309',
  fail: '#b91c1c',
  na: '#6b7280',
};

/** What the badge shows for an audit: the grade, or a dash for a page that is not a marketplace page. */
export function badgeFor(result: AuditResult, locale: Locale = result.locale): { text: string; colour: string; title: string } {
  const failed = result.results.filter((r) => r.status === 'fail').length;
  const text = result.verdict === 'na' ? '–' : result.grade;
  const title =
    result.verdict === 'na'
      ? t('badgeTitleNotApplicable', locale)
      : t('badgeTitle', locale, { grade: result.grade, score: result.score, failed });
  return { text, colour: BADGE_COLOURS[result.verdict], title };
}

/** Firefox's MV2 build has `browserAction` where MV3 has `action`. */
function toolbarButton() {
  return browser.action ?? browser.browserAction;
}

export async function showBadge(tabId: number, result: AuditResult, locale?: Locale): Promise<void> {
  const badge = badgeFor(result, locale);
  const button = toolbarButton();
  await Promise.all([
    button.setBadgeText({ tabId, text: badge.text }),
    button.setBadgeBackgroundColor({ tabId, color: badge.colour }),
    button.setTitle({ tabId, title: badge.title }),
  ]);
}

/** A tab that starts loading another page loses its badge until that page is audited. */
export async function clearBadge(tabId: number): Promise<void> {
  const button = toolbarButton();
  await Promise.all([
    button.setBadgeText({ tabId, text: '' }),
    button.setTitle({ tabId, title: t('actionTitle') }),
  ]);
}
