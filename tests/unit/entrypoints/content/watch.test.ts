import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentFingerprint, watchPage, type ChangeReason } from '@/entrypoints/content/watch';

function page(withNavigationApi = false) {
  const { window, document } = parseHTML('<!doctype html><html><body><main><p>hi</p></main></body></html>');
  const win = Object.assign(new EventTarget(), {
    location: { href: 'https://shop.example.cn/' },
    MutationObserver: window.MutationObserver,
    ...(withNavigationApi ? { navigation: new EventTarget() } : {}),
  });
  return { win: win as unknown as Window & { location: { href: string }; navigation?: EventTarget }, doc: document as unknown as Document };
}

/** Lets the mutation observer deliver its records, then moves fake time on. */
async function advance(ms: number) {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(ms);
}

let calls: ChangeReason[];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  calls = [];
});
afterEach(() => vi.useRealTimers());

describe('watchPage', () => {
  it('coalesces a burst of late content into one re-audit after the page settles', async () => {
    const { win, doc } = page();
    const watcher = watchPage({ win, doc, onChange: (reason) => calls.push(reason), quietMs: 300 });
    await advance(5_000);
    for (let i = 0; i < 5; i++) doc.body.append(doc.createElement('footer'));
    await advance(299);
    expect(calls).toEqual([]);
    await advance(1);
    expect(calls).toEqual(['content']);
    watcher.stop();
  });

  it('audits a page that never stops changing less and less often: 1, 2, 4 … seconds apart, up to a minute', async () => {
    const { win, doc } = page();
    const at: number[] = [];
    const start = Date.now();
    const watcher = watchPage({ win, doc, onChange: () => at.push(Date.now() - start) });
    for (let t = 0; t < 300_000; t += 100) {
      doc.querySelector('p')!.textContent = `刚刚有人下单 ${t}`;
      await advance(100);
    }
    const gaps = at.map((time, i) => time - (at[i - 1] ?? 0));
    expect(gaps.slice(0, 6)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000]);
    // Five minutes of a ticker cost 9 audits, not 300; the interval stays at the cap.
    expect(at).toHaveLength(9);
    expect(gaps.slice(6)).toEqual([60_000, 60_000, 60_000]);
    watcher.stop();
  });

  it('holds back a page that rewrites its own address all the time, but not the route a person then opens', async () => {
    const { win, doc } = page(true);
    const at: number[] = [];
    const start = Date.now();
    const watcher = watchPage({ win, doc, onChange: () => at.push(Date.now() - start) });
    for (let slide = 0; slide < 150; slide++) {
      win.location.href = `https://shop.example.cn/#slide-${slide % 5}`;
      win.dispatchEvent(new Event('hashchange'));
      await advance(100);
    }
    expect(at).toEqual([1_000, 3_000, 7_000, 15_000]);
    win.dispatchEvent(new Event('pointerdown'));
    win.location.href = 'https://shop.example.cn/item/7';
    win.navigation!.dispatchEvent(new Event('navigatesuccess'));
    await advance(1_000);
    // A second after the last audit, the least any two are apart.
    expect(at.at(-1)).toBe(16_000);
    watcher.stop();
  });

  it('starts again from a second after a navigation, and after the page was quiet for a while', async () => {
    const { win, doc } = page(true);
    const at: Array<[number, ChangeReason]> = [];
    const start = Date.now();
    const watcher = watchPage({ win, doc, onChange: (reason) => at.push([Date.now() - start, reason]) });
    const churn = async (from: number, ms: number) => {
      for (let t = 0; t < ms; t += 100) {
        doc.querySelector('p')!.textContent = `变化 ${from + t}`;
        await advance(100);
      }
    };
    await churn(0, 7_500);
    expect(at.map(([time]) => time)).toEqual([1_000, 3_000, 7_000]);
    win.navigation!.dispatchEvent(new Event('navigatesuccess'));
    await advance(8_000);
    // The navigation is audited when its interval allows (8 s after the last), and resets the interval.
    // A navigation is not held back by the content's interval (4 s by now): audited a second after the last audit.
    expect(at.at(-1)).toEqual([8_000, 'navigation']);
    await churn(20_000, 1_500);
    expect(at.at(-1)).toEqual([15_800, 'content']);
    // After a minute of quiet, a change is audited after the quiet time alone.
    await advance(60_000);
    doc.querySelector('p')!.textContent = '页脚到了';
    await advance(300);
    expect(at.at(-1)).toEqual([77_300, 'content']);
    watcher.stop();
  });

  it("ignores the changes our own overlay makes", async () => {
    const { win, doc } = page();
    const overlay = doc.createElement('div');
    const watcher = watchPage({
      win,
      doc,
      onChange: (reason) => calls.push(reason),
      ignore: (node) => node === overlay || overlay.contains(node),
    });
    doc.documentElement.append(overlay);
    overlay.append(doc.createElement('span'));
    overlay.remove();
    await advance(2_000);
    expect(calls).toEqual([]);
    doc.body.append(doc.createElement('div'));
    await advance(2_000);
    expect(calls).toEqual(['content']);
    watcher.stop();
  });

  it('re-audits on history navigation, hash changes and the Navigation API', async () => {
    const { win, doc } = page(true);
    const watcher = watchPage({ win, doc, onChange: (reason) => calls.push(reason) });
    // A person clicks a tab of the page, goes back, then follows an in-page link: each audited a second apart.
    win.dispatchEvent(new Event('pointerdown'));
    win.location.href = 'https://shop.example.cn/#reviews';
    win.dispatchEvent(new Event('hashchange'));
    await advance(1_000);
    win.location.href = 'https://shop.example.cn/item/2';
    win.dispatchEvent(new Event('popstate'));
    await advance(1_000);
    win.dispatchEvent(new Event('keydown'));
    win.location.href = 'https://shop.example.cn/item/3';
    win.navigation!.dispatchEvent(new Event('navigatesuccess'));
    await advance(1_000);
    expect(calls).toEqual(['navigation', 'navigation', 'navigation']);
    watcher.stop();
  });

  it('notices a pushState route change without events: on the next DOM change, or by the slow poll', async () => {
    const { win, doc } = page(false);
    const watcher = watchPage({ win, doc, onChange: (reason) => calls.push(reason) });
    win.location.href = 'https://shop.example.cn/item/2';
    doc.body.append(doc.createElement('section'));
    await advance(1_000);
    expect(calls).toEqual(['navigation']);
    win.location.href = 'https://shop.example.cn/item/3';
    await advance(2_000);
    expect(calls).toEqual(['navigation', 'navigation']);
    watcher.stop();
  });

  it('counts the audit made when watching starts: the first re-audit waits a second after it', async () => {
    const { win, doc } = page();
    const watcher = watchPage({ win, doc, onChange: (reason) => calls.push(reason) });
    doc.body.append(doc.createElement('footer'));
    await advance(999);
    expect(calls).toEqual([]);
    await advance(1);
    expect(calls).toEqual(['content']);
    watcher.stop();
  });

  it('stops watching', async () => {
    const { win, doc } = page();
    const watcher = watchPage({ win, doc, onChange: (reason) => calls.push(reason) });
    watcher.stop();
    doc.body.append(doc.createElement('div'));
    win.dispatchEvent(new Event('popstate'));
    await advance(5_000);
    expect(calls).toEqual([]);
  });
});

