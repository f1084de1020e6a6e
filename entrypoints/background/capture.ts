import { t } from '@/i18n';
import { captureEvidence, type CaptureDeps } from '@/evidence/capture/collect';
import { CAPTURE_COMMAND, isEvidenceMessage, type CaptureReply } from '@/messaging/evidence';
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

  browser.runtime.onMessage.addListener((message, sender) => {
    if (!isEvidenceMessage(message) || message.type !== 'evidence:capture') return undefined;
    // Only the extension's own pages ask for evidence: a content script runs beside pages it cannot trust.
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/'))) return undefined;
    return capture(message.tabId, message.caseFields);
  });

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== CAPTURE_COMMAND || tab?.id === undefined) return;
    const tabId = tab.id;
    void capture(tabId).then(async (reply) => {
      const { locale } = await loadSettings(db);
      const text = reply.ok
        ? t('evidenceNotice_captured', locale, { sequence: reply.sequence })
        : `${t('evidenceNotice_failed', locale)} ${t(reply.error, locale)}`;
      await browser.tabs.sendMessage(tabId, { type: 'page:evidence-notice', text, ok: reply.ok }, { frameId: 0 }).catch(() => undefined);
    });
  });
}

/** The browser's side of a capture: its tabs, screenshot and MHTML APIs (the batch runner captures with it too). */
export function browserCaptureDeps(db: LiangzhaoDatabase): CaptureDeps {
  return {
    db,
    getTab: (tabId) => browser.tabs.get(tabId),
    askPage: (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }),
    captureVisibleTab: (windowId) =>
      windowId === undefined
        ? browser.tabs.captureVisibleTab({ format: 'png' })
        : browser.tabs.captureVisibleTab(windowId, { format: 'png' }),
    // Chromium only; Firefox has no pageCapture and the record says so.
    saveAsMhtml: browser.pageCapture?.saveAsMHTML ? (tabId) => browser.pageCapture.saveAsMHTML({ tabId }) : null,
    // The worker's own user agent is the browser's; Node (unit tests) has no navigator before version 21.
    userAgent: globalThis.navigator?.userAgent ?? '',
    extensionVersion: browser.runtime.getManifest().version,
  };
}
