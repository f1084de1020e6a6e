import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Locale } from '@/rules/types';
import type { AuditQuery } from '@/storage/audits';
import { EXPORT_FORMATS } from '@/evidence/export/files';
import { createEvidenceModel, downloadFile } from '@/evidence/panels';
import { workerRunner } from '@/evidence/task-worker';
import { EvidenceTools } from '@/components/evidence/EvidencePanel';
import { isoWithOffset } from '@/utils/time';

export interface EvidenceToolbarProps {
  locale: Locale;
  /** The history query the person has set up: what "export what I see" exports. */
  query: AuditQuery;
}

/** `#export=<id>`: the popup's link to export the audit it just captured. */
function auditIdFromHash(hash: string): number | null {
  const match = /^#export=(\d+)$/.exec(hash);
  return match ? Number(match[1]) : null;
}

/** The dashboard's Export / Import / Verify area, with its model. */
export function EvidenceToolbar({ locale, query }: EvidenceToolbarProps) {
  const model = useMemo(
    () =>
      createEvidenceModel({
        // Started at the first task, and kept for the next ones.
        runner: workerRunner(() => new Worker(new URL('./evidence-worker.ts', import.meta.url), { type: 'module' })),
        extensionVersion: browser.runtime.getManifest().version,
        nowIso: () => isoWithOffset(new Date(), { milliseconds: true }),
        save: downloadFile,
      }),
    [],
  );
  const [auditId, setAuditId] = useState(() => auditIdFromHash(location.hash));
  useEffect(() => {
    const onHash = () => setAuditId(auditIdFromHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return <EvidenceTools model={model} locale={locale} filters={query} auditId={auditId} formats={EXPORT_FORMATS} />;
}
