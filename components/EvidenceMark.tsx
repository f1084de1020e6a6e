import { t } from '@/i18n';
import type { Locale } from '@/rules/types';

/** Marks an audit in a list that carries captured evidence, in words as well as its look. */
export function EvidenceMark({ locale }: { locale: Locale }) {
  return (
    <span class="evidence-mark" title={t('evidence_mark_title', locale)} data-evidence-mark="">
      {t('evidence_mark', locale)}
    </span>
  );
}
