import { termsHtml, TERMS_URL, type TermsFixture } from '../../support/terms';
import { DOMParser } from 'linkedom';
import { render } from 'preact';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { catalog } from '@/i18n/catalog';
import { LOCALES } from '@/i18n';
import { badgeTooltip, citationLegend, consumerVerdict, resultMessage } from '@/i18n/text';
import { auditDocument, evaluate, ruleCatalogue } from '@/rules';
import { rules } from '@/rules/catalogue';
import { messageKeyBase } from '@/rules/rule';
import { PAGE_TYPES, type AuditResult, type Locale, type RuleResult } from '@/rules/types';
import { formatAudit } from '@/cli/format';
import { auditsToCsv } from '@/evidence/export/csv';
import { renderReport } from '@/evidence/export/report';
import { buildBundle } from '../evidence/helpers';
import { Checklist } from '@/components/Checklist';
import { FIXTURE_NOW, FIXTURE_URL, fixtureRuleIds, ruleFixtures } from '../../support/rule-fixtures';
import { auditResult } from '../../support/audit';

/**
 * The meta-test of the text layer: every outcome key of every rule, with the params its rule produces on the rule
 * fixtures, rendered in both locales through every output (checklist, badge, shopper's verdict, CLI table, CSV,
 * HTML report, bundle), leaves no message key of the catalogue and no `{param}` in what a person reads.
 */

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

/** Keys that name an outcome (not a title or the plain explanation). */
function outcomeKeys(ruleId: string): string[] {
  const base = `${messageKeyBase(ruleId)}_`;
  return Object.keys(catalog).filter((key) => key.startsWith(base) && !/_(title|help|failure)$/.test(key));
}

/** Every result the rules give on their fixtures, audited as the fixture's page type and as every other. */
function producedResults(): RuleResult[] {
  const results: RuleResult[] = [];
  for (const id of fixtureRuleIds()) {
    for (const fixture of ruleFixtures(id)) {
      const doc = parse(fixture.html);
      const audit = auditDocument(doc, { url: FIXTURE_URL, mode: 'static', pageType: fixture.expected.pageType, now: FIXTURE_NOW });
      results.push(...audit.results);
      for (const pageType of PAGE_TYPES) {
        results.push(...evaluate(audit.facts, { url: FIXTURE_URL, title: '', mode: 'browser', auditedAt: audit.auditedAt, pageType }).results);
      }
    }
  }
  // The notice rule's change outcomes need the version seen before (the extension's history), seen late or in time.
  const termsAudit = (name: TermsFixture) => auditDocument(parse(termsHtml(name)), { url: TERMS_URL, mode: 'static' });
  const previousTerms = termsAudit('agreement-v1').facts.termsDocument;
  for (const name of ['agreement-v2-pass', 'agreement-v2-fail', 'agreement-v2-review'] as const) {
    const current = termsAudit(name);
    for (const termsFirstSeen of [undefined, '2026-12-30T10:00:00+08:00']) {
      const meta = { url: TERMS_URL, title: current.title, mode: 'static' as const, auditedAt: current.auditedAt, previousTerms, termsFirstSeen };
      results.push(...evaluate(current.facts, meta).results);
    }
  }
  // A first version that takes effect on publication.
  const onPublication = parse(
    '<html><head><title>用户服务协议</title></head><body><h1>用户服务协议</h1><p>发布日期：2026年11月1日</p>' +
      '<p>本协议自发布之日起生效。</p><h2>第一条 总则</h2><p>本协议是您与本平台之间关于使用本平台服务所订立的协议。</p>' +
      '<h2>第二条 账户</h2><p>您应当妥善保管账户与密码，对账户下的行为负责。</p></body></html>',
  );
  results.push(...auditDocument(onPublication, { url: TERMS_URL, mode: 'static', pageType: 'terms' }).results);
  // More unfair clauses than the evidence limit: the result counts the ones it does not list.
  const clauses = Array.from({ length: 25 }, (_, i) => `<p>第${i + 1}条 特价商品${i + 1}一经售出概不退换。</p>`).join('');
  const manyClauses = parse(`<html><head><title>用户服务协议</title></head><body><h1>用户服务协议</h1>${clauses}</body></html>`);
  results.push(...auditDocument(manyClauses, { url: TERMS_URL, mode: 'static', pageType: 'terms' }).results);
  const throwing = { ...rules[0], id: rules[0].id, evaluate: () => { throw new Error('boom'); } };
  results.push(...evaluate(auditResult().facts, { url: FIXTURE_URL, title: '', mode: 'static', auditedAt: '2026-11-28T20:00:00+08:00', pageType: 'platform-home' }, [throwing]).results);
  return results;
}

/**
 * Outcomes no fixture reaches (hidden-only links need a browser, some reviews a rare page) are built from the
 * rule's own results: the same rule, with each `{param}` the template names taken from a value the rules produced
 * for a param of that name. `unfilled` lists any param no rule ever produced.
 */
function completedResults(results: RuleResult[]): { results: RuleResult[]; unfilled: string[] } {
  const seen = new Set(results.map((r) => r.messageKey));
  const values = new Map<string, string | number>();
  for (const r of results) for (const [name, value] of Object.entries(r.messageParams ?? {})) values.set(name, value);
  const built: RuleResult[] = [];
  const unfilled: string[] = [];
  for (const rule of ruleCatalogue) {
    const sample = results.find((r) => r.ruleId === rule.id && r.status !== 'na');
    for (const key of outcomeKeys(rule.id).filter((k) => !seen.has(k))) {
      const params: Record<string, string | number> = {};
      for (const [, name] of catalog[key].en.matchAll(/\{(\w+)\}/g)) {
        if (values.has(name)) params[name] = values.get(name)!;
        else unfilled.push(`${key}:${name}`);
      }
      const status = /_(pass)(_|$)/.test(key) ? 'pass' : /_review(_|$)/.test(key) ? 'review' : 'fail';
      built.push({ ...(sample ?? results[0]), ruleId: rule.id, group: rule.group, level: rule.level, basis: [...rule.basis], status, messageKey: key, messageParams: params });
    }
  }
  return { results: [...results, ...built], unfilled };
}

