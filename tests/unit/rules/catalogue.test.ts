/** Meta-tests: every rule is registered, translated, cited, documented and has fixtures. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasMessage } from '@/i18n';
import { catalog } from '@/i18n/catalog';
import { pageTypeKey, ruleCatalogue } from '@/rules';
import { rules } from '@/rules/catalogue';
import { messageKeyBase } from '@/rules/rule';
import { PAGE_TYPES } from '@/rules/types';
import { ruleTable, TABLE_END, TABLE_START } from '../../../cli/rules-table';
import { expectedStatus, fixtureRuleIds, ruleFixtures } from '../../support/rule-fixtures';

const CATALOGUE_DIR = 'rules/catalogue';
const ruleFiles = readdirSync(CATALOGUE_DIR)
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.replace(/\.ts$/, ''));

/** `G2 art. 8(2)`, `G2 art. 8 last para.`, `G1 art. 14 para. 2`, `E-Commerce Law art. 33`, `PIPL art. 17`. */
const BASIS = /^(G[123] art\. \d+(\(\d+\))?( para\. \d+| last para\.)?|E-Commerce Law art\. \d+|PIPL art\. \d+)$/;

describe('rule catalogue', () => {
  it('registers every rule file, under its file name', () => {
    expect(rules.map((rule) => rule.id).sort()).toEqual([...ruleFiles].sort());
  });

  it('names rules in kebab-case, once each', () => {
    for (const rule of rules) expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
  });

  it('cites well-formed articles', () => {
    for (const rule of rules) {
      expect(rule.basis.length, rule.id).toBeGreaterThan(0);
      for (const basis of rule.basis) expect(basis, rule.id).toMatch(BASIS);
    }
  });

  it('applies each rule to known page types, never to "other" (except the page-type judgement itself)', () => {
    for (const rule of rules) {
      expect(rule.pageTypes.length, rule.id).toBeGreaterThan(0);
      for (const type of rule.pageTypes) expect(PAGE_TYPES).toContain(type);
      if (rule.id === 'page-type') expect(rule.pageTypes).toEqual(PAGE_TYPES);
      else expect(rule.pageTypes, rule.id).not.toContain('other');
    }
  });

  it('has title, failure title and explanation in both languages', () => {
    for (const rule of ruleCatalogue) {
      for (const key of [rule.titleKey, rule.helpKey]) {
        expect(catalog[key]?.zh_CN, key).toBeTruthy();
        expect(catalog[key]?.en, key).toBeTruthy();
      }
    }
  });

  it('has a message for every outcome key a rule file names', () => {
    for (const id of ruleFiles) {
      const source = readFileSync(`${CATALOGUE_DIR}/${id}.ts`, 'utf8');
      const suffixes = [...source.matchAll(/\('(?:pass|fail|review|na)',\s*'(\w+)'/g)].map((m) => m[1]);
      expect(suffixes.length + Number(source.includes('judgeClauses(')), id).toBeGreaterThan(0);
      const shared = source.includes('judgeClauses(') ? ['pass', 'fail_clause', 'review_clause', 'fail_clauses', 'review_clauses'] : [];
      for (const suffix of [...suffixes, ...shared]) {
        expect(hasMessage(`${messageKeyBase(id)}_${suffix}`), `${messageKeyBase(id)}_${suffix}`).toBe(true);
      }
    }
  });

  it('names every page type, status, verdict and level in both languages', () => {
    const keys = [
      ...PAGE_TYPES.map(pageTypeKey),
      ...['pass', 'fail', 'review', 'na', 'error'].map((status) => `status_${status}`),
      ...['pass', 'fail', 'review', 'na'].map((verdict) => `verdict_${verdict}`),
      'level_mandatory',
      'level_encouraged',
      'rule_not_applicable',
      'rule_error',
    ];
    for (const key of keys) expect(hasMessage(key), key).toBe(true);
  });

  it('has a pass and a fail fixture for every rule (pass and na where failing is impossible)', () => {
    expect(fixtureRuleIds()).toEqual([...ruleFiles].sort());
    for (const id of ruleFiles) {
      const statuses = new Set(
        ruleFixtures(id).flatMap((fixture) => [expectedStatus(fixture.expected, 'static'), expectedStatus(fixture.expected, 'browser')]),
      );
      expect(statuses.has('pass'), `${id} pass fixture`).toBe(true);
      expect(statuses.has('fail') || statuses.has('na'), `${id} fail or na fixture`).toBe(true);
    }
  });

  it('is documented in the README rule table, which is current', () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.slice(readme.indexOf(TABLE_START) + TABLE_START.length, readme.indexOf(TABLE_END)).trim();
    expect(table, 'run: node --import tsx cli/rules-table.ts --write').toBe(ruleTable());
    for (const rule of rules) expect(table).toContain(`\`${rule.id}\``);
  });
});
