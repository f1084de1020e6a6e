import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesOf, captureFromAction, readStore } from './evidence-helpers';
import { browseFixtures, storedAudits, tabIdOf, waitFor, type FixtureBrowsing } from './harness';

/**
 * A capture records the page, not the extension: with a finding outlined and labelled on the page ("在页面上显示"),
 * the screenshot and the MHTML hold no trace of the outline, and the outline comes back after.
 */

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The newest capture's artefact of `kind`, as bytes. */
async function newestArtefact(browsing: FixtureBrowsing, kind: string): Promise<Buffer> {
  const blobs = await readStore(browsing.session, 'blobs');
  const rows = blobs.filter((row) => row.kind === kind).sort((a, b) => Number(a.id) - Number(b.id));
  return bytesOf(rows.at(-1)!.data);
}

/** The RGBA pixels of a PNG inside `box` (CSS pixels, scaled to the image), decoded in the service worker. */
async function pixelsIn(browsing: FixtureBrowsing, png: Buffer, box: Box, viewportWidth: number): Promise<number[]> {
  return browsing.session.worker.evaluate(
    async (base64: string, b: Box, width: number) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const scale = bitmap.width / width;
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const x = Math.max(0, Math.floor(b.left * scale));
      const y = Math.max(0, Math.floor(b.top * scale));
      const w = Math.min(bitmap.width - x, Math.ceil((b.right - b.left) * scale));
      const h = Math.min(bitmap.height - y, Math.ceil((b.bottom - b.top) * scale));
      return [...context.getImageData(x, y, w, h).data];
    },
    png.toString('base64'),
    box,
    viewportWidth,
  );
}

describe('clean captures', () => {
  let browsing: FixtureBrowsing;
  beforeAll(async () => {
    browsing = await browseFixtures();
  });
  afterAll(async () => {
    await browsing?.close();
  });

  it('leaves the highlight out of the screenshot and the MHTML, and puts it back after', async () => {
    const { session, site } = browsing;
    const page = await session.browser.newPage();
    await page.setViewport({ width: 1000, height: 700 });
    const url = `${site.origin}/evidence-shop.html`;
    await page.goto(url);
    const tabId = await tabIdOf(session, page);
    await waitFor(() => storedAudits(session), (rows) => rows.some((row) => row.url === url));

    // Outline the ICP number as the popup's "show on page" does.
    const shown = await session.worker.evaluate(
      (id: number) =>
        chrome.tabs.sendMessage(id, { type: 'page:highlight', selector: 'footer a[href^="https://beian"]', label: '亮照：ICP 备案或许可证号', hiddenNotes: {} }, { frameId: 0 }),
      tabId,
    );
    expect(shown).toMatchObject({ found: true, hidden: false });
    const drawn = await page.evaluate(() => {
      const root = document.querySelector('[data-liangzhao-overlay]')!.shadowRoot!;
      const rects = [root.querySelector('.box')!, root.querySelector('.label')!].map((el) => el.getBoundingClientRect());
      return {
        left: Math.min(...rects.map((r) => r.left)),
        top: Math.min(...rects.map((r) => r.top)),
        right: Math.max(...rects.map((r) => r.right)),
        bottom: Math.max(...rects.map((r) => r.bottom)),
      };
    });

    const highlighted = await captureFromAction(session, page);
    expect(highlighted.status.ok, highlighted.status.text).toBe(true);
    const withHighlight = await newestArtefact(browsing, 'screenshot');
    const mhtml = (await newestArtefact(browsing, 'mhtml')).toString('latin1');
    expect(mhtml).toContain('ICP');
    expect(mhtml).not.toContain('data-liangzhao-overlay');
    expect(mhtml).not.toMatch(/liangzhao-evidence-notice|亮照：ICP|3D"box|class=3D"label/);
    // Back on the page once the capture is done.
    await page.waitForFunction(() => document.querySelector('[data-liangzhao-overlay]')?.shadowRoot?.querySelector('.box'));

    // The same view without the highlight (Escape takes it away, the page does not scroll).
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[data-liangzhao-overlay]')?.shadowRoot?.querySelector('.box'));
    const plain = await captureFromAction(session, page);
    expect(plain.status.ok, plain.status.text).toBe(true);
    const withoutHighlight = await newestArtefact(browsing, 'screenshot');

    const inBox = await pixelsIn(browsing, withHighlight, drawn, 1000);
    expect(inBox.length).toBeGreaterThan(1000);
    expect(inBox).toEqual(await pixelsIn(browsing, withoutHighlight, drawn, 1000));
    // Not vacuous: the highlight, when on the page, does paint those pixels red.
    await session.worker.evaluate(
      (id: number) =>
        chrome.tabs.sendMessage(id, { type: 'page:highlight', selector: 'footer a[href^="https://beian"]', label: '亮照：ICP 备案或许可证号', hiddenNotes: {} }, { frameId: 0 }),
      tabId,
    );
    const shot = Buffer.from((await page.screenshot({ encoding: 'base64' })) as string, 'base64');
    expect(await pixelsIn(browsing, shot, drawn, 1000)).not.toEqual(inBox);
    await page.close();
  });
});
