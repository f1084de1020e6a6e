import type { Locale } from '@/rules/types';
import type { AuditQuery } from '@/storage/audits';
import type { LiangzhaoDatabase } from '@/storage/db';
import { EvidencePanel } from '@/components/evidence/EvidencePanel';

export interface EvidenceToolbarProps {
  db: LiangzhaoDatabase;
  locale: Locale;
  /** The history query the person has set up: what "export what I see" exports. */
  query: AuditQuery;
}

/**
 * The dashboard's "Export / Import / Verify" toolbar area: the evidence exports (issue 5) mount their controls here.
 * It renders nothing until they do, so the dashboard never shows an empty toolbar.
 */
export function EvidenceToolbar({ db, locale, query }: EvidenceToolbarProps) {
  return <EvidencePanel db={db} locale={locale} filters={query} />;
}
