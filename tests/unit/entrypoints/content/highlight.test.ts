import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { createHighlighter, hiddenReasonOf, OVERLAY_ATTRIBUTE, labelPlace } from '@/entrypoints/content/highlight';

function doc(body: string): Document {
  return parseHTML(`<!doctype html><html><head></head><body>${body}</body></html>`).document as unknown as Document;
}

const note = (reason: string) => `hidden: ${reason}`;

describe('hiddenReasonOf', () => {
  it('says why evidence cannot be seen, from attributes and inline styles', () => {
    const page = doc(`
      <p id="shown">京ICP备11041704号</p>
      <div hidden><p id="attr">a</p></div>
      <div style="display:none"><p id="none">b</p></div>
      <div style="opacity:0"><p id="transparent">c</p></div>
      <p id="invisible" style="visibility:hidden">d</p>
      <p id="tiny" style="font-size:1px">e</p>
      <details><summary id="summary">more</summary><p id="folded">f</p></details>
      <details open><p id="unfolded">g</p></details>
      <noscript><p id="noscript">h</p></noscript>
      <div style="background-color:#ffffff"><p id="camouflage" style="color:#ffffff">i</p></div>`);
    const reason = (id: string) => hiddenReasonOf(page.getElementById(id)!);
    expect(reason('shown')).toBeNull();
    expect(reason('attr')).toBe('hidden-attribute');
    expect(reason('none')).toBe('display-none');
    expect(reason('transparent')).toBe('opacity-zero');
    expect(reason('invisible')).toBe('visibility-hidden');
    expect(reason('tiny')).toBe('tiny-font');
    expect(reason('summary')).toBeNull();
    expect(reason('folded')).toBe('closed-details');
    expect(reason('unfolded')).toBeNull();
    expect(reason('camouflage')).toBe('same-colour');
  });
});

describe('createHighlighter', () => {
  it('outlines and labels the element in a shadow-root overlay, with the label as text', () => {
    const page = doc('<footer><a id="icp" href="https://beian.miit.gov.cn/">京ICP备11041704号</a></footer>');
    const highlighter = createHighlighter(page);
    const label = '<img src=x onerror=alert(1)> ICP';
    expect(highlighter.show('#icp', label, note)).toEqual({ found: true, hidden: false });
    const host = page.querySelector(`[${OVERLAY_ATTRIBUTE}]`)!;
    expect(host.parentElement).toBe(page.documentElement);
    expect(host.getAttribute('style')).toContain('!important');
    const shadow = host.shadowRoot!;
    const labelElement = shadow.querySelector('.label')!;
    expect(labelElement.textContent).toBe(label);
    expect(shadow.querySelector('img')).toBeNull();
    expect(shadow.querySelector('.box')).not.toBeNull();
    expect(highlighter.owns(host)).toBe(true);
    expect(highlighter.owns(page.getElementById('icp')!)).toBe(false);

    highlighter.show('#icp', 'again', note);
    expect(page.querySelectorAll(`[${OVERLAY_ATTRIBUTE}]`)).toHaveLength(1);
    const PageEvent = (page.defaultView as unknown as { Event: typeof Event }).Event;
    const escape = Object.defineProperty(new PageEvent('keydown'), 'key', { value: 'Escape' });
    page.dispatchEvent(escape);
    expect(shadow.querySelector('.box')).toBeNull();
    highlighter.dispose();
    expect(page.querySelector(`[${OVERLAY_ATTRIBUTE}]`)).toBeNull();
  });

  it('says hidden evidence is hidden and why, and outlines its nearest visible ancestor', () => {
    const page = doc('<footer id="foot"><div style="display:none"><span id="icp">京ICP备11041704号</span></div></footer>');
    const highlighter = createHighlighter(page);
    expect(highlighter.show('#icp', 'ICP', note)).toEqual({ found: true, hidden: true, reason: 'display-none' });
    const shadow = page.querySelector(`[${OVERLAY_ATTRIBUTE}]`)!.shadowRoot!;
    expect(shadow.querySelector('.label')!.textContent).toBe('ICP — hidden: display-none');
    expect(shadow.querySelector('.box')!.className).toContain('hidden-evidence');
  });

  it('reports an element that is gone, or a selector that does not parse', () => {
    const page = doc('<p>nothing</p>');
    const highlighter = createHighlighter(page);
    expect(highlighter.show('#gone', 'x', note)).toEqual({ found: false, hidden: false });
    expect(highlighter.show('p[', 'x', note)).toEqual({ found: false, hidden: false });
  });
});

describe('labelPlace', () => {
  const label = { width: 200, height: 26 };

  it('puts the label above the outline, its left edge with the outline’s', () => {
    expect(labelPlace({ left: 100, top: 300, bottom: 320 }, label, 1000, 700)).toEqual({ left: 96, top: 266 });
  });

  it('puts it below when the element is at the top of the viewport, and never past the right edge', () => {
    expect(labelPlace({ left: 950, top: 10, bottom: 30 }, label, 1000, 700)).toEqual({ left: 796, top: 38 });
  });

  it('keeps it inside the viewport when neither above nor below fits', () => {
    expect(labelPlace({ left: -50, top: 5, bottom: 690 }, label, 1000, 700)).toEqual({ left: 4, top: 0 });
  });
});
