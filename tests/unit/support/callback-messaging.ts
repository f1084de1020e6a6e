import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Listener = (message: unknown, sender: object, sendResponse: (reply: unknown) => void) => unknown;

/** What a sender sees when no listener answered: Chromium closes the port. */
export const PORT_CLOSED = 'The message port closed before a response was received.';

/**
 * `runtime.onMessage` as a Chromium older than 144 delivers it: a listener answers only through `sendResponse`,
 * called before it returns, or later if it returned `true`. A Promise a listener returns is ignored, as those cores
 * ignore it.
 */
export function callbackOnlyOnMessage() {
  const listeners: Listener[] = [];
  return {
    addListener: (listener: Listener) => void listeners.push(listener),
    removeListener: (listener: Listener) => void listeners.splice(listeners.indexOf(listener), 1),
    hasListener: (listener: Listener) => listeners.includes(listener),
    hasListeners: () => listeners.length > 0,
    /** Resolves with the first reply; rejects as Chromium does when every listener returned without keeping the port. */
    dispatch(message: unknown, sender: object = {}): Promise<unknown> {
      return new Promise((resolve, reject) => {
        let answered = false;
        let keptOpen = false;
        for (const listener of listeners) {
          let returned = false;
          let keeps = false;
          const sendResponse = (reply: unknown) => {
            // A late reply from a listener that did not return `true` goes nowhere.
            if (answered || (returned && !keeps)) return;
            answered = true;
            resolve(reply);
          };
          keeps = listener(message, sender, sendResponse) === true;
          returned = true;
          keptOpen ||= keeps;
        }
        if (!answered && !keptOpen) reject(new Error(PORT_CLOSED));
      });
    },
  };
}

export type CallbackOnlyOnMessage = ReturnType<typeof callbackOnlyOnMessage>;

/** Makes `browser.runtime.onMessage` (WXT's fake browser) callback-only for the code under test. */
export function useCallbackOnlyMessaging(): CallbackOnlyOnMessage {
  const onMessage = callbackOnlyOnMessage();
  vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation(onMessage.addListener as never);
  return onMessage;
}
