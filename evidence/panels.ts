import { signal } from '@preact/signals';
import type { Locale } from '@/rules/types';
import { loadLocale, t } from '@/i18n';
import type { LiangzhaoDatabase } from '@/storage/db';
import { hasFilters, matchingKeys, type AuditFilters } from '@/storage/audits';
import type { CaptureReply } from '@/messaging/protocol';
import { loadCaseFields, saveCaseFields } from '@/evidence/capture/store';
import { PAGE_CAPTURE_PERMISSION } from '@/evidence/capture/collect';
import { auditIdsFor, entrySource, importJsonText, linksStoredHere, verifyStoredChains } from '@/evidence/export/import';
import { verifyBundle } from '@/evidence/export/bundle';
import { EMPTY_CASE, type CaseFields } from '@/evidence/seal/record';
import { makeExport, type ExportFile, type ExportFormat } from '@/evidence/export/files';
import { describeProblem, problem } from '@/evidence/problems';
import { readBlobLines } from '@/evidence/export/read-text';

/** What an export covers: the audit a person came from, the audits matching the dashboard's filters, or all. */
export type ExportScope = { kind: 'audit'; id: number } | { kind: 'filtered'; filters: AuditFilters } | { kind: 'all' };

export interface Progress {
  label: string;
  done: number;
  total: number;
}

export interface Notice {
  ok: boolean;
  text: string;
  /** Further lines (every problem found, after the first break). */
  details?: string[];
}

export interface EvidenceDeps {
  db: LiangzhaoDatabase;
  extensionVersion: string;
  nowIso: () => string;
  /** Saves a file for the person (a download). */
  save: (file: ExportFile) => void;
}

/** How often a long task's progress is shown: often enough to see it move, seldom enough not to cost. */
const PROGRESS_INTERVAL_MS = 200;

/** The dashboard's export, import and verify controls: one task at a time, with progress and a cancel. */
export function createEvidenceModel(deps: EvidenceDeps) {
  const progress = signal<Progress | null>(null);
  const notice = signal<Notice | null>(null);
  let controller: AbortController | null = null;
  /** The newest progress not yet shown; null once the task has ended. */
  let pendingProgress: Progress | null = null;
  let updateScheduled = false;

  async function run(locale: Locale, task: (signal: AbortSignal) => Promise<Notice>) {
    if (controller) return;
    controller = new AbortController();
    notice.value = null;
    try {
      // Asked in another language than the page's (its notices and files), that catalogue is loaded first.
      await loadLocale(locale);
      notice.value = await task(controller.signal);
    } catch (error) {
      const cancelled = controller.signal.aborted;
      notice.value = {
        ok: false,
        text: cancelled ? t('evidenceUi_cancelled', locale) : t('evidenceUi_failed', locale, { error: error instanceof Error ? error.message : String(error) }),
      };
    } finally {
      controller = null;
      pendingProgress = null;
      progress.value = null;
    }
  }

  // An export reports every audit, ten thousand times in a long one: each report re-rendering the panel cost more
  // than writing the audit, and even once a frame the dashboard's repaints took a fifth of a CSV export's time. A
  // step's first report shows at once (it marks the panel busy), later ones every PROGRESS_INTERVAL_MS.
  const report = (label: string) => (done: number, total: number) => {
    const next = { label, done, total };
    if (progress.value?.label !== label) {
      progress.value = next;
      return;
    }
    pendingProgress = next;
    if (updateScheduled) return;
    updateScheduled = true;
    setTimeout(() => {
      updateScheduled = false;
      if (pendingProgress) progress.value = pendingProgress;
      pendingProgress = null;
    }, PROGRESS_INTERVAL_MS);
  };

  async function idsOf(scope: ExportScope): Promise<number[]> {
    if (scope.kind === 'audit') return [scope.id];
    if (scope.kind === 'filtered' && hasFilters(scope.filters)) {
      const matching = await matchingKeys(deps.db, scope.filters);
      return (await auditIdsFor(deps.db, 'all')).filter((id) => matching.has(id));
    }
    return auditIdsFor(deps.db, 'all');
  }

  return {
    progress,
    notice,
    busy: () => controller !== null,
    cancel: () => controller?.abort(),

    exportAs(format: ExportFormat, scope: ExportScope, locale: Locale) {
      return run(locale, async (abort) => {
        const ids = await idsOf(scope);
        if (ids.length === 0) return { ok: false, text: t('evidenceUi_nothingToExport', locale) };
        const file = await makeExport(format, entrySource(deps.db, ids), {
          locale,
          exportedAt: deps.nowIso(),
          extensionVersion: deps.extensionVersion,
          onProgress: report(t('evidenceUi_writing', locale)),
          signal: abort,
        });
        abort.throwIfAborted();
        deps.save(file);
        return { ok: true, text: t('evidenceUi_exported', locale, { count: ids.length, file: file.name }) };
      });
    },

    importFile(file: Blob, locale: Locale) {
      return run(locale, async () => {
        let text: string[];
        try {
          text = await readBlobLines(file, report(t('evidenceUi_reading', locale)));
        } catch (error) {
          return { ok: false, text: describeProblem(problem('importNotJson', { detail: error instanceof Error ? error.message : String(error) }), locale) };
        }
        const result = await importJsonText(deps.db, text, report(t('evidenceUi_checking', locale)));
        if (!result.ok) return { ok: false, text: describeProblem(result.problem, locale) };
        return { ok: true, text: t('evidenceUi_imported', locale, { ...result.outcome }) };
      });
    },

    verifyChain(locale: Locale) {
      return run(locale, async () => {
        const result = await verifyStoredChains(deps.db, report(t('evidenceUi_verifying', locale)));
        if (result.intact) return { ok: true, text: t('evidenceUi_chainIntact', locale, { count: result.captures, chains: result.chains.length }) };
        const problems = result.chains.flatMap((c) => c.problems).map((p) => describeProblem(p, locale));
        return { ok: false, text: t('evidenceUi_chainBroken', locale, { first: problems[0] }), details: problems.slice(1) };
      });
    },

    verifyBundleFile(file: Blob, name: string, locale: Locale) {
      return run(locale, async () => {
        const result = await verifyBundle(new Uint8Array(await file.arrayBuffer()));
        const lines = result.problems.map((p) => describeProblem(p, locale));
        if (result.status === 'intact') {
          const { found, missing } = await linksStoredHere(deps.db, result.links);
          const details = [
            ...found.map((l) => t('evidenceUi_linkHere', locale, { sequence: l.sequence, chain: l.chainId })),
            ...missing.map((l) => t('evidenceUi_linkNotHere', locale, { sequence: l.sequence, chain: l.chainId })),
          ];
          return { ok: true, text: t('evidenceCli_intact', locale, { file: name, files: result.files, audits: result.audits }), details };
        }
        const head = result.status === 'broken' ? t('evidenceCli_broken', locale, { file: name, count: lines.length }) : t('evidenceCli_unreadable', locale, { file: name });
        return { ok: false, text: head, details: lines };
      });
    },
  };
}

