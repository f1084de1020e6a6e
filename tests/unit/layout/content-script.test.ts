import { describe, expect, it } from 'vitest';
import { bundleContentScript } from '../../support/content-script-bundle';

/**
 * The content script runs on every page a person opens, so only what the page side needs may be bundled into it:
 * the engine's collecting half (rules/page.ts: gather, detect, read a terms text), the page-side answers
 * and the messaging. The judging half runs in the background. Bundled the way it ships, minus WXT's own runtime,
 * every source file in it is listed and checked against the rooms it must never reach.
 */
const FORBIDDEN: Array<[RegExp, string]> = [
  [/^rules\/(catalogue\/|engine\.ts$|page-type(-model)?\.ts$|audit\.ts$|rule\.ts$|scoring\.ts$|checklist\.ts$|page-check\.ts$|index\.ts$)/, 'the judging half of the engine (rules, scoring, page type): the background judges what the page collects'],
  [/^rules\/terms\/(compare|privacy|report)/, 'the terms judgements: the background compares versions and reads policies'],
  [/^i18n\//, 'the message catalogues and the text layer: words are the popup and dashboard’s business'],
  [/_locales\//, 'the extension’s message files'],
  [/^storage\/(?!settings-mirror\.ts$)/, 'Dexie and the stored shapes: the background stores (the settings’ copy in storage.local alone is read)'],
  [/^evidence\//, 'capture, sealing and export run in the background and the extension pages'],
  [/^entrypoints\/(?!content\/)/, 'another entrypoint'],
  [/^components\/(?!verdict-colours\.ts$)/, 'UI components (the verdict colours alone are shared, for the highlight)'],
  [/node_modules\/(preact|@preact|dexie|fflate|linkedom)\//, 'a UI, storage, archive or Node-only library'],
];

async function contentScriptInputs(): Promise<string[]> {
  return Object.keys((await bundleContentScript({ minify: false })).inputs);
}

describe('content script', () => {
  it('bundles the collecting half of the engine and page-side code only: no rules, scoring, storage, evidence, UI or other entrypoint', async () => {
    const inputs = await contentScriptInputs();
    expect(inputs).toContain('rules/page.ts');
    const offending = inputs.flatMap((input) =>
      FORBIDDEN.filter(([pattern]) => pattern.test(input)).map(([, why]) => `${input}: ${why}`),
    );
    expect(offending).toEqual([]);
  });
});
