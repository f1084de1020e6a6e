import type { Browser } from 'wxt/browser';
import type { AuditJudgement, AuditResult, CollectedPage, HiddenReason, PageType } from '@/rules/types';
import type { WriteReply, WriteStatus } from '@/storage/audit-writer';
import type { AbsentArtefact, CaseFields } from '@/evidence/seal/record';
import type { SettleOptions } from '@/rules/settle';

/**
 * Every message between the content script, the background and the extension pages, with its reply.
 * `type` names who answers: `audit:*`, `storage:*`, `settings:*` and `evidence:*` the background, `page:*` the
 * content script in a tab.
 */
interface Protocol {
  /**
   * content → background: what the content script collected of its page; the background judges it, stores and badges
   * the audit, and answers with the judgement (the content script has the facts already). A page the background
   * types as a terms page, reported without its text, is answered `termsTextWanted` instead: nothing is judged yet.
   */
  'audit:report': { message: { page: CollectedPage }; reply: ReportReply };
  /** popup → background: audits not saved yet (a refused write waiting for its retry). */
  'storage:status': { message: object; reply: WriteStatus };
  /** content → background: may this page be audited without a person asking (settings, paused sites)? */
  'settings:auto-audit': { message: { url: string }; reply: { allowed: boolean; pageType?: PageType } };
  /** popup → background: the person paused or resumed the tab's site; badge the tab so (a paused badge, or its grade). */
  'settings:paused': { message: { tabId: number; host: string }; reply: { paused: boolean } };
  /** popup or dashboard → background: capture the evidence of the tab's current audit. */
  'evidence:capture': { message: { tabId: number; caseFields?: CaseFields }; reply: CaptureReply };
  /** popup → content: the audit the tab's content script last made (null before its first). */
  'page:current': { message: object; reply: PageState };
  /** popup → content: audit now, optionally as a page type a person chose (null: as the page reads again). */
  'page:audit': { message: { pageType?: PageType | null }; reply: PageState };
  /** popup → content: scroll to, outline and label the element that `selector` finds. */
  'page:highlight': {
    message: {
      selector: string;
      label: string;
      /** What to add to the label when the element is hidden, per reason, already in the person's language. */
      hiddenNotes: Partial<Record<HiddenReason, string>>;
    };
    reply: { found: boolean; hidden: boolean; reason?: HiddenReason };
  };
  /** background → content: the outerHTML of the elements the audit's evidence points to. */
  'page:evidence-html': { message: { selectors: string[] }; reply: ElementHtml[] };
  /** background → content: say on the page that a capture (from the keyboard shortcut) succeeded or failed. */
  'page:evidence-notice': { message: { text: string; ok: boolean }; reply: { shown: boolean } };
  /** background → content: take every trace of the extension off the page, and answer once it is painted so. */
  'page:evidence-conceal': { message: object; reply: { concealed: true } };
  /** background → content: put back what `page:evidence-conceal` took away. */
  'page:evidence-reveal': { message: object; reply: { revealed: true } };
  /** background → content: where the window is on the page and how big the page is, for the screenshots. */
  'page:geometry': { message: object; reply: PageGeometry };
  /**
   * background → content: scroll to `y` for the full-page screenshot's next frame (after the first, with fixed and
   * sticky elements hidden so they show once), and answer once painted, with where the page really scrolled to.
   */
  'page:fullpage-frame': { message: { y: number; hideFixed: boolean }; reply: { scrollY: number } };
  /** background → content: show the hidden elements again and scroll back to where the person was. */
  'page:fullpage-end': { message: object; reply: { restored: true } };
  /** dashboard → background: a batch's state changed in the database (started, paused, resumed, cancelled). */
  'batch:wake': { message: object; reply: { ok: true } };
  /** background → content (a batch tab): scroll, wait until the page settles, audit it once, say how it went. */
  'page:settle': { message: { settle: SettleOptions }; reply: SettleReply };
}

export type MessageType = keyof Protocol;
export type MessageOf<K extends MessageType> = { type: K } & Protocol[K]['message'];
export type Message = { [K in MessageType]: MessageOf<K> }[MessageType];
export type Reply<M extends Message> = Protocol[M['type']]['reply'];

/** Every message type, so a listener can tell ours from others' and a test can check each one is answered. */
export const MESSAGE_TYPES = Object.keys({
  'audit:report': true,
  'storage:status': true,
  'settings:auto-audit': true,
  'settings:paused': true,
  'evidence:capture': true,
  'page:current': true,
  'page:audit': true,
  'page:highlight': true,
  'page:evidence-html': true,
  'page:evidence-notice': true,
  'page:evidence-conceal': true,
  'page:evidence-reveal': true,
  'page:geometry': true,
  'page:fullpage-frame': true,
  'page:fullpage-end': true,
  'batch:wake': true,
  'page:settle': true,
} satisfies Record<MessageType, true>) as MessageType[];

