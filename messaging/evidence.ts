import type { AbsentArtefact, CaseFields } from '@/evidence/seal/record';

/**
 * The evidence messages. `evidence:*` is answered by the background, `page:evidence-*` by the content script.
 * They sit beside the shared protocol and use the same `{ type }` envelope, so each listener answers only its own.
 */
export type EvidenceMessage =
  /** popup or dashboard → background: capture the evidence of the tab's current audit. */
  | { type: 'evidence:capture'; tabId: number; caseFields?: CaseFields }
  /** background → content: the outerHTML of the elements the audit's evidence points to. */
  | { type: 'page:evidence-html'; selectors: string[] }
  /** background → content: say on the page that a capture (from the keyboard shortcut) succeeded or failed. */
  | { type: 'page:evidence-notice'; text: string; ok: boolean }
  /** background → content: take every trace of the extension off the page, and answer once it is painted so. */
  | { type: 'page:evidence-conceal' }
  /** background → content: put back what `page:evidence-conceal` took away. */
  | { type: 'page:evidence-reveal' };

export interface ElementHtml {
  selector: string;
  /** null when the selector no longer finds an element. */
  html: string | null;
  /** The HTML was cut at the size limit. */
  truncated: boolean;
}

export type CaptureReply =
  | { ok: true; auditId: number; captureId: number; sequence: number; digest: string; absent: AbsentArtefact[] }
  /** `error` is a message key of i18n/messages/evidence.json; `detail` what the browser said. */
  | { ok: false; error: CaptureError; detail?: string };

export type CaptureError =
  | 'evidenceCaptureError_notVisible'
  | 'evidenceCaptureError_noPage'
  | 'evidenceCaptureError_noAudit'
  | 'evidenceCaptureError_screenshot'
  | 'evidenceCaptureError_store';

export const CAPTURE_COMMAND = 'capture-evidence';

export function isEvidenceMessage(value: unknown): value is EvidenceMessage {
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  return (
    type === 'evidence:capture' ||
    type === 'page:evidence-html' ||
    type === 'page:evidence-notice' ||
    type === 'page:evidence-conceal' ||
    type === 'page:evidence-reveal'
  );
}
