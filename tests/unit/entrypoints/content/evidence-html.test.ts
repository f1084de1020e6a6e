import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { answer } from '@/messaging/protocol';
import { evidenceAnswers, evidenceHtml, MAX_ELEMENT_HTML, showEvidenceNotice } from '@/entrypoints/content/evidence-html';

const page = () =>
  parseHTML(`<!doctype html><html><body>
    <footer><p><a href="https://beian.miit.gov.cn/">京ICP备11041704号-1</a></p><p id="big"></p></footer>
  </body></html>`).document as unknown as Document;

describe('evidenceHtml', () => {
  it('returns the markup each selector finds, once per selector, and null for what is gone or unparsable', () => {
    const doc = page();
    const found = evidenceHtml(doc, ['footer > p:nth-of-type(1) > a', 'footer > p:nth-of-type(1) > a', '#gone', 'p[', '']);
    expect(found).toEqual([
      { selector: 'footer > p:nth-of-type(1) > a', html: '<a href="https://beian.miit.gov.cn/">京ICP备11041704号-1</a>', truncated: false, rect: null },
      { selector: '#gone', html: null, truncated: false, rect: null },
      { selector: 'p[', html: null, truncated: false, rect: null },
      { selector: '', html: null, truncated: false, rect: null },
    ]);
  });

  it('cuts an element larger than the limit and says so', () => {
    const doc = page();
    doc.getElementById('big')!.textContent = '字'.repeat(MAX_ELEMENT_HTML);
    const [big] = evidenceHtml(doc, ['#big']);
    expect(big.truncated).toBe(true);
    expect(big.html).toHaveLength(MAX_ELEMENT_HTML);
  });
});

describe('evidenceAnswers', () => {
  const traces = { conceal: () => undefined, reveal: () => undefined };

  it('answers only the evidence messages', async () => {
    const doc = page();
    const route = answer(evidenceAnswers(doc, traces));
    expect(route({ type: 'page:current' }, {})).toBeUndefined();
    expect(route('noise', {})).toBeUndefined();
    expect(await route({ type: 'page:evidence-html', selectors: ['#big'] }, {})).toEqual([
      { selector: '#big', html: '<p id="big"></p>', truncated: false, rect: null },
    ]);
  });

  it('takes every marked node of the extension off the page to conceal it, and lets the highlight come back', async () => {
    const doc = page();
    const calls: string[] = [];
    const highlight = { conceal: () => calls.push('conceal'), reveal: () => calls.push('reveal') };
    showEvidenceNotice(doc, '已取证', true);
    expect(doc.querySelector('[data-liangzhao-overlay]')).not.toBeNull();
    expect(await answer(evidenceAnswers(doc, highlight))({ type: 'page:evidence-conceal' }, {})).toEqual({ concealed: true });
    expect(doc.querySelector('[data-liangzhao-overlay]')).toBeNull();
    expect(await answer(evidenceAnswers(doc, highlight))({ type: 'page:evidence-reveal' }, {})).toEqual({ revealed: true });
    expect(calls).toEqual(['conceal', 'reveal']);
  });

  it('shows a capture notice on the page and takes it away again', () => {
    vi.useFakeTimers();
    try {
      const doc = page();
      showEvidenceNotice(doc, '亮照：已取证', true, 1000);
      expect(doc.querySelectorAll('liangzhao-evidence-notice')).toHaveLength(1);
      vi.advanceTimersByTime(1000);
      expect(doc.querySelectorAll('liangzhao-evidence-notice')).toHaveLength(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