/** The audit's row (or why it is not stored yet) and the judgement of the page reported. */
export interface JudgedReply extends WriteReply {
  judgement: AuditJudgement;
}

/** A terms page reported without its text: report it again with the text read (rules/page.ts, withTermsText). */
export interface TermsTextWanted {
  termsTextWanted: true;
}

export type ReportReply = JudgedReply | TermsTextWanted;

/**
 * How a report the background cannot judge (its page is not a CollectedPage) is refused: sending it again cannot
 * help, so the content script gives up at once.
 */
export const MALFORMED_REPORT = 'malformed report';

export interface PageState {
  result: AuditResult | null;
  auditId: number | null;
  /** Set while a report is being sent again, or once it was given up: the failed tries and the last one's error. */
  undelivered?: { tries: number; error: string };
}

export interface ElementHtml {
  selector: string;
  /** null when the selector no longer finds an element. */
  html: string | null;
  /** The HTML was cut at the size limit. */
  truncated: boolean;
  /** Where the element is on the page, in CSS pixels from the page's top left; null when it has no box. */
  rect?: PageRect | null;
}

export interface PageRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The window's place on the page and the page's size, in CSS pixels. */
export interface PageGeometry {
  scrollX: number;
  scrollY: number;
  width: number;
  height: number;
  devicePixelRatio: number;
  pageWidth: number;
  pageHeight: number;
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

export function isMessage(value: unknown): value is Message {
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  return typeof type === 'string' && (MESSAGE_TYPES as string[]).includes(type);
}

type Sender = Browser.runtime.MessageSender;

/**
 * How a listener answers one type: the reply, or `undefined` when this listener leaves the message to another
 * (a sender it does not trust, a frame that does not speak for its tab).
 */
export type Handlers = {
  [K in MessageType]?: (message: MessageOf<K>, sender: Sender) => Protocol[K]['reply'] | Promise<Protocol[K]['reply']> | undefined;
};

/** What a listener sends when its handler throws: the sender's `send` rejects with `error`. */
interface FailedReply {
  liangzhaoError: string;
}

function isFailedReply(value: unknown): value is FailedReply {
  return typeof value === 'object' && value !== null && typeof (value as FailedReply).liangzhaoError === 'string';
}

/**
 * Answers `message` with `handlers`: the reply as a Promise, or `undefined` (synchronously) when no handler of
 * these takes it, so another listener of the same context still can.
 */
export function answer(handlers: Handlers) {
  return (message: unknown, sender: Sender): Promise<unknown> | undefined => {
    if (!isMessage(message)) return undefined;
    const handle = handlers[message.type] as ((message: Message, sender: Sender) => unknown) | undefined;
    let reply: unknown;
    try {
      reply = handle?.(message, sender);
    } catch (error) {
      return Promise.reject(error);
    }
    return reply === undefined ? undefined : Promise.resolve(reply);
  };
}

/**
 * The `runtime.onMessage` listener for `handlers`. It replies through `sendResponse` and returns `true` to keep the
 * channel open: a listener that returns a Promise is answered only by Chromium 144 and later, while this form is
 * answered by every Chromium with Manifest V3 and by Firefox.
 */
export function messageListener(handlers: Handlers) {
  const route = answer(handlers);
  return (message: unknown, sender: Sender, sendResponse: (reply: unknown) => void): true | undefined => {
    const reply = route(message, sender);
    if (reply === undefined) return undefined;
    reply.then(sendResponse, (error: unknown) =>
      sendResponse({ liangzhaoError: error instanceof Error ? error.message : String(error) } satisfies FailedReply),
    );
    return true;
  };
}

/**
 * `reply`, or a rejection once `ms` have passed without one. A worker stopped while it handled a message does not
 * always close the channel, so a sender that must be answered (a report, the automatic-audit question) stops
 * waiting and asks again; the background answers a repeated report with the row it already stored.
 */
export function replyWithin<T>(reply: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no reply within ${ms} ms`)), ms);
    reply.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Registers `handlers` on this context's `runtime.onMessage`. */
export function listen(handlers: Handlers): void {
  browser.runtime.onMessage.addListener(messageListener(handlers));
}

/**
 * Sends a message and resolves with its typed reply: to the background and the extension pages, or with `to` to
 * the content script of a tab (its top frame unless `frameId` says otherwise).
 */
export async function send<M extends Message>(message: M, to?: { tabId: number; frameId?: number }): Promise<Reply<M>> {
  const reply: unknown =
    to === undefined
      ? await browser.runtime.sendMessage(message)
      : await browser.tabs.sendMessage(to.tabId, message, { frameId: to.frameId ?? 0 });
  if (isFailedReply(reply)) throw new Error(reply.liangzhaoError);
  return reply as Reply<M>;
}
