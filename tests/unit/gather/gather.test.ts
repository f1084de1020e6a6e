import { describe, expect, it } from 'vitest';
import { gatherFacts, gatherFactsAsync } from '@/rules/collect';
import { IdIndex, selectorFor, cssEscape } from '@/rules/gather/selector';
import { isPlaceholderHref, resolveHref, isGovernmentHref } from '@/rules/gather/url';
import { inlineStyleHidden } from '@/rules/gather/visibility';
import { walkDocument } from '@/rules/gather/walk';
import { factsOf, parseHtml } from './support/dom';

function walk(doc: Document, url = 'https://a.example.cn/') {
  const steps = walkDocument(doc, url);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

describe('walker text stream', () => {
  it('leaves out comments, script, style, template and head', () => {
    const doc = parseHtml(
      '<html><head><title>T</title><style>.x{}</style></head><body><p>a<!-- c -->b</p><script>s()</script>' +
        '<template><p>t</p></template><div>c</div></body></html>',
    );
    expect(walk(doc).text.trim()).toBe('ab\nc');
  });

  it('collapses whitespace and breaks lines at blocks but not inline elements', () => {
    const doc = parseHtml('<body><div>京公网安备\n   <a href="/x">1100</a>  号</div><p>next</p></body>');
    expect(walk(doc).text.trim()).toBe('京公网安备 1100 号\nnext');
  });

  it('records links with resolved hrefs and placeholders as null', () => {
    const doc = parseHtml(
      '<body><a href="/help">帮助</a><a href="#">空</a><a href="javascript:void(0)">js</a><a href="###">x</a>' +
        '<a href="${url}">tpl</a><a href="//www.mi.com/license/">执照</a></body>',
    );
    expect(walk(doc, 'https://shop.example.cn/a/b').links.map((l) => l.href)).toEqual([
      'https://shop.example.cn/help',
      null,
      null,
      null,
      null,
      'https://www.mi.com/license/',
    ]);
  });

  it('resolves links against the page <base href>', () => {
    const facts = factsOf(
      '<html><head><base href="https://www.shop.cn/help/"></head><body><a href="privacy.html">隐私政策</a></body></html>',
      'file:///tmp/saved.html',
    );
    expect(facts.terms.privacyPolicy[0].href).toBe('https://www.shop.cn/help/privacy.html');
  });

  it('gives images to the link they sit in', () => {
    const doc = parseHtml('<body><a href="https://x.gov.cn/"><img alt="红盾" title="工商"></a></body>');
    const result = walk(doc);
    expect(result.links[0].imageText).toBe('红盾 工商');
    expect(result.images[0].link).toBe(result.links[0]);
  });
});

describe('selectors', () => {
  const html =
    '<body><div id="a"><p>one</p><p>two <span>deep</span></p></div><div id="a"><p>dup</p></div>' +
    '<section><ul><li>x</li><li id="9z">y</li></ul></section></body>';

  it('re-find every element they were made for', () => {
    const doc = parseHtml(html);
    const firstById = new IdIndex();
    for (const el of Array.from(doc.querySelectorAll('body *'))) {
      const selector = selectorFor(el, firstById);
      expect(doc.querySelector(selector), selector).toBe(el);
    }
  });

  it('prefer an id, skipping ids that are not the first of their name', () => {
    const doc = parseHtml(html);
    const firstById = new IdIndex();
    expect(selectorFor(doc.querySelector('span')!, firstById)).toBe('#a > p:nth-of-type(2) > span:nth-of-type(1)');
    const second = doc.querySelectorAll('div')[1].querySelector('p')!;
    expect(selectorFor(second, firstById)).toBe('body > div:nth-of-type(2) > p:nth-of-type(1)');
    expect(selectorFor(doc.querySelectorAll('li')[1], firstById)).toBe('#\\39 z');
  });

  it('escape identifiers like CSS.escape', () => {
    expect(cssEscape('a b')).toBe('a\\ b');
    expect(cssEscape('1a')).toBe('\\31 a');
    expect(cssEscape('-1')).toBe('-\\31 ');
  });
});

describe('urls', () => {
  it('treats placeholders as no link', () => {
    for (const raw of ['', '#', '###', ' javascript:;', 'JavaScript:void(0)', '{{ $link }}', '<%= url %>', null]) {
      expect(isPlaceholderHref(raw), String(raw)).toBe(true);
    }
    expect(resolveHref('#top', 'https://a.cn/')).toBe('https://a.cn/#top');
  });

  it('checks government hosts by parsed hostname', () => {
    expect(isGovernmentHref('https://zzlz.gsxt.gov.cn/x')).toBe(true);
    expect(isGovernmentHref('http://gov.cn/')).toBe(true);
    expect(isGovernmentHref('https://gsxt.gov.cn.example.com/')).toBe(false);
    expect(isGovernmentHref('https://examplegov.cn/')).toBe(false);
    expect(isGovernmentHref('https://user:pw@evil.com/?gov.cn')).toBe(false);
  });
});

describe('static visibility', () => {
  it('reads hiding inline styles', () => {
    expect(inlineStyleHidden('display: none !important')).toBe('display-none');
    expect(inlineStyleHidden('visibility:hidden')).toBe('visibility-hidden');
    expect(inlineStyleHidden('opacity:0')).toBe('opacity-zero');
    expect(inlineStyleHidden('opacity:0.5')).toBeNull();
    expect(inlineStyleHidden('font-size:6px')).toBe('tiny-font');
    expect(inlineStyleHidden('position:absolute;left:-9999px')).toBe('off-screen');
    expect(inlineStyleHidden('color:#fff;background-color:#fff')).toBe('same-colour');
    expect(inlineStyleHidden('color:red')).toBeNull();
    expect(inlineStyleHidden('font-size:0')).toBe('tiny-font');
    expect(inlineStyleHidden('font-size:0.4em')).toBe('tiny-font');
    expect(inlineStyleHidden('font-size:12px')).toBeNull();
    expect(inlineStyleHidden('width:0;overflow:hidden')).toBe('zero-size');
    expect(inlineStyleHidden('position:absolute;clip:rect(0 0 0 0)')).toBe('zero-size');
    expect(inlineStyleHidden('color:#FFF;background:white url(x.png)')).toBe('same-colour');
  });

  it('matches inline text colour against an inline background up the tree', () => {
    const facts = factsOf(
      '<div style="background-color: rgb(255, 255, 255)"><p><span style="color:#fff">京ICP备11111111号</span></p></div>' +
        '<div style="background:#000"><span style="color:#fff">京ICP备22222222号</span></div>',
    );
    expect(facts.icp.map((f) => [f.visible, f.hiddenReason])).toEqual([
      [false, 'same-colour'],
      [null, undefined],
    ]);
  });

  it('proves hidden from attributes and ancestors, otherwise says unknown', () => {
    const facts = factsOf(
      '<body><p hidden>京ICP备11111111号</p><noscript><p>京ICP备22222222号</p></noscript>' +
        '<div style="display:none"><div><span>京ICP备33333333号</span></div></div><p>京ICP备44444444号</p></body>',
    );
    expect(facts.icp.map((f) => [f.serial, f.visible, f.hiddenReason])).toEqual([
      ['11111111', false, 'hidden-attribute'],
      ['22222222', false, 'noscript'],
      ['33333333', false, 'display-none'],
      ['44444444', null, undefined],
    ]);
  });
});

describe('gatherFacts', () => {
  it('returns a complete, serialisable Facts object', () => {
    const facts = factsOf('<html><head><title>首页</title></head><body><p>hi</p></body></html>', 'https://www.a.cn/');
    expect(Object.keys(facts).sort()).toEqual(
      [
        'addresses', 'businessLicence', 'emails', 'gatherErrors', 'governmentBadges', 'icp', 'identityEvidence',
        'identityVerified', 'licences', 'notices', 'phones', 'postalCodes', 'psb', 'signals', 'terms', 'unfairClauses',
        'uscc',
      ].sort(),
    );
    expect(JSON.parse(JSON.stringify(facts))).toEqual(facts);
    expect(facts.signals).toMatchObject({ hostname: 'www.a.cn', path: '/' });
  });

  it('async gives the same facts as sync', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `<li><span>item ${i}</span></li>`).join('');
    const html = `<body><ul>${rows}</ul><footer><a href="https://beian.miit.gov.cn/">京ICP备11041704号</a></footer></body>`;
    const sync = gatherFacts(parseHtml(html), { url: 'https://a.cn/', mode: 'static' });
    const async = await gatherFactsAsync(parseHtml(html), { url: 'https://a.cn/', mode: 'static' }, { sliceMs: 1 });
    expect(async).toEqual(sync);
    expect(sync.icp).toHaveLength(1);
  });

  it('evidence selectors of facts re-find their element', () => {
    const doc = parseHtml('<body><div><p>a</p><p>备案：<a href="https://beian.miit.gov.cn/">京ICP备11041704号</a></p></div></body>');
    const facts = gatherFacts(doc, { url: 'https://a.cn/', mode: 'static' });
    expect(doc.querySelector(facts.icp[0].selector)?.textContent).toBe('京ICP备11041704号');
  });
});

