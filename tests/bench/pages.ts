/** The pages the bench measures: every saved page of the repository's corpus fixtures, and generated pages. */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The tests' copy of the labelled real corpus: a clone alone has it, so the bench measures the same pages anywhere. */
export const CORPUS_PAGES = resolve('tests/fixtures/corpus/pages');

/** Every saved page of the corpus fixtures, by file name. */
export function corpusPages(): string[] {
  if (!existsSync(CORPUS_PAGES)) return [];
  return readdirSync(CORPUS_PAGES)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => join(CORPUS_PAGES, file));
}

const FOOTER = `<footer id="footer">
  <p><a href="/help/agreement.html">用户协议</a> <a href="/rules.html">平台规则</a> <a href="/privacy.html">隐私政策</a>
     <a href="/baozhang.html">消费者保障</a> <a href="/complaint.html">投诉与建议</a></p>
  <p>地址：上海市闵行区合川路2679号 邮编：201103 电话：021-60841111 邮箱：service@example.cn</p>
  <p><a href="https://zzlz.gsxt.gov.cn/businessCheck/verifKey.do?serial=91330100716105852F">营业执照</a>
     统一社会信用代码：91330100716105852F
     <a href="https://beian.miit.gov.cn/">沪ICP备2025012345号-1</a>
     <a href="https://beian.mps.gov.cn/#/query/webSearch?code=31011202000001">沪公网安备 31011202000001号</a></p>
</footer>`;

/** One product card: 12 elements. */
function card(index: number): string {
  return `<li class="item"><a href="/item/${100000 + index}.html"><img src="/img/${index}.jpg" alt="商品 ${index}"></a>` +
    `<div class="info"><p class="name"><a href="/item/${100000 + index}.html">示例商品 ${index} 正品保障 全国包邮</a></p>` +
    `<p class="price"><em>¥</em><span>${(index % 500) + 9}.90</span></p>` +
    `<p class="meta"><span>月销 ${index * 7}</span><span>评价 ${index * 3}</span><b>自营</b></p></div></li>`;
}
const CARD_ELEMENTS = 12;
/** A nested section as deep as `depth`, so the walker meets deep trees as well as wide ones. */
function nested(depth: number): string {
  return `${'<div class="n">'.repeat(depth)}深层文本${'</div>'.repeat(depth)}`;
}

/** A marketplace home page of about `elements` elements: header, product grid, a deep section and the footer. */
export function generatedPageHtml(elements: number): string {
  const depth = 400;
  const cards = Math.max(1, Math.floor((elements - depth - 60) / CARD_ELEMENTS));
  const grid = Array.from({ length: cards }, (_, index) => card(index)).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>示例商城 - 首页</title>
<style>.item{display:inline-block;width:200px;margin:4px}.n{margin-left:0}</style></head><body>
<header><a href="/">示例商城</a> <a href="/cart">购物车</a> <a href="/order">我的订单</a> <a href="/login">请登录</a></header>
<main><ul class="grid">${grid}</ul><section>${nested(depth)}</section></main>
${FOOTER}</body></html>`;
}

/** A long user agreement: `clauses` numbered articles of a few sentences each, with its dates. */
export function generatedTermsHtml(clauses: number): string {
  const articles = Array.from(
    { length: clauses },
    (_, i) =>
      `<h3>第${i + 1}条 示例条款${i + 1}</h3><p>用户在使用本平台服务时应遵守本协议第${i + 1}条的约定。平台将依法保护用户的合法权益，` +
      `并在修改本协议前七日公示。</p><p>如有争议，双方应友好协商解决；协商不成的，可向平台所在地人民法院起诉。</p>`,
  ).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>示例商城用户服务协议</title></head><body>
<header><a href="/">示例商城</a></header>
<main><article><h1>示例商城用户服务协议</h1><p>发布日期：2026年11月1日</p><p>生效日期：2026年11月8日</p>${articles}</article></main>
${FOOTER}</body></html>`;
}

function writeBenchPage(name: string, html: string): string {
  const dir = resolve('.tmp/bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, html);
  return file;
}

/** Writes the generated page under .tmp/ and returns its path. */
export function writeGeneratedPage(elements: number): string {
  return writeBenchPage(`generated-${elements}.html`, generatedPageHtml(elements));
}

/** Writes the generated agreement under .tmp/: the audit also extracts its clauses, dates and digest. */
export function writeGeneratedTermsPage(clauses: number): string {
  return writeBenchPage(`generated-terms-${clauses}.html`, generatedTermsHtml(clauses));
}
