import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { auditResult } from '../../../support/audit';

describe('background entrypoint', () => {
  it('badges a tab from its content script report, and clears it when the tab navigates', async () => {
    // WXT's fake browser has no manifest and no commands; the capture handler uses both at start.
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0' } as never);
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
    background.main();
    const sender = { tab: { id: 11 }, frameId: 0 } as never;
    await fakeBrowser.runtime.onMessage.trigger({ type: 'audit:report', result: auditResult() }, sender);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 11 })).toBe('A');

    await fakeBrowser.tabs.onUpdated.trigger(11, { status: 'loading' }, { id: 11 } as never);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 11 })).toBe('');
  });
});
