import { signal } from '@preact/signals';
import type { Locale } from '@/rules/types';
import { loadLocale } from '@/i18n';
import type { LiangzhaoDatabase } from '@/storage/db';
import type { CaptureReply } from '@/messaging/protocol';
import { loadCaseFields, saveCaseFields } from '@/evidence/capture/store';
import { PAGE_CAPTURE_PERMISSION } from '@/evidence/capture/collect';
import { EMPTY_CASE, type CaseFields } from '@/evidence/seal/record';
import type { ExportFile, ExportFormat } from '@/evidence/export/files';
import { failedNotice, type EvidenceTask, type ExportScope, type Notice } from './task-shapes';
import type { EvidenceRunner } from './task-worker';

export interface Progress {
  label: string;
  done: number;
  total: number;
}

export interface EvidenceDeps {
  /** Runs a task: in the dashboard's evidence worker (evidence/task-worker.ts), in tests on this thread. */
  runner: EvidenceRunner;
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

  // An export reports every audit, ten thousand times in a long one: each report re-rendering the panel cost more
  // than writing the audit, and even once a frame the dashboard's repaints took a fifth of a CSV export's time. A
  // step's first report shows at once (it marks the panel busy), later ones every PROGRESS_INTERVAL_MS.
  const report = (label: string, done: number, total: number) => {
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

  async function run(locale: Locale, task: EvidenceTask) {
    if (controller) return;
    controller = new AbortController();
    notice.value = null;
    try {
      const outcome = await deps.runner(task, locale, report, controller.signal);
      if (outcome.file && !controller.signal.aborted) deps.save(outcome.file);
      notice.value = outcome.notice;
    } catch (error) {
      // The runner itself failed (the worker could not start or died): said in the page's words.
      await loadLocale(locale);
      notice.value = failedNotice(error, locale);
    } finally {
      controller = null;
      pendingProgress = null;
      progress.value = null;
    }
  }

  return {
    progress,
    notice,
    busy: () => controller !== null,
    cancel: () => controller?.abort(),
    exportAs: (format: ExportFormat, scope: ExportScope, locale: Locale) =>
      run(locale, { kind: 'export', format, scope, exportedAt: deps.nowIso(), extensionVersion: deps.extensionVersion }),
    importFile: (file: Blob, locale: Locale) => run(locale, { kind: 'import', file }),
    verifyChain: (locale: Locale) => run(locale, { kind: 'verify-chain' }),
    verifyBundleFile: (file: Blob, name: string, locale: Locale) => run(locale, { kind: 'verify-bundle', file, name }),
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
