import { t } from '@/i18n';
import { termsNoticeText } from '@/i18n/text';
import type { Locale } from '@/rules/types';
import { termsDiffUrl, type TermsPanelState } from './terms';

/** The version line of a terms page: first seen, whether it differs from the last version seen, and the diff. */
export function TermsPanel({ panel, locale, dashboardUrl }: { panel: TermsPanelState; locale: Locale; dashboardUrl: string }) {
  const { comparison } = panel;
  return (
    <section aria-labelledby="terms-heading" class="terms-panel" data-testid="terms-panel">
      <h2 id="terms-heading">{t('terms_popup_heading', locale)}</h2>
      <p data-testid="terms-first-seen">{t('terms_popup_first_seen', locale, { date: panel.firstSeen.slice(0, 16).replace('T', ' ') })}</p>
      <p data-testid="terms-change">
        {comparison === null
          ? t('terms_popup_first_version', locale)
          : comparison.identical
            ? t('terms_popup_same', locale)
            : t('terms_popup_differs', locale, {
                date: (panel.previousFirstSeen ?? '').slice(0, 10),
                added: comparison.counts.added,
                removed: comparison.counts.removed,
                changed: comparison.counts.changed,
              })}
      </p>
      {comparison && !comparison.identical && (
        <p data-testid="terms-notice" data-status={comparison.notice.status}>
          {termsNoticeText(comparison.notice.status, locale)}
        </p>
      )}
      <a href={termsDiffUrl(dashboardUrl, panel.canonicalUrl)} target="_blank" rel="noopener" data-testid="terms-diff-link">
        {t(comparison && !comparison.identical ? 'terms_popup_view_diff' : 'terms_popup_view_versions', locale, { count: panel.versions })}
      </a>
    </section>
  );
}
