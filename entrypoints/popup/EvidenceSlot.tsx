import { t } from '@/i18n';
import type { AuditResult, Locale } from '@/rules/types';
import { CaptureEvidence } from '@/components/evidence/CapturePanel';

export interface EvidenceSlotProps {
  result: AuditResult;
  auditId: number | null;
  tabId: number;
  locale: Locale;
  dashboardUrl: string;
}

/** The popup's "Evidence" section: capturing evidence of this page, and the way to the exports in the dashboard. */
export function EvidenceSlot({ locale, dashboardUrl, tabId }: EvidenceSlotProps) {
  return (
    <section class="evidence" aria-labelledby="evidence-heading" data-slot="evidence">
      <h2 id="evidence-heading">{t('popup_evidence_heading', locale)}</h2>
      <CaptureEvidence tabId={tabId} locale={locale} dashboardUrl={dashboardUrl} />
      <p>
        <a href={`${dashboardUrl}#export`} target="_blank" rel="noopener">
          {t('popup_open_exports', locale)}
        </a>
      </p>
    </section>
  );
}
