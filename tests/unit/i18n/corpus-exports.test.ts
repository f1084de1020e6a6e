import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '@/i18n/catalog';
import { LOCALES } from '@/i18n';
import { citation, citations, instrumentInFull, instrumentsCited, ruleTitle } from '@/i18n/text';
import { csvCell } from '@/evidence/export/csv';
import type { AuditResult, Locale } from '@/rules/types';
import { auditInputs, renderAudits, type CliOptions } from '@/cli/audit';
import { makeExport } from '@/evidence/export/files';
import { LABELLED_SETS } from '../../support/corpus';

/**
 * Every page of the shared corpus (the copies in tests/fixtures/corpus and tests/fixtures/corpus-pagetype), audited
 * as the command-line auditor audits a saved file, exported as the HTML report and the CSV through the CLI and
 * through the extension's export, in both languages: no message key of the catalogue and no `{param}` is left, every
 * rule is named, and every article is cited in full (in Chinese by its instrument's name and article; in English by
 * the short form, with each instrument in full in the legend).
 */

const CORPORA = LABELLED_SETS.filter((set) => set.name === 'real' || set.name === 'pagetype');
const inputs = CORPORA.flatMap((set) => set.labels.map((label) => join(set.dir, label.file)));
const keysOfCatalogue = new Set(Object.keys(catalog));
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

/** Catalogue keys (`page_type_platform_home`, `contact_item_email`, `evidenceReport_title`) and `{param}`s in `text`. */
function leftovers(text: string): string[] {
  const tokens = text.match(/[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[a-z]+[A-Z][A-Za-z]+/g) ?? [];
  return [...new Set([...tokens.filter((token) => keysOfCatalogue.has(token)), ...(text.match(/\{\w+\}/g) ?? [])])];
}

/** What a finding cites: results that do not apply are listed by name only. */
const cited = (audit: AuditResult) => audit.results.filter((r) => r.status !== 'na').flatMap((r) => r.basis);
const SHORT_FORM = /\b(?:G[123]|E-Commerce Law|PIPL) art\. \d/;

describe('exports of the shared corpus', () => {
  let audits: AuditResult[];
  beforeAll(async () => {
    const options: CliOptions = { format: 'html', out: null, browser: false, locale: 'zh_CN', inputs, quietMs: 0, compare: false };
    const { audits: audited, failures } = await auditInputs(options);
    expect(failures).toEqual([]);
    audits = audited;
  });

  it('audits every page of both corpora', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(70);
    expect(audits).toHaveLength(inputs.length);
  });

  describe.each(LOCALES)('in %s', (locale: Locale) => {
    /** The report of every audit (one `<main>` each, in order) and the CSV, from the CLI and from the extension. */
    async function documents() {
      const options = { inputs, locale };
      const cliHtml = (await renderAudits(audits, { ...options, format: 'html' })) as string;
      const cliCsv = new TextDecoder().decode((await renderAudits(audits, { ...options, format: 'csv' })) as Uint8Array);
      const exportOptions = { locale, exportedAt: '2026-12-02T10:00:00.000+08:00', extensionVersion: '0.1.0' };
      const entries = audits.map((audit) => ({ audit, capture: null }));
      const extensionHtml = await (await makeExport('html', entries, exportOptions)).blob.text();
      const extensionCsv = await (await makeExport('csv', entries, exportOptions)).blob.text();
      return { reports: { cli: cliHtml, extension: extensionHtml }, csvs: { cli: cliCsv, extension: extensionCsv } };
    }

    it('leaves no message key and no {param} in the HTML report or the CSV', async () => {
      const { reports, csvs } = await documents();
      for (const [path, html] of Object.entries(reports)) expect(leftovers(parse(html).body.textContent ?? ''), `${path} report`).toEqual([]);
      for (const [path, csv] of Object.entries(csvs)) expect(leftovers(csv), `${path} CSV`).toEqual([]);
    });

    it('names every rule of every audit and cites every article in full, in the report', async () => {
      const { reports } = await documents();
      for (const [path, html] of Object.entries(reports)) {
        const bodies = [...parse(html).querySelectorAll('main')];
        expect(bodies, path).toHaveLength(audits.length);
        for (const [i, audit] of audits.entries()) {
          const text = bodies[i].textContent ?? '';
          const where = `${path} report of ${inputs[i]}`;
          for (const result of audit.results) expect(text, `${where}: ${result.ruleId}`).toContain(ruleTitle(result.ruleId, locale));
          for (const basis of cited(audit)) expect(text, `${where}: ${basis}`).toContain(citation(basis, locale));
          // Each instrument once in full, with its issuer and year, in the legal basis section.
          const legend = bodies[i].querySelector('section.basis')?.textContent ?? '';
          for (const instrument of instrumentsCited(cited(audit))) expect(legend, `${where}: ${instrument}`).toContain(instrumentInFull(instrument, locale));
          if (locale === 'zh_CN') expect(text, where).not.toMatch(SHORT_FORM);
        }
      }
    });

    it('names every rule and cites every article in the CSV', async () => {
      const { csvs } = await documents();
      for (const [path, csv] of Object.entries(csvs)) {
        if (locale === 'zh_CN') expect(csv, path).not.toMatch(SHORT_FORM);
        for (const [i, audit] of audits.entries()) {
          // Whole cells, as the CSV quotes them: the rule's name, and its citations side by side.
          for (const result of audit.results) {
            const where = `${path} CSV of ${inputs[i]}: ${result.ruleId}`;
            expect(csv, where).toContain(`,${csvCell(ruleTitle(result.ruleId, locale))},`);
            expect(csv, where).toContain(`,${csvCell(citations(result.basis, locale))},`);
          }
        }
      }
    });
  });
});
