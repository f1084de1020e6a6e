import { describe, expect, it } from 'vitest';
import { cropFor, pngSize } from '@/evidence/export/report-images';
import { PNG_BYTES, pngOf, VIEWPORT } from '../helpers';

const images = { screenshot: { dataUrl: '', width: 1600, height: 1200 }, fullPage: { dataUrl: '', width: 1600, height: 6000 } };
const fullPage = { pageHeight: 5000, capturedHeight: 3000, cut: true, frames: 5, width: 1600, height: 6000 };

describe('report images', () => {
  it('reads a PNG’s size from its header, and nothing from what is not one', () => {
    expect(pngSize(pngOf(1600, 1200))).toEqual({ width: 1600, height: 1200 });
    expect(pngSize(PNG_BYTES)).toBeNull();
    expect(pngSize(new TextEncoder().encode('GIF89a…………………………………………'))).toBeNull();
  });

  it('crops round an element on screen from the visible screenshot, clipped to its edges', () => {
    // At the window's top left corner: the margin is clipped there.
    expect(cropFor({ x: 0, y: 1000, width: 100, height: 20 }, VIEWPORT, images, fullPage)).toEqual({
      source: 'visible',
      x: 0,
      y: 0,
      width: 232,
      height: 72,
      box: { x: 0, y: 0, width: 200, height: 40 },
    });
  });

  it('shows a tall element from its top, from the full page when it was off screen, and not at all beyond both', () => {
    const tall = cropFor({ x: 10, y: 2000, width: 300, height: 2000 }, VIEWPORT, images, fullPage)!;
    expect(tall).toMatchObject({ source: 'fullpage', y: (2000 - 16) * 2, height: 360 * 2 });
    // Below what the full page holds (cut at 3,000 px), and off screen.
    expect(cropFor({ x: 10, y: 3200, width: 100, height: 20 }, VIEWPORT, images, fullPage)).toBeNull();
    // An older capture did not say where the window was.
    expect(cropFor({ x: 10, y: 1100, width: 100, height: 20 }, undefined, images, fullPage)).toBeNull();
    // On screen but without the visible screenshot: the full page still holds it.
    expect(cropFor({ x: 10, y: 1100, width: 100, height: 20 }, VIEWPORT, { ...images, screenshot: null }, fullPage)?.source).toBe('fullpage');
  });
});