const completed = completedResults(producedResults());
const produced = completed.results;
const keysOfCatalogue = new Set(Object.keys(catalog));

/** A catalogue key or an unfilled `{param}` in text a person reads. */
function leftovers(text: string): string[] {
  const tokens = text.match(/[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[a-z]+[A-Z][A-Za-z]+/g) ?? [];
  return [...tokens.filter((token) => keysOfCatalogue.has(token)), ...(text.match(/\{\w+\}/g) ?? [])];
}

function auditOf(results: RuleResult[], locale: Locale): AuditResult {
  return auditResult({ results, locale, verdict: 'fail', grade: 'C', score: 60, pageType: 'shop' });
}

describe('the text layer renders every outcome', () => {
  it('covers every outcome key of every rule with params the rules produce', () => {
    const seen = new Set(produced.map((r) => r.messageKey));
    const missing = ruleCatalogue.flatMap((rule) => outcomeKeys(rule.id)).filter((key) => !seen.has(key));
    expect(missing).toEqual([]);
    expect(completed.unfilled, 'params no rule produces').toEqual([]);
    expect(seen.has('rule_not_applicable') && seen.has('rule_error')).toBe(true);
  });

  it.each(LOCALES)('leaves no key and no {param} in any result message, in %s', (locale) => {
    for (const result of produced) {
      const text = resultMessage(result, locale);
      expect(leftovers(text), `${result.messageKey} ${JSON.stringify(result.messageParams)}: ${text}`).toEqual([]);
    }
  });

  it.each(LOCALES)('leaves none in the checklist, badge, shopper verdict, CLI table, CSV, report and bundle, in %s', async (locale) => {
    const byRule = new Map<string, RuleResult[]>();
    for (const result of produced) byRule.set(result.ruleId, [...(byRule.get(result.ruleId) ?? []), result]);
    // One audit per distinct outcome, so no result hides another of the same rule.
    const distinct = new Map<string, RuleResult>();
    for (const result of produced) distinct.set(`${result.ruleId}|${result.messageKey}|${JSON.stringify(result.messageParams)}`, result);
    const audits: AuditResult[] = [];
    let batch: RuleResult[] = [];
    const taken = new Set<string>();
    for (const result of distinct.values()) {
      if (taken.has(result.ruleId)) {
        audits.push(auditOf(batch, locale));
        batch = [];
        taken.clear();
      }
      batch.push(result);
      taken.add(result.ruleId);
    }
    audits.push(auditOf(batch, locale));
    expect(audits.length).toBeGreaterThan(3);

    const outputs: Array<[string, string]> = [];
    const { document } = (await import('linkedom')).parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    const globals = globalThis as unknown as { document?: Document };
    const previous = globals.document;
    globals.document = document as unknown as Document;
    try {
      for (const [i, audit] of audits.entries()) {
        const root = document.getElementById('root') as unknown as HTMLElement;
        render(<Checklist results={audit.results} locale={locale} highlights={{}} onShow={() => undefined} />, root);
        outputs.push([`checklist ${i}`, root.textContent ?? '']);
        render(null, root);
        outputs.push([`badge ${i}`, badgeTooltip(audit, locale)]);
        outputs.push([`verdict ${i}`, consumerVerdict(audit, locale)]);
        outputs.push([`cli ${i}`, formatAudit(audit, locale)]);
        const report = parse(renderReport({ audit, locale, generatedAt: '2026-11-28T21:00:00.000+08:00' }));
        outputs.push([`report ${i}`, report.body.textContent ?? '']);
        outputs.push([`legend ${i}`, citationLegend(audit.results.flatMap((r) => r.basis), locale).join('\n')]);
      }
    } finally {
      globals.document = previous;
    }
    outputs.push(['csv', await (await auditsToCsv(audits, locale)).text()]);
    const bundle = unzipSync(
      await buildBundle(audits.slice(0, 2).map((audit) => ({ audit, capture: null })), { locale, exportedAt: '2026-11-28T21:00:00.000+08:00', extensionVersion: '0.1.0' }),
    );
    for (const [path, bytes] of Object.entries(bundle)) {
      if (path.endsWith('report.html')) outputs.push([`bundle ${path}`, parse(strFromU8(bytes)).body.textContent ?? '']);
    }

    for (const [where, text] of outputs) expect(leftovers(text), `${where}: ${text.slice(0, 400)}`).toEqual([]);
    // Every rule is named in the report and cited in full in Chinese.
    const reports = outputs.filter(([where]) => where.startsWith('report')).map(([, text]) => text).join('\n');
    if (locale === 'zh_CN') {
      expect(reports).not.toMatch(/\bG[12] art\./);
      expect(reports).toContain('《网络交易平台合同格式条款规范指引》第八条第（二）项');
      expect(reports).toContain('国家工商行政管理总局');
    } else {
      expect(reports).toContain('G2 art. 8(2)');
      expect(reports).toContain('G2: Guidelines on standard contract terms of online trading platforms');
    }
  });
});
