/** The classifier against the labelled real pages (tests/fixtures/corpus, copied from the shared corpus). */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { classifyPage } from '@/rules';
import { gatherFacts } from '@/rules/gather';
import { pathToFileURL } from 'node:url';

const CORPUS = resolve('tests/fixtures/corpus');
const LABELS = join(CORPUS, 'labels.json');

/**
 * Judgement calls where the engine answers differently from the label, and why:
 * - 09: the saved page is the script-only shell of pinduoduo.com; nothing in its static HTML says what it is.
 */
const KNOWN_DIFFERENCES: Record<string, string> = {
  '09-pinduoduo-home-2018-raw.html': 'other',
};

interface Label {
  file: string;
  pageType: string;
}

describe.skipIf(!existsSync(LABELS))('page type of the labelled corpus', () => {
  const labels = existsSync(LABELS) ? (JSON.parse(readFileSync(LABELS, 'utf8')) as Label[]) : [];
  it('has labelled pages', () => {
    expect(labels.length).toBeGreaterThan(0);
  });

  for (const label of labels) {
    const name = label.file.split('/').pop()!;
    it(`${name} is ${KNOWN_DIFFERENCES[name] ?? label.pageType}`, () => {
      const file = join(CORPUS, label.file);
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      const facts = gatherFacts(document as unknown as Document, { url: pathToFileURL(file).href, mode: 'static' });
      expect(classifyPage(facts)).toBe(KNOWN_DIFFERENCES[name] ?? label.pageType);
    });
  }
});
