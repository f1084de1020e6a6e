/** The terms-version fixtures (tests/fixtures/terms): one agreement, an unchanged re-visit and three changed versions. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractTermsDocument } from '@/rules/terms/extract';
import type { TermsDocument } from '@/rules/terms/types';

export const TERMS_FIXTURE_DIR = resolve('tests/fixtures/terms');
export const TERMS_URL = 'https://www.example.cn/agreement';

export type TermsFixture = 'agreement-v1' | 'agreement-v1-revisit' | 'agreement-v2-pass' | 'agreement-v2-fail' | 'agreement-v2-review';

export function termsHtml(name: TermsFixture): string {
  return readFileSync(resolve(TERMS_FIXTURE_DIR, `${name}.html`), 'utf8');
}

/** linkedom makes no body for a fragment, so a test's `<body>…` snippet gets its document around it. */
export function termsDocument(html: string, url = TERMS_URL): TermsDocument {
  const page = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head>${html}</html>`;
  return extractTermsDocument(parseHTML(page).document as unknown as Document, url);
}
