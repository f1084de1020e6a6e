/** Every rule fixture audited in Chromium (mode 'browser'), where computed style and layout decide visibility. */
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ENGINE_GLOBAL, engineBundle } from '../../cli/engine-bundle';
import { launchChromium, type ChromiumSession } from '../../cli/browser';
import type { AuditResult } from '../../rules/types';
import {
  expectedStatus,
  FIXTURE_NOW,
  FIXTURE_URL,
  fixtureRuleIds,
  ruleFixtures,
  type RuleFixture,
} from '../support/rule-fixtures';

let session: ChromiumSession;
let page: Page;
let bundle: string;

beforeAll(async () => {
  bundle = await engineBundle();
  session = await launchChromium();
  page = await session.browser.newPage();
});

afterAll(async () => {
  await session?.close();
});

async function auditFixture(fixture: RuleFixture): Promise<AuditResult> {
  await page.goto(pathToFileURL(fixture.file).href, { waitUntil: 'load' });
  await page.evaluate(bundle);
  const options = JSON.stringify({ url: FIXTURE_URL, mode: 'browser', pageType: fixture.expected.pageType });
  const now = JSON.stringify(FIXTURE_NOW.toISOString());
  return (await page.evaluate(
    `globalThis.${ENGINE_GLOBAL}.auditDocumentAsync(document, { ...${options}, now: new Date(${now}) })`,
  )) as AuditResult;
}

describe('rule fixtures (browser, Chromium)', () => {
  for (const ruleId of fixtureRuleIds()) {
    describe(ruleId, () => {
      for (const fixture of ruleFixtures(ruleId)) {
        it(fixture.name, async () => {
          const audit = await auditFixture(fixture);
          const result = audit.results.find((r) => r.ruleId === ruleId);
          expect(result?.status, `${result?.messageKey}: ${JSON.stringify(result?.messageParams)}`).toBe(expectedStatus(fixture.expected, 'browser'));
        });
      }
    });
  }
});
