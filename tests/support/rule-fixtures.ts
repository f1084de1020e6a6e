/**
 * The rule fixtures in the axe-core manner: tests/fixtures/rules/<rule-id>/<case>.html with <case>.expected.json
 * beside it. `status` is one status for both modes, or `{ static, browser }` where a static parse cannot know
 * what a browser sees (visibility). `pageType` is the page type to audit as, so a fixture tests its rule and not
 * the classifier. `messageKey` and `evidence` (the cited texts, in order), when given, pin what the result says and
 * cites.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AuditMode, PageType, RuleStatus } from '@/rules/types';

export const RULE_FIXTURE_ROOT = resolve('tests/fixtures/rules');

/** The URL fixtures are audited at: relative links resolve to the same made-up site. */
export const FIXTURE_URL = 'https://www.example.cn/';

/** Audits of fixtures use one clock, so date rules (closing notice) do not drift. */
export const FIXTURE_NOW = new Date('2026-11-28T12:00:00Z');

export interface RuleFixtureExpectation {
  status: RuleStatus | Record<AuditMode, RuleStatus>;
  pageType?: PageType;
  messageKey?: string;
  evidence?: string[];
  note?: string;
}

export interface RuleFixture {
  ruleId: string;
  name: string;
  file: string;
  html: string;
  expected: RuleFixtureExpectation;
}

export function expectedStatus(expected: RuleFixtureExpectation, mode: AuditMode): RuleStatus {
  return typeof expected.status === 'string' ? expected.status : expected.status[mode];
}

export function fixtureRuleIds(): string[] {
  if (!existsSync(RULE_FIXTURE_ROOT)) return [];
  return readdirSync(RULE_FIXTURE_ROOT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function ruleFixtures(ruleId: string): RuleFixture[] {
  const dir = join(RULE_FIXTURE_ROOT, ruleId);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.html$/, '');
      return {
        ruleId,
        name,
        file: join(dir, file),
        html: readFileSync(join(dir, file), 'utf8'),
        expected: JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as RuleFixtureExpectation,
      };
    });
}
