/** The classifier against the labelled real pages (tests/fixtures/corpus, copied from the shared corpus). */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { classifyPage } from '@/rules';
import { gatherFacts } from '@/rules/gather';
import { corpusFileName, corpusFileUrl, corpusHtml, corpusLabels } from '../../support/corpus';

/**
 * Judgement calls where the engine answers differently from the label, and why:
 * - 09: the saved page is the script-only shell of pinduoduo.com; nothing in its static HTML says what it is.
 */
const KNOWN_DIFFERENCES: Record<string, string> = {
  '09-pinduoduo-home-2018-raw.html': 'other',
};

describe('page type of the labelled corpus', () => {
  it('has labelled pages', () => {
    expect(corpusLabels.length).toBeGreaterThan(0);
  });

  for (const label of corpusLabels) {
    const name = corpusFileName(label);
    it(`${name} is ${KNOWN_DIFFERENCES[name] ?? label.pageType}`, () => {
      const { document } = parseHTML(corpusHtml(label));
      const facts = gatherFacts(document as unknown as Document, { url: corpusFileUrl(label), mode: 'static' });
      expect(classifyPage(facts)).toBe(KNOWN_DIFFERENCES[name] ?? label.pageType);
    });
  }
});
