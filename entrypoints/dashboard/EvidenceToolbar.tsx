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

/** The dashboard's "Export / Import / Verify" toolbar area, where the evidence exports mount their controls. */
export function EvidenceToolbar({ db, locale, query }: EvidenceToolbarProps) {
  return <EvidencePanel db={db} locale={locale} filters={query} />;
}
