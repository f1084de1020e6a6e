import type { AuditResult, HiddenReason, PageType } from '@/rules/types';
import type { StoredAudit } from '@/storage/db';
import type { WriteStatus } from '@/storage/audit-writer';
import type { SettleOptions } from '@/rules/settle';

/**
 * Every message between the content script, the background and the extension pages.
 * `type` names who acts: `audit:*` the background's history, `page:*` the content script in a tab.
 */
export type Message =
  /** content → background: a fresh audit of the page the content script runs in. */
  | { type: 'audit:report'; result: AuditResult }
  /** popup → background: the latest stored audits. */
  | { type: 'audit:history'; limit: number }
  /** popup → content: the audit the tab's content script last made (null before its first). */
  | { type: 'page:current' }
  /** popup → content: audit now, optionally as a page type a person chose. */
  | { type: 'page:audit'; pageType?: PageType }
  /** popup → content: scroll to, outline and label the element that `selector` finds. */
  | {
      type: 'page:highlight';
      selector: string;
      label: string;
      /** What to add to the label when the element is hidden, per reason, already in the person's language. */
      hiddenNotes: Partial<Record<HiddenReason, string>>;
    }
  /** popup → background: audits not saved yet (a refused write waiting for its retry). */
  | { type: 'storage:status' }
  /** content → background: may this page be audited without a person asking (settings, paused sites)? */
  | { type: 'settings:auto-audit'; url: string }
  /** dashboard → background: a batch's state changed in the database (started, paused, resumed, cancelled). */
  | { type: 'batch:wake' }
  /** background → content (a batch tab): scroll, wait until the page settles, audit it once, say how it went. */
  | { type: 'page:settle'; settle: SettleOptions };

/** How a batch tab's page settled; `state.result` is its latest audit (null when it could not be audited). */
export interface SettleReply {
  state: PageState;
  /** The limit was reached before the page settled; the audit is the one made then. */
  timedOut: boolean;
  url: string;
  contentType: string;
  /** The HTTP status of the page's own response, 0 when the browser does not say. */
  httpStatus: number;
}

export interface PageState {
  result: AuditResult | null;
  auditId: number | null;
}

export type Reply<M extends Message> = M extends { type: 'audit:report' }
  ? { auditId: number | null; error?: string }
  : M extends { type: 'audit:history' }
    ? StoredAudit[]
    : M extends { type: 'page:current' | 'page:audit' }
      ? PageState
      : M extends { type: 'page:highlight' }
        ? { found: boolean; hidden: boolean; reason?: HiddenReason }
        : M extends { type: 'storage:status' }
          ? WriteStatus
          : M extends { type: 'settings:auto-audit' }
            ? { allowed: boolean }
            : M extends { type: 'batch:wake' }
              ? { ok: true }
              : M extends { type: 'page:settle' }
                ? SettleReply
                : never;

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
