import { auditDocumentAsync } from '@/rules';
import type { AuditResult, PageType } from '@/rules/types';
import type { Message, PageState, Reply } from '@/messaging/protocol';

const REPORT_ATTEMPTS = 3;
/** A worker being stopped refuses every message until it has started again: wait longer before each try. */
const REPORT_BACKOFF_MS = 250;

/**
 * Audits the document it runs in and reports each audit to the background. Keeps the latest result so the popup
 * can ask the tab itself what it shows (the background's memory does not survive its service worker).
 */
export function createPageAuditor(doc: Document, send: (message: Message) => Promise<unknown>) {
  const state: PageState = { result: null, auditId: null };
  let chosenPageType: PageType | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  async function audit(): Promise<PageState> {
    const result: AuditResult = await auditDocumentAsync(doc, {
      url: doc.location?.href ?? doc.URL,
      mode: 'browser',
      pageType: chosenPageType,
    });
    state.result = result;
    const reply = await report(result);
    state.auditId = reply?.auditId ?? null;
    return { ...state };
  }

  /**
   * A service worker stopped before it answered is started again by a later message; it stores a repeat once.
   * Tries sent back to back could all reach the worker while it stops, so each waits a little longer.
   */
  async function report(result: AuditResult): Promise<Reply<Extract<Message, { type: 'audit:report' }>>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await send({ type: 'audit:report', result })) as Reply<Extract<Message, { type: 'audit:report' }>>;
      } catch (error) {
        if (attempt >= REPORT_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, REPORT_BACKOFF_MS * attempt));
      }
    }
  }

  return {
    /**
     * One audit at a time: a request during an audit waits for it, then audits again. A page type a person chose
     * holds for later audits of this page; null lets the classifier decide again.
     */
    run(pageType?: PageType | null): Promise<PageState> {
      if (pageType !== undefined) chosenPageType = pageType ?? undefined;
      const next = queue.then(audit);
      queue = next.catch(() => undefined);
      return next;
    },
    current(): PageState {
      return { ...state };
    },
  };
}