describe('contentFingerprint', () => {
  it('is the same when the page re-renders the same content, and differs when text, links or images change', () => {
    const { document } = parseHTML('<!doctype html><html><body><ul><li>第一张</li><li>第二张</li></ul><footer>京ICP备11041704号</footer></body></html>');
    const doc = document as unknown as Document;
    const before = contentFingerprint(doc);
    // A carousel that re-renders its slides with the same text.
    const list = doc.querySelector('ul')!;
    list.replaceChildren(...Array.from(list.children).map((item) => item.cloneNode(true)));
    expect(contentFingerprint(doc)).toBe(before);

    doc.querySelector('footer')!.textContent = '京ICP备11041704号-1';
    const changedText = contentFingerprint(doc);
    expect(changedText).not.toBe(before);

    // A countdown or a sales counter ticking: digits change, nothing an audit reads does.
    const ticking = doc.createElement('p');
    ticking.textContent = '距结束 02:13:45 已售 1234 件';
    doc.body.append(ticking);
    const withCountdown = contentFingerprint(doc);
    ticking.textContent = '距结束 02:13:09 已售 12350 件';
    expect(contentFingerprint(doc)).toBe(withCountdown);
    ticking.textContent = '距结束 02:13:09 已售 12350 件 客服电话 400-610-1360';
    expect(contentFingerprint(doc)).not.toBe(withCountdown);
    ticking.remove();

    // Same text, one more link: what the licence and filing detectors read has changed.
    const link = doc.createElement('a');
    link.setAttribute('href', 'https://beian.miit.gov.cn/');
    doc.querySelector('footer')!.append(link);
    expect(contentFingerprint(doc)).not.toBe(changedText);
  });
});
