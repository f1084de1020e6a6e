import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerEvidenceCapture } from '@/entrypoints/background/capture';
import { CAPTURE_COMMAND } from '@/messaging/protocol';
import { MHTML_REFUSED } from '@/evidence/seal/record';
import { LiangzhaoDatabase, toStoredAudit } from '@/storage/db';
import { dataUrl } from '@/utils/base64';
import { CASE, PNG_BYTES, sampleAudit } from '../../evidence/helpers';
import { PORT_CLOSED, useCallbackOnlyMessaging, type CallbackOnlyOnMessage } from '../../support/callback-messaging';

const databases: LiangzhaoDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
  vi.restoreAllMocks();
});

const NO_FULL_PAGE = { kind: 'fullpage-screenshot', reason: 'unsupported' };
const POPUP = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };

let onMessage: CallbackOnlyOnMessage;

/** What the listener answered through `sendResponse`; undefined when it left the message to others. */
async function send(message: unknown, sender: object = POPUP): Promise<unknown> {
  return onMessage.dispatch(message, sender).catch((error: Error) => {
    if (error.message === PORT_CLOSED) return undefined;
    throw error;
  });
}

/** The background wired to a fake browser whose tab shows the sample audit. */
async function background() {
  const db = new LiangzhaoDatabase(`bg-${Math.random()}`);
  databases.push(db);
  const audit = sampleAudit();
  const auditId = (await db.audits.add(toStoredAudit(audit))) as number;
  const tab = { id: 7, windowId: 1, active: true, url: audit.url, title: audit.title };
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation((async () => tab) as never);
  const toPage: unknown[] = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tabId: number, message: { type: string; selectors?: string[] }) => {
    toPage.push(message);
    if (message.type === 'page:current') return { result: audit, auditId };
    if (message.type === 'page:evidence-html') return message.selectors!.map((selector) => ({ selector, html: '<p></p>', truncated: false }));
    return { shown: true };
  }) as never);
  vi.spyOn(fakeBrowser.tabs, 'captureVisibleTab').mockImplementation((async () => dataUrl('image/png', PNG_BYTES)) as never);
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Liangzhao', version: '0.1.0' });
  // Called with a callback, as Chromium before 116 needs.
  const mhtml = vi.fn((_details: { tabId: number }, done: (mhtml: Blob) => void) => done(new Blob(['MIME-Version: 1.0'])));
  Object.assign(fakeBrowser, { pageCapture: { saveAsMHTML: mhtml } });
  const granted = vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async () => true) as never);
  let onCommand: ((command: string, tab?: { id?: number }) => void) | undefined;
  Object.assign(fakeBrowser.commands.onCommand, { addListener: (listener: typeof onCommand) => (onCommand = listener) });
  onMessage = useCallbackOnlyMessaging();
  registerEvidenceCapture(db);
  return { db, tabId: tab.id, auditId, toPage, mhtml, granted, command: (name: string, id = tab.id) => onCommand!(name, { id }) };
}

describe('background evidence capture', () => {
  it('answers evidence:capture with the stored capture', async () => {
    const { db, tabId, auditId, mhtml } = await background();
    const reply = await send({ type: 'evidence:capture', tabId, caseFields: CASE });
    // Node has no OffscreenCanvas, so no full-page screenshot: the record says why.
    expect(reply).toMatchObject({ ok: true, auditId, sequence: 1, absent: [NO_FULL_PAGE] });
    expect(mhtml).toHaveBeenCalledWith({ tabId }, expect.any(Function));
    expect(await db.captures.count()).toBe(1);
  });

  it('runs captures one at a time, so each chains to the one before', async () => {
    const { tabId } = await background();
    const replies = await Promise.all([1, 2, 3].map(() => send({ type: 'evidence:capture', tabId })));
    expect(replies.map((r) => (r as { sequence: number }).sequence)).toEqual([1, 2, 3]);
  });

  it('captures from the keyboard shortcut and tells the page', async () => {
    const { db, toPage, command } = await background();
    command('some-other-command');
    command(CAPTURE_COMMAND);
    await vi.waitFor(() => expect(toPage.some((m) => (m as { type: string }).type === 'page:evidence-notice')).toBe(true));
    expect(toPage.at(-1)).toMatchObject({ type: 'page:evidence-notice', ok: true, text: '亮照：已取证，第 1 号记录已加入取证链。' });
    expect(await db.captures.count()).toBe(1);
  });

  it('captures without the MHTML snapshot, and says why, when pageCapture was refused', async () => {
    const { tabId, mhtml, granted } = await background();
    granted.mockImplementation((async () => false) as never);
    const reply = await send({ type: 'evidence:capture', tabId });
    expect(reply).toMatchObject({ ok: true, absent: [{ kind: 'mhtml', reason: MHTML_REFUSED }, NO_FULL_PAGE] });
    expect(mhtml).not.toHaveBeenCalled();
  });

  it('opens the popup page for the tab from the shortcut until pageCapture is granted, since a worker cannot ask', async () => {
    const { db, tabId, granted, command } = await background();
    granted.mockImplementation((async () => false) as never);
    const opened = vi.spyOn(fakeBrowser.windows, 'create').mockImplementation((async () => ({})) as never);
    command(CAPTURE_COMMAND);
    await vi.waitFor(() => expect(opened).toHaveBeenCalledWith(expect.objectContaining({ url: fakeBrowser.runtime.getURL(`/popup.html?tab=${tabId}`) })));
    expect(await db.captures.count()).toBe(0);
  });

  it('leaves every other message to the other listeners', async () => {
    const { db } = await background();
    expect(await send({ type: 'storage:status' })).toBeUndefined();
    expect(await db.captures.count()).toBe(0);
  });

  it('ignores a capture request from a content script', async () => {
    const { db, tabId } = await background();
    const contentScript = { id: fakeBrowser.runtime.id, url: 'https://shop.example.cn/', tab: { id: tabId } };
    expect(await send({ type: 'evidence:capture', tabId }, contentScript)).toBeUndefined();
    expect(await db.captures.count()).toBe(0);
  });
});
