import { describe, expect, it } from 'vitest';
import { DOMParser } from 'linkedom';
import { createPageAuditor } from '@/entrypoints/content/auditor';
import type { Message } from '@/messaging/protocol';
import { judgedReply } from '../../../support/audit';

function pageWith(footer: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head><title>示例商城 - 首页</title></head><body><footer>${footer}</footer></body></html>`,
    'text/html',
  ) as unknown as Document;
}

describe('page auditor (content script)', () => {
  it('collects the page, reports it, and remembers the judgement the background answered, with the facts', async () => {
    const sent: Message[] = [];
    const auditor = createPageAuditor(pageWith('<a href="https://beian.miit.gov.cn/">京ICP备11041704号-1</a>'), async (m) => {
      sent.push(m);
      return judgedReply(m, 42);
    });
    expect(auditor.current()).toEqual({ result: null, auditId: null });

    const state = await auditor.run();
    expect(sent).toHaveLength(1);
    expect(sent[0].type).toBe('audit:report');
    expect(state.auditId).toBe(42);
    expect(state.result?.facts.icp[0]).toMatchObject({ text: '京ICP备11041704号-1', linked: true });
    expect(auditor.current().result).toBe(state.result);
  });

  it('audits as the page type a person chose, and keeps that choice for later audits', async () => {
    const auditor = createPageAuditor(pageWith(''), async (m) => judgedReply(m, 1));
    expect((await auditor.run('shop')).result?.pageType).toBe('shop');
    expect((await auditor.run()).result?.pageType).toBe('shop');
    const reread = await auditor.run(null);
    expect(reread.result?.pageType).toBe(reread.result?.detectedPageType);
  });

  it('audits while the background is asked whether it may, and reports only when allowed', async () => {
    const sent: Message[] = [];
    const auditor = createPageAuditor(pageWith(''), async (m) => {
      sent.push(m);
      return judgedReply(m, 3);
    });
    let answer!: (permit: { allowed: boolean }) => void;
    const pending = auditor.runIfAllowed(new Promise((ok) => (answer = ok)));
    // The audit has run before the answer comes; nothing is reported until it does.
    await new Promise((ok) => setTimeout(ok, 20));
    expect(sent).toHaveLength(0);
    answer({ allowed: true });
    expect((await pending)?.auditId).toBe(3);
    expect(sent).toHaveLength(1);

    expect(await auditor.runIfAllowed(Promise.resolve({ allowed: false }))).toBeNull();
    expect(sent).toHaveLength(1);
    // An unanswered question (no worker) audits, as before.
    expect((await auditor.runIfAllowed(Promise.resolve(null)))?.auditId).toBe(3);
  });

  it('audits again, once, only when the page type a person chose differs from the one the audit used', async () => {
    const sent: Message[] = [];
    const auditor = createPageAuditor(pageWith(''), async (m) => {
      sent.push(m);
      return judgedReply(m, 1);
    });
    const chosen = await auditor.runIfAllowed(Promise.resolve({ allowed: true, pageType: 'shop' as const }));
    expect(chosen?.result?.pageType).toBe('shop');
    expect(sent).toHaveLength(1);
    const again = await auditor.runIfAllowed(Promise.resolve({ allowed: true, pageType: 'shop' as const }));
    expect(again?.result?.pageType).toBe('shop');
    expect(sent).toHaveLength(2);
  });

  it('reads the terms text when the background types the page as terms, and reports the page again with it', async () => {
    const sent: Message[] = [];
    const agreement = new DOMParser().parseFromString(
      `<!doctype html><html><head><title>用户服务协议</title></head><body><h1>用户服务协议</h1>
      <p>第一条 本协议是您与平台之间的约定。</p><p>第二条 平台修改本协议的，将提前七日公示。</p><p>第三条 争议提交平台所在地法院解决。</p></body></html>`,
      'text/html',
    ) as unknown as Document;
    const auditor = createPageAuditor(agreement, async (m) => {
      sent.push(m);
      // As the router does for a page it types as terms: the text is asked for once.
      return sent.length === 1 ? { termsTextWanted: true } : judgedReply(m, 4);
    });
    const state = await auditor.run();
    expect(sent).toHaveLength(2);
    const [first, second] = sent as Array<Extract<Message, { type: 'audit:report' }>>;
    expect(first.page.facts.termsDocument).toBeUndefined();
    expect(second.page.facts.termsDocument?.clauses.map((clause) => clause.label)).toEqual(expect.arrayContaining(['第一条', '第二条']));
    expect({ ...second.page, facts: { ...second.page.facts, termsDocument: undefined } }).toEqual(first.page);
    expect(state.auditId).toBe(4);
    expect(state.result?.facts.termsDocument).toEqual(second.page.facts.termsDocument);
  });

  it('runs one audit at a time, in the order asked', async () => {
    const order: string[] = [];
    let calls = 0;
    const auditor = createPageAuditor(pageWith(''), async (m) => {
      const n = ++calls;
      order.push(`start ${n}`);
      await new Promise((ok) => setTimeout(ok, 5));
      order.push(`end ${n}`);
      return judgedReply(m, n);
    });
    const [first, second] = await Promise.all([auditor.run(), auditor.run()]);
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
    expect([first.auditId, second.auditId]).toEqual([1, 2]);
  });

  it('keeps the result when the background cannot store it', async () => {
    const auditor = createPageAuditor(pageWith(''), async (m) => judgedReply(m, null, 'QuotaExceededError'));
    const state = await auditor.run();
    expect(state.result).not.toBeNull();
    expect(state.auditId).toBeNull();
  });

  it('sends a report again when the service worker stopped before it answered', async () => {
    const sent: Message[] = [];
    const auditor = createPageAuditor(pageWith(''), async (m) => {
      sent.push(m);
      if (sent.length === 1) throw new Error('The message port closed before a response was received.');
      return judgedReply(m, 7);
    });
    expect((await auditor.run()).auditId).toBe(7);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
  });

  it('keeps trying, each time after a longer wait, while the worker is being started again', async () => {
    const times: number[] = [];
    const auditor = createPageAuditor(
      pageWith(''),
      async (m) => {
        times.push(performance.now());
        if (times.length < 4) throw new Error('Could not establish connection. Receiving end does not exist.');
        return judgedReply(m, 9);
      },
      [10, 40, 80],
    );
    expect((await auditor.run()).auditId).toBe(9);
    const waits = times.slice(1).map((time, i) => time - times[i]);
    expect(waits.map((wait, i) => wait >= [10, 40, 80][i] - 2)).toEqual([true, true, true]);
  });

  it('sends a report again when the first one is never answered', async () => {
    const sent: Message[] = [];
    const auditor = createPageAuditor(
      pageWith(''),
      (m) => {
        sent.push(m);
        return sent.length === 1 ? new Promise(() => undefined) : Promise.resolve(judgedReply(m, 5));
      },
      [1],
      30,
    );
    expect((await auditor.run()).auditId).toBe(5);
    expect(sent).toHaveLength(2);
  });

  it('gives up after the last wait and says why', async () => {
    let calls = 0;
    const auditor = createPageAuditor(
      pageWith(''),
      async () => {
        calls++;
        throw new Error('The message port closed before a response was received.');
      },
      [1, 1],
    );
    await expect(auditor.run()).rejects.toThrow('The message port closed');
    expect(calls).toBe(3);
    // The tab still says why its audit never reached the background, for the popup and for a person debugging it.
    expect(auditor.current().undelivered).toEqual({ tries: 3, error: 'Error: The message port closed before a response was received.' });
  });

  it('sends a report again when the channel closed with no answer at all, and forgets the failed tries once answered', async () => {
    const sent: Message[] = [];
    let seenWhileRetrying: unknown;
    const auditor = createPageAuditor(
      pageWith(''),
      async (m) => {
        sent.push(m);
        if (sent.length === 1) return undefined;
        seenWhileRetrying = auditor.current().undelivered;
        return judgedReply(m, 11);
      },
      [1],
    );
    const state = await auditor.run();
    expect(state.auditId).toBe(11);
    expect(sent).toHaveLength(2);
    expect(seenWhileRetrying).toEqual({ tries: 1, error: 'Error: the background answered the report with undefined' });
    expect(state.undelivered).toBeUndefined();
  });

  it('gives up at once when the background refuses the report as malformed', async () => {
    let calls = 0;
    const auditor = createPageAuditor(pageWith(''), async () => {
      calls++;
      throw new Error('malformed report: page.facts.icp');
    });
    await expect(auditor.run()).rejects.toThrow('malformed report: page.facts.icp');
    expect(calls).toBe(1);
  });

  it('gives up at once when the extension was reloaded or removed under the page', async () => {
    let calls = 0;
    const auditor = createPageAuditor(pageWith(''), async () => {
      calls++;
      throw new Error('Extension context invalidated.');
    });
    await expect(auditor.run()).rejects.toThrow('Extension context invalidated.');
    expect(calls).toBe(1);
  });
});