describe('hostile input never throws', () => {
  it('broken markup', () => {
    const facts = factsOf('<div><p>京ICP备11041704号<span><a href="http://[bad">x</div></table></p><<>>&&#xZZ;');
    expect(facts.icp).toHaveLength(1);
  });

  it('an empty document, a comment-only document and a bare text fragment', () => {
    for (const html of ['', '<!-- 京ICP备11041704号 -->', '京ICP备11041704号']) {
      const facts = factsOf(html);
      expect(facts.gatherErrors, JSON.stringify(html)).toEqual([]);
    }
    expect(factsOf('京ICP备11041704号').icp).toHaveLength(1);
    expect(factsOf('<!-- 京ICP备11041704号 -->').icp).toHaveLength(0);
  });

  // Building 100,000 elements in linkedom alone takes seconds on a busy machine.
  it('100,000 elements', { timeout: 60_000 }, () => {
    const doc = parseHtml('<body></body>');
    const body = doc.body;
    for (let i = 0; i < 1000; i++) {
      const section = doc.createElement('div');
      for (let j = 0; j < 99; j++) section.appendChild(doc.createElement('span')).textContent = `${i}-${j}`;
      body.appendChild(section);
    }
    body.appendChild(doc.createElement('p')).textContent = '京ICP备11041704号';
    const facts = gatherFacts(doc, { url: 'https://a.cn/', mode: 'static' });
    expect(facts.icp).toHaveLength(1);
    expect(doc.querySelector(facts.icp[0].selector)?.textContent).toBe('京ICP备11041704号');
  });

  it('2,000-deep nesting', () => {
    const doc = parseHtml('<body></body>');
    let node: Element = doc.body;
    for (let i = 0; i < 2000; i++) node = node.appendChild(doc.createElement(i % 2 ? 'div' : 'span'));
    node.textContent = '京ICP备11041704号';
    const facts = gatherFacts(doc, { url: 'https://a.cn/', mode: 'static' });
    expect(facts.icp).toHaveLength(1);
    expect(facts.icp[0].visible).toBeNull();
  });

  it('a 5 MB text node', () => {
    const doc = parseHtml('<body><p id="big"></p></body>');
    doc.getElementById('big')!.textContent = '商品 '.repeat(1_300_000) + '京ICP备11041704号';
    const facts = gatherFacts(doc, { url: 'https://a.cn/', mode: 'static' });
    expect(facts.icp).toHaveLength(1);
    expect(facts.icp[0].context!.length).toBeLessThanOrEqual(170);
  });
});

describe('a page that changes while it is walked in slices', () => {
  it('keeps its place when the subtree being walked is removed between slices', () => {
    const rows = Array.from({ length: 800 }, (_, i) => `<span>${i}</span>`).join('');
    const doc = parseHtml(
      `<html><body><div id="carousel">${rows}</div><div id="rest"><p>客服电话：400-123-4567</p></div>` +
        '<footer><a href="https://beian.miit.gov.cn/">京ICP备11041704号</a></footer></body></html>',
    );
    const steps = walkDocument(doc, 'https://a.cn/');
    steps.next();
    steps.next();
    doc.getElementById('carousel')!.remove();
    let step = steps.next();
    while (!step.done) step = steps.next();
    expect(step.value.text).toContain('京ICP备11041704号');
    expect(step.value.text).toContain('400-123-4567');
  });
});
