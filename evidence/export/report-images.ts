import type { PageRect } from '@/messaging/protocol';
import { dataUrl } from '../../utils/base64';
import type { FullPageInfo, Viewport } from '../seal/record';
import type { CapturedEvidence } from './source';

/** An image of the report with its size in pixels, which its crops are measured in. */
export interface ReportImage {
  dataUrl: string;
  width: number;
  height: number;
}

/** What a report shows of a capture beside its record: the two screenshots and where each evidence element was. */
export interface ReportImages {
  screenshotDataUrl: string | null;
  screenshot: ReportImage | null;
  fullPage: ReportImage | null;
  /** Each evidence selector's box on the page, in CSS pixels, as the capture measured it. */
  elementRects: Map<string, PageRect>;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A PNG's width and height from its IHDR chunk; null for anything else. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

function imageOf(artefact: CapturedEvidence['artefacts'][number] | undefined): ReportImage | null {
  if (!artefact) return null;
  const size = pngSize(artefact.bytes);
  return size ? { dataUrl: dataUrl(artefact.entry.mediaType, artefact.bytes), ...size } : null;
}

/** Reads the capture's screenshots and the element boxes of its evidence-html.json (older captures have none). */
export function reportImages(capture: CapturedEvidence | null | undefined): ReportImages {
  const find = (kind: string) => capture?.artefacts.find((a) => a.entry.kind === kind);
  const screenshot = find('screenshot');
  return {
    screenshotDataUrl: screenshot ? dataUrl(screenshot.entry.mediaType, screenshot.bytes) : null,
    screenshot: imageOf(screenshot),
    fullPage: imageOf(find('fullpage-screenshot')),
    elementRects: rectsOf(find('element-html')?.bytes),
  };
}

function rectsOf(bytes: Uint8Array | undefined): Map<string, PageRect> {
  const rects = new Map<string, PageRect>();
  if (!bytes) return rects;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return rects;
  }
  const elements = (parsed as { elements?: unknown })?.elements;
  if (!Array.isArray(elements)) return rects;
  for (const element of elements as Array<{ selector?: unknown; rect?: unknown }>) {
    if (typeof element?.selector === 'string' && isRect(element.rect)) rects.set(element.selector, element.rect);
  }
  return rects;
}

function isRect(value: unknown): value is PageRect {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k])) && (r.width as number) > 0 && (r.height as number) > 0;
}

/** Room around an element in its crop, and the tallest crop (a page-wide wrapper is shown from its top), in CSS px. */
const CROP_MARGIN = 16;
const CROP_MAX_HEIGHT = 360;

/** A part of one of the screenshots, in its image pixels, with the element's box inside it. */
export interface Crop {
  source: 'visible' | 'fullpage';
  x: number;
  y: number;
  width: number;
  height: number;
  box: { x: number; y: number; width: number; height: number };
}

/**
 * Where an element is in the screenshots: in the visible one when it was on screen at capture, else in the
 * full-page image when that holds it; null when neither does (or an older capture did not measure it).
 */
export function cropFor(
  rect: PageRect,
  viewport: Viewport | undefined,
  images: Pick<ReportImages, 'screenshot' | 'fullPage'>,
  fullPage: FullPageInfo | undefined,
): Crop | null {
  if (!viewport || !(viewport.width > 0)) return null;
  const onScreen = { x: rect.x - viewport.scrollX, y: rect.y - viewport.scrollY, width: rect.width, height: rect.height };
  if (images.screenshot && overlaps(onScreen, viewport.width, viewport.height)) {
    return crop('visible', onScreen, viewport.width, viewport.height, images.screenshot.width / viewport.width);
  }
  // The full page was taken from the page's left edge, top down to its captured height.
  if (images.fullPage && fullPage && overlaps(rect, viewport.width, fullPage.capturedHeight)) {
    return crop('fullpage', rect, viewport.width, fullPage.capturedHeight, images.fullPage.width / viewport.width);
  }
  return null;
}

function overlaps(r: PageRect, width: number, height: number): boolean {
  return r.x < width && r.x + r.width > 0 && r.y < height && r.y + r.height > 0;
}

function crop(source: Crop['source'], r: PageRect, width: number, height: number, scale: number): Crop {
  const left = Math.max(0, r.x - CROP_MARGIN);
  const top = Math.max(0, r.y - CROP_MARGIN);
  const right = Math.min(width, r.x + r.width + CROP_MARGIN);
  const bottom = Math.min(height, r.y + r.height + CROP_MARGIN, top + CROP_MAX_HEIGHT);
  const px = (n: number) => Math.round(n * scale);
  return {
    source,
    x: px(left),
    y: px(top),
    width: px(right - left),
    height: px(bottom - top),
    box: { x: px(r.x), y: px(r.y), width: px(r.width), height: px(r.height) },
  };
}
