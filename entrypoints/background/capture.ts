import { t } from '@/i18n';
import { captureEvidence, PAGE_CAPTURE_PERMISSION, type CaptureDeps } from '@/evidence/capture/collect';
import { stitchFrames } from '@/evidence/capture/stitch';
import { CAPTURE_COMMAND, listen, send, type CaptureReply } from '@/messaging/protocol';
import type { CaseFields } from '@/evidence/seal/record';
import type { LiangzhaoDatabase } from '@/storage/db';
import { loadSettings } from '@/storage/settings';

/**
 * The background side of "Capture evidence": answers `evidence:capture` from the popup and the keyboard command.
 * Captures run one at a time, so each one chains to the one before.
 */
export function registerEvidenceCapture(db: LiangzhaoDatabase): void {
  const deps = browserCaptureDeps(db);

  let queue: Promise<unknown> = Promise.resolve();
  const capture = (tabId: number, caseFields?: CaseFields): Promise<CaptureReply> => {
    const next = queue.then(() => captureEvidence(deps, tabId, caseFields));
    queue = next.catch(() => undefined);
    return next;
  };

  listen({
    'evidence:capture': (message, sender) => {
      // Only the extension's own pages ask for evidence: a content script runs beside pages it cannot trust.
      if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/'))) return undefined;
      return capture(message.tabId, message.caseFields);
    },
  });

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === CAPTURE_COMMAND && tab?.id !== undefined) void captureFromShortcut(tab.id);
  });

  /** A worker cannot show a permission prompt: until pageCapture is granted, the shortcut opens the popup's page. */
  async function captureFromShortcut(tabId: number) {
    if (!import.meta.env.FIREFOX && !(await browser.permissions.contains(PAGE_CAPTURE_PERMISSION))) {
      const url = browser.runtime.getURL(`/popup.html?tab=${tabId}`);
      await browser.windows.create({ url, type: 'popup', width: 420, height: 640 });
      return;
    }
    const reply = await capture(tabId);
    const { locale } = await loadSettings(db);
    const text = reply.ok
      ? t('evidenceNotice_captured', locale, { sequence: reply.sequence })
      : `${t('evidenceNotice_failed', locale)} ${t(reply.error, locale)}`;
    await send({ type: 'page:evidence-notice', text, ok: reply.ok }, { tabId }).catch(() => undefined);
  }
}

interface CallbackPageCapture {
  saveAsMHTML(details: { tabId: number }, done: (mhtml?: Blob) => void): void;
}

/** With a callback: saveAsMHTML returns a Promise only from Chromium 116. */
function saveAsMhtml(tabId: number): Promise<Blob | undefined> {
  return new Promise((resolve, reject) => {
    const pageCapture = browser.pageCapture as unknown as CallbackPageCapture;
    pageCapture.saveAsMHTML({ tabId }, (mhtml) => {
      // Reading lastError also tells Chromium the failure was handled.
      if (mhtml) resolve(mhtml);
      else reject(new Error(browser.runtime.lastError?.message ?? 'no MHTML returned'));
    });
  });
}

/**
 * Chromium allows two `captureVisibleTab` calls a second (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND) and refuses
 * the third; a full-page screenshot makes one call per frame. Calls from every capture of this worker wait their turn.
 */
export const CAPTURE_SPACING_MS = 550;
let captureTurn: Promise<unknown> = Promise.resolve();
let lastCaptureAt = -Infinity;

function spacedCapture(windowId: number | undefined): Promise<string> {
  const shoot = () =>
    windowId === undefined ? browser.tabs.captureVisibleTab({ format: 'png' }) : browser.tabs.captureVisibleTab(windowId, { format: 'png' });
  const turn = captureTurn.then(async () => {
    const wait = lastCaptureAt + CAPTURE_SPACING_MS - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lastCaptureAt = Date.now();
    try {
      return await shoot();
    } catch (error) {
      // Another extension page may have used this second's calls: try once more a second later.
      if (!String((error as Error)?.message ?? error).includes('MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      lastCaptureAt = Date.now();
      return shoot();
    }
  });
  captureTurn = turn.catch(() => undefined);
  return turn;
}

/** The browser's side of a capture: its tabs, screenshot and MHTML APIs (the batch runner captures with it too). */
export function browserCaptureDeps(db: LiangzhaoDatabase): CaptureDeps {
  return {
    db,
    getTab: (tabId) => browser.tabs.get(tabId),
    askPage: (tabId, message) => send(message, { tabId }),
    captureVisibleTab: spacedCapture,
    // A service worker has OffscreenCanvas in Chromium, and Firefox's background page has it too.
    stitch: typeof OffscreenCanvas === 'function' ? stitchFrames : null,
    // Chromium only; Firefox has no pageCapture and the record says so. The permission is optional, so its API
    // exists only once granted: look it up at each capture.
    saveAsMhtml: import.meta.env.FIREFOX ? null : saveAsMhtml,
    mhtmlAllowed: () => browser.permissions.contains(PAGE_CAPTURE_PERMISSION),
    // The worker's own user agent is the browser's; Node (unit tests) has no navigator before version 21.
    userAgent: globalThis.navigator?.userAgent ?? '',
    extensionVersion: browser.runtime.getManifest().version,
  };
}
