import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { dataUrl } from '@/utils/base64';
import { renderReport } from '@/evidence/export/report';
import { reportImages } from '@/evidence/export/report-images';
import { captureOf, CASE, HOSTILE_FORMULA, HOSTILE_TEXT, hostileAudit, PNG_BYTES, sampleAudit } from '../helpers';

function parse(html: string) {
  return parseHTML(html).document;
}

describe('renderReport', () => {
  it('reads like a rectification notice: case, page, time, screenshot, grade, then failures article by article', async () => {
    const audit = sampleAudit();
    const capture = await captureOf(audit, null);
    const html = renderReport({
      audit,
      locale: 'zh_CN',
      generatedAt: '2026-11-28T21:00:00.000+08:00',
      capture: capture.sealed,
      screenshotDataUrl: dataUrl('image/png', PNG_BYTES),
    });
    const doc = parse(html);
    const text = doc.body.textContent ?? '';
    expect(doc.documentElement.getAttribute('lang')).toBe('zh-CN');
    for (const value of [CASE.caseNumber, CASE.inspector, CASE.task, audit.url, '2026年11月28日 20:57:29（UTC+08:00）', '2026年11月28日 20:58:00（UTC+08:00）', '得分 62/100']) {
      expect(text).toContain(value);
    }
    expect(doc.querySelector('figure img')?.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const headings = [...doc.querySelectorAll('section.findings h2')].map((h) => h.textContent);
    // Case and page, screenshot and verdict come first; an encouraged practice is advice, not a failure.
    expect(headings).toEqual([
      '四、不符合规定的事项（2 项）',
      '五、需要进一步核实的事项（1 项）',
      '六、建议改进的事项（倡导性条款，1 项）',
      '七、符合规定的事项（3 项）',
    ]);
    const failed = [...doc.querySelectorAll('section.findings')][0];
    // Each finding under its rule's name, cited in full.
    expect([...failed.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['1. 营业执照信息', '2. 服务协议与交易规则']);
    expect(failed.querySelector('.cite')?.textContent).toBe(
      '依据：《网络交易平台经营者履行社会责任指引》第九条；《网络交易平台合同格式条款规范指引》第八条第（一）项；《中华人民共和国电子商务法》第十五条',
    );
    // Each instrument once in full, with issuer and year; selectors wait in the appendix.
    expect(doc.querySelector('section.basis')?.textContent).toContain('《网络交易平台经营者履行社会责任指引》（国家工商行政管理总局，2014 年）');
    expect(failed.querySelector('table.evidence')?.textContent).not.toContain('#');
    expect(doc.querySelector('table.selectors')?.textContent).toContain('S1');
    expect(text).toContain('首页没有公示营业执照信息或其电子链接标识。');
    expect(text).toContain('整改要求');
    expect(text).toContain(capture.sealed.digest);
    expect(html).toContain('@media print');
    expect(doc.querySelectorAll('link, script, iframe').length).toBe(0);
  });

  it('renders in English', () => {
    const doc = parse(renderReport({ audit: sampleAudit(), locale: 'en', generatedAt: '2026-11-28T21:00:00.000+08:00' }));
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.querySelector('h1')?.textContent).toBe('Online disclosure inspection record');
    expect(doc.body.textContent).toContain('No screenshot.');
  });

  it('shows hostile page text as text and runs nothing', async () => {
    const audit = hostileAudit();
    const html = renderReport({
      audit,
      locale: 'en',
      generatedAt: '2026-11-28T21:00:00.000+08:00',
      capture: (await captureOf(audit, null, { caseNumber: '<b>1</b>', inspector: '"onmouseover=alert(5) x="', task: HOSTILE_FORMULA })).sealed,
      screenshotDataUrl: 'javascript:alert(6)',
    });
    const doc = parse(html);
    expect(doc.querySelectorAll('script, iframe, object, embed, b').length).toBe(0);
    expect([...doc.querySelectorAll('img')].length).toBe(0);
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.attributes) expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).toBe(false);
    }
    const text = doc.body.textContent ?? '';
    expect(text).toContain(HOSTILE_TEXT);
    expect(text).toContain(HOSTILE_FORMULA);
    expect(text).toContain('javascript:alert(4)');
    expect(text).toContain('<script>alert(3)</script>');
    expect(doc.title).toContain(HOSTILE_TEXT);
    expect(html).toContain("default-src 'none'");
  });
});