export type EvidenceModel = ReturnType<typeof createEvidenceModel>;

/** The optional `pageCapture` permission of this browser; undefined where there is none (Firefox). */
export function pageCapturePermission(): PageCapturePermission | undefined {
  if (import.meta.env.FIREFOX) return undefined;
  return {
    granted: () => browser.permissions.contains(PAGE_CAPTURE_PERMISSION),
    request: () => browser.permissions.request(PAGE_CAPTURE_PERMISSION),
  };
}

export interface PageCapturePermission {
  granted(): Promise<boolean>;
  request(): Promise<boolean>;
}

/** The popup's capture: the case fields (saved once, reused) and the capture request to the background. */
export function createCaptureModel(deps: {
  db: LiangzhaoDatabase;
  capture: (tabId: number, caseFields: CaseFields) => Promise<CaptureReply>;
  /** The optional `pageCapture` permission (the MHTML snapshot); absent where the browser has none. */
  pageCapture?: PageCapturePermission;
}) {
  const caseFields = signal<CaseFields>({ ...EMPTY_CASE });
  /** The permission is still to be asked for: the panel says why before the first capture asks. */
  const pageCaptureNeeded = signal(false);
  const capturing = signal(false);
  const reply = signal<CaptureReply | null>(null);

  return {
    caseFields,
    capturing,
    reply,
    pageCaptureNeeded,
    async load() {
      caseFields.value = await loadCaseFields(deps.db);
      pageCaptureNeeded.value = deps.pageCapture ? !(await deps.pageCapture.granted().catch(() => false)) : false;
    },
    async setField(field: keyof CaseFields, value: string) {
      caseFields.value = { ...caseFields.value, [field]: value };
      await saveCaseFields(deps.db, caseFields.value);
    },
    async capture(tabId: number) {
      if (capturing.value) return;
      // Asked before anything is awaited: the browser shows its prompt only during the person's click. A refusal
      // still captures, without the snapshot, and the record says why.
      const asked = pageCaptureNeeded.value && deps.pageCapture ? deps.pageCapture.request().catch(() => false) : null;
      capturing.value = true;
      reply.value = null;
      try {
        if (asked) pageCaptureNeeded.value = !(await asked);
        await saveCaseFields(deps.db, caseFields.value);
        reply.value = await deps.capture(tabId, caseFields.value);
      } catch (error) {
        reply.value = { ok: false, error: 'evidenceCaptureError_store', detail: error instanceof Error ? error.message : String(error) };
      } finally {
        capturing.value = false;
      }
    },
  };
}

export type CaptureModel = ReturnType<typeof createCaptureModel>;

/** Offers a file to the person as a download, from an extension page. */
export function downloadFile(file: ExportFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
