import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { auditResult } from '../../../support/audit';
import { useCallbackOnlyMessaging } from '../../support/callback-messaging';

describe('background entrypoint', () => {
  it('badges a tab from its content script report, and clears it when the tab navigates', async () => {
    // WXT's fake browser has no manifest and no commands; the capture handler uses both at start.
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0' } as never);
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
    const onMessage = useCallbackOnlyMessaging();
    background.main();
    await onMessage.dispatch({ type: 'audit:report', result: auditResult() }, { tab: { id: 11 }, frameId: 0 });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 11 })).toBe('A');

    await fakeBrowser.tabs.onUpdated.trigger(11, { status: 'loading' }, { id: 11 } as never);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 11 })).toBe('');
  });
});
