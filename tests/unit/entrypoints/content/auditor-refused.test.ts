import { describe, expect, it, vi } from 'vitest';
import { DOMParser } from 'linkedom';
import type { Message } from '@/messaging/protocol';
import { judgedReply } from '../../../support/audit';

// Counts the collections: a page the settings' copy says is refused must not be collected before the answer.
const engineRuns = vi.hoisted(() => ({ count: 0 }));
vi.mock('@/rules/page', async (original) => {
  const page = await original<typeof import('@/rules/page')>();
  return {
    ...page,
    collectPageAsync: (...args: Parameters<typeof page.collectPageAsync>) => {
      engineRuns.count++;
      return page.collectPageAsync(...args);
    },
  };
});
const { createPageAuditor } = await import('@/entrypoints/content/auditor');

function page(): Document {
  return new DOMParser().parseFromString('<!doctype html><html><head><title>示例商城</title></head><body></body></html>', 'text/html') as unknown as Document;
}

describe('page auditor, where the settings’ copy says the page is not audited on its own', () => {
  it('waits for the answer and, refused, is never collected', async () => {
    engineRuns.count = 0;
    const sent: Message[] = [];
    const auditor = createPageAuditor(page(), async (m) => (sent.push(m), judgedReply(m, 1)));
    expect(await auditor.runIfAllowed(Promise.resolve({ allowed: false }), Promise.resolve(true))).toBeNull();
    expect(engineRuns.count).toBe(0);
    expect(sent).toHaveLength(0);
  });

  it('audits once when the answer allows it after all (a copy left stale), as the page type the answer names', async () => {
    engineRuns.count = 0;
    const sent: Message[] = [];
    const auditor = createPageAuditor(page(), async (m) => (sent.push(m), judgedReply(m, 2)));
    const state = await auditor.runIfAllowed(Promise.resolve({ allowed: true, pageType: 'shop' as const }), Promise.resolve(true));
    expect(state?.auditId).toBe(2);
    expect(state?.result?.pageType).toBe('shop');
    expect(engineRuns.count).toBe(1);
    expect(sent).toHaveLength(1);
  });

  it('audits while asking when the copy does not refuse, as before', async () => {
    engineRuns.count = 0;
    const auditor = createPageAuditor(page(), async (m) => judgedReply(m, 3));
    expect(await auditor.runIfAllowed(Promise.resolve({ allowed: false }), Promise.resolve(false))).toBeNull();
    expect(engineRuns.count).toBe(1);
  });
});
