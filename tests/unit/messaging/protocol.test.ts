import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { pageAnswers } from '@/entrypoints/content/answers';
import { createPageAuditor } from '@/entrypoints/content/auditor';
import { createHighlighter } from '@/entrypoints/content/highlight';
import { MESSAGE_TYPES, messageListener, replyWithin, send, type Message, type MessageType } from '@/messaging/protocol';
import { LiangzhaoDatabase } from '@/storage/db';
import { dataUrl } from '@/utils/base64';
import { PNG_BYTES } from '../evidence/helpers';
import { collectedPage } from '../../support/audit';
import { callbackOnlyOnMessage, PORT_CLOSED, useCallbackOnlyMessaging, type CallbackOnlyOnMessage } from '../support/callback-messaging';

const TAB_ID = 5;
const POPUP = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
const CONTENT = { id: fakeBrowser.runtime.id, tab: { id: TAB_ID }, frameId: 0, url: 'https://shop.example.cn/' };

interface Contexts {
  worker: CallbackOnlyOnMessage;
  page: CallbackOnlyOnMessage;
}

interface Case {
  /** Who listens: the service worker or the tab's content script. */
  to: keyof Contexts;
  sender: object;
  message: Message;
  reply: (reply: unknown) => void;
}

/** One case per message type: a type added to the protocol without one here fails the typecheck and the test. */
const CASES: Record<MessageType, Case> = {
  'audit:report': {
    to: 'worker',
    sender: CONTENT,
    message: { type: 'audit:report', page: collectedPage({ url: 'https://shop.example.cn/' }) },
    reply: (reply) => expect(reply).toEqual({ auditId: expect.any(Number), judgement: expect.objectContaining({ url: 'https://shop.example.cn/' }) }),
  },
  'storage:status': {
    to: 'worker',
    sender: POPUP,
    message: { type: 'storage:status' },
    reply: (reply) => expect(reply).toEqual({ pending: 0, dropped: 0, lastError: null }),
  },
  'settings:auto-audit': {
    to: 'worker',
    sender: CONTENT,
    message: { type: 'settings:auto-audit', url: 'https://shop.example.cn/' },
    reply: (reply) => expect(reply).toEqual({ allowed: true }),
  },
  'settings:paused': {
    to: 'worker',
    sender: POPUP,
    message: { type: 'settings:paused', tabId: TAB_ID, host: 'shop.example.cn' },
    reply: (reply) => expect(reply).toEqual({ paused: false }),
  },
  'evidence:capture': {
    // The whole capture: the worker asks the page (page:current, page:audit, page:evidence-html), the page reports
    // its audit to the worker (audit:report), every hop answered through sendResponse only.
    to: 'worker',
    sender: POPUP,
    message: { type: 'evidence:capture', tabId: TAB_ID },
    // Node has no OffscreenCanvas to stitch a full-page screenshot with: the record says so.
    reply: (reply) => expect(reply).toMatchObject({ ok: true, sequence: 1, absent: [{ kind: 'fullpage-screenshot', reason: 'unsupported' }] }),
  },
  'page:current': {
    to: 'page',
    sender: POPUP,
    message: { type: 'page:current' },
    reply: (reply) => expect(reply).toEqual({ result: null, auditId: null }),
  },
  'page:audit': {
    to: 'page',
    sender: POPUP,
    message: { type: 'page:audit', pageType: 'shop' },
    reply: (reply) => expect(reply).toMatchObject({ result: { pageType: 'shop' }, auditId: expect.any(Number) }),
  },
  'page:highlight': {
    to: 'page',
    sender: POPUP,
    message: { type: 'page:highlight', selector: '#icp', label: 'ICP', hiddenNotes: {} },
    reply: (reply) => expect(reply).toEqual({ found: true, hidden: false }),
  },
  'page:evidence-html': {
    to: 'page',
    sender: { id: fakeBrowser.runtime.id },
    message: { type: 'page:evidence-html', selectors: ['#icp'] },
    reply: (reply) =>
      expect(reply).toEqual([{ selector: '#icp', html: expect.stringContaining('京ICP备11041704号-1'), truncated: false, rect: null }]),
  },
  'page:evidence-notice': {
    to: 'page',
    sender: { id: fakeBrowser.runtime.id },
    message: { type: 'page:evidence-notice', text: '亮照：已取证', ok: true },
    reply: (reply) => expect(reply).toEqual({ shown: true }),
  },
  'page:evidence-conceal': {
    to: 'page',
    sender: { id: fakeBrowser.runtime.id },
    message: { type: 'page:evidence-conceal' },
    reply: (reply) => expect(reply).toEqual({ concealed: true }),
  },
  'page:evidence-reveal': {
    to: 'page',
    sender: { id: fakeBrowser.runtime.id },
    message: { type: 'page:evidence-reveal' },
    reply: (reply) => expect(reply).toEqual({ revealed: true }),
  },
  'page:geometry': {
    to: 'page',
    sender: { id: fakeBrowser.runtime.id },
    message: { type: 'page:geometry' },
    reply: (reply) => expect(reply).toMatchObject({ scrollX: 0, scrollY: 0, width: 800, height: 600, devicePixelRatio: 1 }),
  },
  'page:fullpage-frame': {
    to: 'page',
    sender: { id: fakeBrowser.runtime.id },
    message: { type: 'page:fullpage-frame', y: 600, hideFixed: false },
    reply: (reply) => expect(reply).toEqual({ scrollY: 600 }),
  },
  'page:fullpage-end': {
    to: 'page',
    sender: { id: fakeBrowser.runtime.id },
    message: { type: 'page:fullpage-end' },
    reply: (reply) => expect(reply).toEqual({ restored: true }),
  },
  'batch:wake': {
    to: 'worker',
    sender: { id: fakeBrowser.runtime.id },
    message: { type: 'batch:wake' },
    reply: (reply) => expect(reply).toEqual({ ok: true }),
  },
  'page:settle': {
    to: 'page',
    sender: { id: fakeBrowser.runtime.id },
    message: { type: 'page:settle', settle: { quietMs: 0, maxWaitMs: 0, scrollStepPx: 800, scrollIntervalMs: 0 } },
    reply: (reply) => expect(reply).toMatchObject({ ...SETTLED, state: { auditId: expect.any(Number) } }),
  },
};

