/**
 * Pages made to stall a careless engine: long digit runs, long style values, run-on text full of every detector's
 * keywords, deep nesting, huge element counts, a huge text node, thousands of links. Each generator takes a size so
 * a test can check that the audit's cost grows with the page, not faster. Shared by the hostile-input tests and the
 * fuzz script (`npm run fuzz`).
 */

export interface HostilePage {
  name: string;
  html: string;
}

/** Every detector's trigger words, run together with no sentence end: each match's context windows must stay bounded. */
export const KEYWORDS = [
  '社会责任报告', '概不退换', '最终解释权归本公司所有', '违约金', '3倍', '不承担任何责任', '有权随时修改', '无需另行通知',
  '电话：', '地址：', '邮编：', '联系方式', '京ICP备', '公网安备', '营业执照', '统一社会信用代码：', '网络文化经营许可证',
  '先行赔付', '信用评价', '实名认证', '保障', '客服', 'Tel', '@', '北京市海淀区中关村大街', '号', '新出发', '字第',
];

const FOOTER =
  '<p>电话：021-60841111 邮箱：service@example.cn 地址：上海市闵行区合川路2679号 邮编：201103</p>' +
  '<p><a href="https://beian.miit.gov.cn/">沪ICP备2025012345号-1</a> 沪公网安备 31011202000001号 ' +
  '<a href="https://zzlz.gsxt.gov.cn/businessCheck/verifKey.do?serial=91330100716105852F">营业执照</a></p>';

function page(body: string, title = '示例商城'): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

/** One text node of `length` digits, optionally ending in a suffix that lets a number pattern almost match. */
export function digitRun(length: number, suffix = ''): HostilePage {
  return { name: `digit run ${length}${suffix ? ` + ${suffix}` : ''}`, html: page(`<p>${'1'.repeat(length)}${suffix}</p>${FOOTER}`) };
}

/** One text node of `unit` repeated to about `length` characters: a pattern that almost matches at every repeat. */
export function unitRun(unit: string, length: number): HostilePage {
  return { name: `run of ${unit} ${length}`, html: page(`<p>${unit.repeat(Math.ceil(length / unit.length)).slice(0, length)}</p>${FOOTER}`) };
}

/** Digits broken by the separators phone and filing patterns accept (spaces, dashes), never forming a number. */
export function separatedDigits(length: number): HostilePage {
  const unit = '12 34-56 ';
  return { name: `separated digits ${length}`, html: page(`<p>${unit.repeat(Math.ceil(length / unit.length)).slice(0, length)}</p>${FOOTER}`) };
}

/** Fact-carrying elements whose inline style values are `length` characters long, so visibility must read them. */
export function longStyleValues(length: number): HostilePage {
  const digits = '1'.repeat(length);
  const spaces = ' '.repeat(length);
  const styles = [
    `font-size:${digits}x`,
    `font-size:${digits}.${digits}`,
    `left:-${digits}x`,
    `color:rgb(1,1,1${spaces}x`,
    `background:#fff${spaces}x;color:#fff${spaces}y`,
    `transform:${'scale( '.repeat(length / 8)}`,
    `clip:rect(0 ${spaces}`,
    `opacity:${'0'.repeat(length)}x`,
  ];
  const body = styles
    .map((style, i) => `<p style="${style}">电话：021-6084111${i} 邮箱：s${i}@example.cn <a href="/yyzz.html">营业执照</a></p>`)
    .join('');
  return { name: `long style values ${length}`, html: page(body) };
}

/** Run-on text of every detector's keywords, about `length` characters, without a sentence end or line break. */
export function keywordRunOn(length: number): HostilePage {
  const unit = KEYWORDS.join('');
  return { name: `keyword run-on ${length}`, html: page(`<p>${unit.repeat(Math.ceil(length / unit.length)).slice(0, length)}</p>`) };
}

/** The same run-on line with each keyword in its own inline element, so a phrase spans several text nodes. */
export function keywordSpans(count: number): HostilePage {
  const spans = Array.from({ length: count }, (_, i) => `<span>${KEYWORDS[i % KEYWORDS.length]}</span>`).join('');
  return { name: `keyword run-on in ${count} spans`, html: page(`<p>${spans}</p>`) };
}

/** The keywords one per line, `lines` lines: many short matches, each with its own sentence and line. */
export function keywordLines(lines: number): HostilePage {
  const body = Array.from({ length: lines }, (_, i) => `<div>${KEYWORDS[i % KEYWORDS.length]}${i}</div>`).join('');
  return { name: `keyword lines ${lines}`, html: page(body) };
}

/** Elements nested `depth` deep, facts at the bottom, so selectors and visibility climb the whole chain. */
export function deepNesting(depth: number): HostilePage {
  const open = Array.from({ length: depth }, (_, i) => (i % 2 ? '<span>' : '<div class="n">')).join('');
  const close = Array.from({ length: depth }, (_, i) => (i % 2 ? '</span>' : '</div>')).reverse().join('');
  return { name: `nesting ${depth} deep`, html: page(`${open}${FOOTER}${close}`) };
}

/** About `nodes` nodes in a flat-ish grid of product cards with prices, counts and links. */
export function manyNodes(nodes: number): HostilePage {
  const card = (i: number) =>
    `<li><a href="/item/${i}.html">商品${i} 正品保障</a><span>¥${(i % 500) + 9}.90</span><em>月销 ${i * 7}</em></li>`;
  // A card is 4 elements and 4 text nodes.
  const cards = Math.max(1, Math.floor(nodes / 8));
  return { name: `${nodes} nodes`, html: page(`<ul>${Array.from({ length: cards }, (_, i) => card(i)).join('')}</ul>${FOOTER}`) };
}

/** One text node of `bytes` characters of ordinary prose with a few facts in it. */
export function hugeTextNode(bytes: number): HostilePage {
  const unit = '本店商品均为正品，欢迎选购。客服电话：400-615-8585。地址：北京市朝阳区建国路88号。';
  return { name: `text node ${bytes} chars`, html: page(`<p>${unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes)}</p>`) };
}

/** `count` links of every kind the link detectors look at: licence words, terms words, badges, tel:, mailto:, icons. */
export function manyLinks(count: number): HostilePage {
  const kinds = [
    (i: number) => `<a href="/item/${i}.html">商品 ${i}</a>`,
    (i: number) => `<a href="https://zzlz.gsxt.gov.cn/x?i=${i}">营业执照</a>`,
    (i: number) => `<a href="/rules/${i}">平台规则</a>`,
    (i: number) => `<a href="https://www.gsxt.gov.cn/${i}"><img src="/gongshang${i}.png"></a>`,
    (i: number) => `<a href="tel:021-6084${String(i).padStart(4, '0')}">联系客服</a>`,
    (i: number) => `<a href="mailto:s${i}@example.cn">邮件</a>`,
    (i: number) => `<a class="yyzz" href="/lic/${i}.jpg"></a>`,
    (i: number) => `<a href="http://[bad${i}">隐私政策</a>`,
    (i: number) => `<a href="${'/x'.repeat(200)}${i}">食品经营许可证</a>`,
  ];
  const body = Array.from({ length: count }, (_, i) => kinds[i % kinds.length](i)).join(' ');
  return { name: `${count} links`, html: page(`<div>${body}</div>${FOOTER}`) };
}
