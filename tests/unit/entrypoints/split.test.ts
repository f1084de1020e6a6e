import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { createRouter } from '@/entrypoints/background/router';
import { createPageAuditor } from '@/entrypoints/content/auditor';
import { answer, type Message } from '@/messaging/protocol';
import { auditDocumentAsync } from '@/rules';
import { LiangzhaoDatabase } from '@/storage/db';
import { corpusFileName, corpusFileUrl, corpusHtml, corpusLabels } from '../../support/corpus';

/** The labelled corpus, and terms pages (an agreement, privacy policies) whose text the content script reads too. */
const TERMS_PAGES = ['terms/agreement-v1.html', 'privacy/full.html', 'privacy/real/33-jd-privacy-policy-2018.html'];
const PAGES = [
  ...corpusLabels.map((label) => ({ name: corpusFileName(label), url: corpusFileUrl(label), html: corpusHtml(label) })),
  ...TERMS_PAGES.map((file) => {
    const path = `tests/fixtures/${file}`;
    return { name: file, url: pathToFileURL(path).href, html: readFileSync(path, 'utf8') };
  }),
];

/** A page as the content script sees it: its document, at its address. */
function pageAt(html: string, url: string): Document {
  const doc = parseHTML(html).document as unknown as Document;
  Object.defineProperty(doc, 'location', { value: { href: url } });
  return doc;
}

/** Both ways through the extension's messaging, which carries JSON: nothing that does not survive it arrives. */
const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('an audit split between the content script (collects) and the background (judges)', () => {
  it.each(PAGES)('equals the engine’s own audit of the page: $name', async ({ url, html }) => {
    const db = new LiangzhaoDatabase(`split-${Math.random()}`);
    const route = answer(createRouter(db));
    const auditor = createPageAuditor(pageAt(html, url), async (message: Message) =>
      overTheWire(await route(overTheWire(message), { tab: { id: 1 } as never, frameId: 0 })),
    );
    const state = await auditor.run();
    const expected = await auditDocumentAsync(pageAt(html, url), { url, mode: 'browser', now: new Date(state.result!.auditedAt) });
    expect(state.result).toEqual(expected);
    // What the background stored is that audit too.
    const [row] = await db.audits.toArray();
    expect(row.result).toEqual(expected);
    db.close();
    await Dexie.delete(db.name);
  });

  it('reads the terms text of the terms pages', async () => {
    const { url, html } = PAGES.find((page) => page.name === 'terms/agreement-v1.html')!;
    const state = await createPageAuditor(pageAt(html, url), async (message: Message) =>
      overTheWire(await answer(createRouter(new LiangzhaoDatabase(`split-terms-${Math.random()}`)))(overTheWire(message), {})),
    ).run();
    expect(state.result?.pageType).toBe('terms');
    expect(state.result?.facts.termsDocument?.clauses.length).toBeGreaterThan(1);
  });
});