/** How a batch tab's page settled, as its settle rule answers (the rule itself is tested on its own). */
const SETTLED = { timedOut: false, url: 'https://shop.example.cn/', contentType: 'text/html', httpStatus: 200 };

/** The service worker as it starts, and a tab's content script, joined by callback-only messaging both ways. */
function start(): Contexts {
  const worker = useCallbackOnlyMessaging();
  const page = callbackOnlyOnMessage();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Liangzhao', version: '0.1.0' });
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: unknown) => worker.dispatch(message, CONTENT)) as never);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((_tabId: number, message: unknown) => page.dispatch(message, { id: fakeBrowser.runtime.id })) as never);
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation((async () => ({ id: TAB_ID, windowId: 1, active: true, url: CONTENT.url, title: '示例商城' })) as never);
  vi.spyOn(fakeBrowser.tabs, 'captureVisibleTab').mockImplementation((async () => dataUrl('image/png', PNG_BYTES)) as never);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async () => true) as never);
  Object.assign(fakeBrowser, { pageCapture: { saveAsMHTML: (_details: unknown, done: (mhtml: Blob) => void) => done(new Blob(['MIME-Version: 1.0'])) } });
  background.main();

  const { document, window } = parseHTML(
    '<!doctype html><html><head><title>示例商城</title></head><body><footer><a id="icp" href="https://beian.miit.gov.cn/">京ICP备11041704号-1</a></footer></body></html>',
  );
  const doc = document as unknown as Document;
  // linkedom lays nothing out: the window a full-page screenshot scrolls is an 800 × 600 one here.
  const view = { scrollX: 0, scrollY: 0, innerWidth: 800, innerHeight: 600, devicePixelRatio: 1 };
  Object.assign(window, view, {
    scrollTo: (_x: number, y: number) => (window.scrollY = y),
    requestAnimationFrame: (paint: () => void) => setTimeout(paint, 0),
  });
  const auditor = createPageAuditor(doc, send);
  page.addListener(messageListener(pageAnswers({ doc, auditor: () => auditor, highlighter: createHighlighter(doc), settle: async () => ({ ...SETTLED, state: await auditor.run() }) })));
  return { worker, page };
}

describe('messaging without Promise replies (Chromium before 144)', () => {
  let contexts: Contexts;
  beforeEach(() => {
    contexts = start();
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await new LiangzhaoDatabase().delete();
  });

  it('has a case for every message type of the protocol', () => {
    expect(Object.keys(CASES).sort()).toEqual([...MESSAGE_TYPES].sort());
  });

  it.each(MESSAGE_TYPES)('answers %s through sendResponse', async (type) => {
    const { to, sender, message, reply } = CASES[type];
    reply(await contexts[to].dispatch(message, sender));
  });

  it('leaves a message that is not in the protocol, or from a sender the handler does not trust, unanswered', async () => {
    await expect(contexts.worker.dispatch({ type: 'someone-else:ping' })).rejects.toThrow(PORT_CLOSED);
    // A content script may not ask for evidence.
    await expect(send({ type: 'evidence:capture', tabId: TAB_ID })).rejects.toThrow(PORT_CLOSED);
  });

  it('rejects the sender with the error of a handler that fails', async () => {
    const failing = callbackOnlyOnMessage();
    failing.addListener(messageListener({ 'storage:status': () => Promise.reject(new Error('database closed')) }));
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: unknown) => failing.dispatch(message)) as never);
    await expect(send({ type: 'storage:status' })).rejects.toThrow('database closed');
  });
});

describe('replyWithin', () => {
  it('passes a reply or a refusal on as it comes', async () => {
    await expect(replyWithin(Promise.resolve('answered'), 50)).resolves.toBe('answered');
    await expect(replyWithin(Promise.reject(new Error('refused')), 50)).rejects.toThrow('refused');
  });

  it('gives up on a reply that never comes, saying how long it waited', async () => {
    await expect(replyWithin(new Promise(() => undefined), 20)).rejects.toThrow('no reply within 20 ms');
  });
});
