import { useEffect, useMemo } from 'preact/hooks';
import { t } from '@/i18n';
import type { Locale } from '@/rules/types';
import { LiangzhaoDatabase } from '@/storage/db';
import { send } from '@/messaging/protocol';
import { createCaptureModel, pageCapturePermission } from '@/evidence/panels';
import { CapturePanel } from '@/components/evidence/CapturePanel';

export interface EvidenceSlotProps {
  tabId: number;
  locale: Locale;
  dashboardUrl: string;
}

/** The popup's "Evidence" section: capturing evidence of this page, and the way to the exports in the dashboard. */
export function EvidenceSlot({ locale, dashboardUrl, tabId }: EvidenceSlotProps) {
  const model = useMemo(
    () =>
      createCaptureModel({
        db: new LiangzhaoDatabase(),
        capture: (tab, caseFields) => send({ type: 'evidence:capture', tabId: tab, caseFields }),
        pageCapture: pageCapturePermission(),
      }),
    [],
  );
  useEffect(() => void model.load(), [model]);
  return (
    <section class="evidence" aria-labelledby="evidence-heading" data-slot="evidence">
      <h2 id="evidence-heading">{t('popup_evidence_heading', locale)}</h2>
      <CapturePanel model={model} tabId={tabId} locale={locale} dashboardUrl={dashboardUrl} />
      <p>
        <a href={`${dashboardUrl}#export`} target="_blank" rel="noopener">
          {t('popup_open_exports', locale)}
        </a>
      </p>
    </section>
  );
}