describe('the report’s full-page screenshot and crops', () => {
  const ICP = 'footer > p:nth-of-type(1) > a';
  const TERMS = 'footer nav a:nth-of-type(1)';
  const TEL = 'footer .contact span.tel';
  /** The ICP link on screen at capture, the terms link further down the page, the phone number beyond the full page. */
  const rects = {
    [ICP]: { x: 100, y: 1200, width: 200, height: 20 },
    [TERMS]: { x: 40, y: 2400, width: 120, height: 18 },
    [TEL]: { x: 40, y: 9000, width: 120, height: 18 },
  };

  async function report(locale: 'zh_CN' | 'en', options: Parameters<typeof captureOf>[3] = { rects }) {
    const audit = sampleAudit();
    const capture = await captureOf(audit, null, CASE, options);
    const html = renderReport({ audit, locale, generatedAt: '2026-11-28T21:00:00.000+08:00', capture: capture.sealed, ...reportImages(capture) });
    return { html, doc: parse(html), capture };
  }

  it('shows the full page once, with how much of the page it holds', async () => {
    const { html, doc, capture } = await report('zh_CN');
    const fullPage = doc.querySelector('figure.fullpage')!;
    expect(fullPage.querySelector('image')?.getAttribute('href')).toMatch(/^data:image\/png;base64,/);
    expect(fullPage.querySelector('figcaption')?.textContent).toContain('由 5 帧滚动截图拼接');
    expect(fullPage.querySelector('figcaption')?.textContent).toContain('页面全长 2500 像素，已截取 2500 像素');
    expect(fullPage.querySelector('.cut')).toBeNull();
    const fullPageUrl = fullPage.querySelector('image')!.getAttribute('href')!;
    expect(html.split(fullPageUrl)).toHaveLength(2);
    const integrity = doc.querySelector('section.integrity')!.textContent!;
    const entry = capture.sealed.record.artefacts.find((a) => a.name === 'fullpage.png')!;
    expect(integrity).toContain(`SHA-256 ${entry.sha256}`);
  });

  it('says when the full page was cut at the limit', async () => {
    const { doc } = await report('en', { rects, pageHeight: 30_000 });
    expect(doc.querySelector('figure.fullpage .cut')?.textContent).toBe(
      'The full-page screenshot is cut: the page is 30000 px tall, beyond the 20000 px limit or it would not scroll further, so the image ends at 3000 px and what lies below was not captured.',
    );
  });

  it('crops the visible screenshot around evidence that was on screen, the full page around the rest', async () => {
    const { doc } = await report('en');
    const crops = [...doc.querySelectorAll('figure.crop')];
    const captions = crops.map((c) => c.querySelector('figcaption')?.textContent);
    expect(captions).toEqual([
      'S1: detail of the full-page screenshot (the red frame, added by the report, marks the evidence element)',
      'S7: detail of the visible-area screenshot (the red frame, added by the report, marks the evidence element)',
    ]);
    // Each crop carries the reference its evidence has in the appendix.
    const appendix = new Map([...doc.querySelectorAll('table.selectors tbody tr')].map((row) => [row.children[0].textContent, row.children[2].textContent]));
    expect(appendix.get('S1')).toBe(TERMS);
    expect(appendix.get('S7')).toBe(ICP);
    const [terms, icp] = crops.map((c) => c.querySelector('svg')!);
    // Twice the pixels of the CSS box, 16 CSS px around it, clipped to the image; the image itself is drawn once.
    expect(icp.getAttribute('viewBox')).toBe('168 368 464 104');
    expect(icp.querySelector('use')?.getAttribute('href')).toMatch(/^#shot-[0-9a-f]{16}-visible$/);
    expect(icp.querySelector('rect')?.getAttribute('x')).toBe('200');
    expect(terms.getAttribute('viewBox')).toBe('48 4768 304 100');
    expect(terms.querySelector('use')?.getAttribute('href')).toMatch(/-full$/);
    expect(doc.getElementById(terms.querySelector('use')!.getAttribute('href')!.slice(1))?.tagName.toLowerCase()).toBe('image');
  });

  it('reads a capture of an older version (liangzhao.evidence/1): no full page, no crops, nothing missing said', async () => {
    const { doc } = await report('zh_CN', { schema: 'liangzhao.evidence/1' });
    expect(doc.querySelector('figure.fullpage')).toBeNull();
    expect(doc.querySelectorAll('figure.crop')).toHaveLength(0);
    expect(doc.body.textContent).not.toContain('无整页截图');
    expect(doc.querySelector('section.screenshot img')?.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  });
});
