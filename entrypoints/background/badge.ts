import type { AuditResult, Locale } from '@/rules/types';
import { t } from '@/i18n';
import { badgeText, badgeTooltip, pausedTooltip } from '@/i18n/text';
import { VERDICT_COLOURS } from '@/components/verdict-colours';

/** What the badge shows for an audit (its words come from the text layer). */
export function badgeFor(result: AuditResult, locale: Locale = result.locale): { text: string; colour: string; title: string } {
  return { text: badgeText(result), colour: VERDICT_COLOURS[result.verdict], title: badgeTooltip(result, locale) };
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
export async function clearBadgeText(tabId: number): Promise<void> {
  await toolbarButton().setBadgeText({ tabId, text: '' });
}

/** The plain tooltip, unless the tab was given a grade (or the paused mark) since its text was cleared. */
export async function clearBadgeTitle(tabId: number, locale?: Locale): Promise<void> {
  const button = toolbarButton();
  if ((await button.getBadgeText({ tabId })) !== '') return;
  await button.setTitle({ tabId, title: t('actionTitle', locale) });
}

/** Two bars, as on a pause button: the site is not audited on its own, so there is no grade to show. */
export const PAUSED_BADGE_TEXT = '||';

/** A page on a paused site is not audited automatically: its badge says so instead of staying blank. */
export async function showPausedBadge(tabId: number, locale: Locale): Promise<void> {
  const button = toolbarButton();
  await Promise.all([
    button.setBadgeText({ tabId, text: PAUSED_BADGE_TEXT }),
    button.setBadgeBackgroundColor({ tabId, color: VERDICT_COLOURS.na }),
    button.setTitle({ tabId, title: pausedTooltip(locale) }),
  ]);
}
