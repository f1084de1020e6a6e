/** One viewport screenshot's part of the full-page image, in CSS pixels. */
export interface Frame {
  png: Uint8Array;
  /** Where in the frame the part starts (more than 0 for the last frame, when the page could not scroll further). */
  sourceY: number;
  /** Where on the page it goes. */
  destY: number;
  height: number;
}

/** Draws frames into one image `width` × `height` CSS pixels tall, at the frames' own pixel density. */
export type Stitcher = (frames: readonly Frame[], size: { width: number; height: number }) => Promise<StitchedImage>;

export interface StitchedImage {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/**
 * The browser's stitcher: OffscreenCanvas and createImageBitmap, which a service worker has (no DOM, no
 * offscreen document needed). One frame is decoded at a time, so only the canvas is held in memory.
 */
export async function stitchFrames(frames: readonly Frame[], size: { width: number; height: number }): Promise<StitchedImage> {
  let canvas: OffscreenCanvas | null = null;
  let context: OffscreenCanvasRenderingContext2D | null = null;
  let scale = 1;
  for (const frame of frames) {
    const bitmap = await createImageBitmap(new Blob([frame.png as Uint8Array<ArrayBuffer>], { type: 'image/png' }));
    if (!canvas) {
      // The frames' pixels per CSS pixel: the device pixel ratio times the page's zoom.
      scale = bitmap.width / size.width;
      canvas = new OffscreenCanvas(bitmap.width, Math.round(size.height * scale));
      context = canvas.getContext('2d');
      if (!context) throw new Error('no 2D canvas');
    }
    const sourceY = Math.round(frame.sourceY * scale);
    const destY = Math.round(frame.destY * scale);
    const height = Math.min(Math.round(frame.height * scale), bitmap.height - sourceY, canvas.height - destY);
    if (height > 0) context!.drawImage(bitmap, 0, sourceY, bitmap.width, height, 0, destY, bitmap.width, height);
    bitmap.close();
  }
  if (!canvas) throw new Error('no frames');
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return { bytes: new Uint8Array(await blob.arrayBuffer()), width: canvas.width, height: canvas.height };
}
