import { collectPageAsync, withTermsText } from '@/rules/page';
import type { CollectedPage, PageType } from '@/rules/types';
import { MALFORMED_REPORT, replyWithin, type JudgedReply, type Message, type PageState, type ReportReply } from '@/messaging/protocol';

/** What the background says of automatic audits here (`settings:auto-audit`): null when it could not be asked. */
export type AutoAuditPermit = { allowed: boolean; pageType?: PageType } | null;

/**
 * A worker being stopped refuses every message until it has started again, which on a loaded machine can take
 * seconds: each try waits twice as long as the last, up to 30 s, about a minute and a half in all before the report
 * is given up. A page open that long sends one message every half minute at most.
 */
export const REPORT_RETRY_DELAYS_MS: readonly number[] = [250, 500, 1000, 2000, 4000, 8000, 16000, 30000, 30000];
/** A report is answered after a few database reads; one unanswered this long is sent again. */
export const REPORT_REPLY_TIMEOUT_MS = 10_000;
/** Chromium's words for a script whose extension was reloaded or removed: no later try can reach it. */
const INVALIDATED = /extension context invalidated/i;

/** A stopping worker can close the channel with no answer at all; that try failed like one that was refused. */
function answered(reply: unknown): ReportReply {
  if (typeof reply !== 'object' || reply === null) throw new Error(`the background answered the report with ${String(reply)}`);
  return reply as ReportReply;
}

/** Errors no later try can get past: the extension is gone, or the background refused the report as malformed. */
function isFinal(error: unknown): boolean {
  const text = String(error);
  return INVALIDATED.test(text) || text.includes(MALFORMED_REPORT);
}

/**
 * Collects the document it runs in and reports each collection to the background, which types and judges it (the
 * engine's classifier, rules, scoring and terms comparison live there, not in every page). Keeps the latest audit,
 * the background's judgement with the facts collected here, so the popup can ask the tab itself what it shows (the
 * background's memory does not survive its service worker).
 */
export function createPageAuditor(
  doc: Document,
  send: (message: Message) => Promise<unknown>,
  retryDelaysMs: readonly number[] = REPORT_RETRY_DELAYS_MS,
  replyTimeoutMs = REPORT_REPLY_TIMEOUT_MS,
) {
  const state: PageState = { result: null, auditId: null };
  let chosenPageType: PageType | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  /** A terms page's text is read at once only as the page type a person chose; else when the background asks. */
  function auditNow(): Promise<CollectedPage> {
    const opts = { url: doc.location?.href ?? doc.URL, mode: 'browser' as const, pageType: chosenPageType };
    return collectPageAsync(doc, opts, (page) => page.pageType === 'terms');
  }

  async function audit(): Promise<PageState> {
    return keep(await auditNow());
  }

  async function keep(collected: CollectedPage): Promise<PageState> {
    const { page, reply } = await judged(collected);
    state.result = { ...reply.judgement, facts: page.facts };
    state.auditId = reply.auditId ?? null;
    return { ...state };
  }

  /** The background's judgement, with the terms text read and reported again if it typed the page as terms. */
  async function judged(collected: CollectedPage): Promise<{ page: CollectedPage; reply: JudgedReply }> {
    const first = await report(collected);
    if (!('termsTextWanted' in first)) return { page: collected, reply: first };
    const page = await withTermsText(doc, collected);
    const reply = await report(page);
    if ('termsTextWanted' in reply) throw new Error('the background asked again for the terms text it was sent');
    return { page, reply };
  }

  /**
   * A service worker stopped before it answered is started again by a later message; it stores a repeat once.
   * Tries sent back to back could all reach the worker while it stops, so each waits longer than the last.
   */
  async function report(page: CollectedPage): Promise<ReportReply> {
    for (let attempt = 0; ; attempt++) {
      try {
        const reply = answered(await replyWithin(send({ type: 'audit:report', page }), replyTimeoutMs));
        delete state.undelivered;
        return reply;
      } catch (error) {
        state.undelivered = { tries: attempt + 1, error: String(error) };
        if (attempt >= retryDelaysMs.length || isFinal(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, retryDelaysMs[attempt]));
      }
    }
  }

  /**
   * The automatic audit: the page is audited while the background is asked whether it may be (the answer can take a
   * worker start and database reads, which would otherwise come before the audit). Not allowed, the result is
   * dropped unreported; a page type a person chose for this address, once known, is audited again only if it is
   * not the one the audit used. When the settings' copy says the answer will be no (`likelyRefused`: a paused
   * site, automatic audits off), the answer is awaited first, so a refused page is never collected.
   */
  async function auditIfAllowed(permit: Promise<AutoAuditPermit>, likelyRefused: Promise<boolean>): Promise<PageState | null> {
    if (await likelyRefused) {
      const reply = await permit;
      if (reply?.allowed === false) return null;
      if (reply?.pageType !== undefined) chosenPageType = reply.pageType;
      return keep(await auditNow());
    }
    const usedPageType = chosenPageType;
    const [reply, page] = await Promise.all([permit, auditNow()]);
    if (reply?.allowed === false) return null;
    if (reply?.pageType !== undefined) chosenPageType = reply.pageType;
    return keep(chosenPageType === usedPageType ? page : await auditNow());
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
    /** As `run`, one audit at a time, but reported only if `permit` allows it (see auditIfAllowed). */
    runIfAllowed(permit: Promise<AutoAuditPermit>, likelyRefused: Promise<boolean> = Promise.resolve(false)): Promise<PageState | null> {
      const next = queue.then(() => auditIfAllowed(permit, likelyRefused));
      queue = next.catch(() => undefined);
      return next;
    },
    current(): PageState {
      return { ...state };
    },
  };
}
