import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCaptureModel, pageCapturePermission } from '@/evidence/panels';
import { LiangzhaoDatabase } from '@/storage/db';
import type { CaptureReply } from '@/messaging/protocol';

/** WXT's fake browser has no permissions API: this one grants what the person's answer to the prompt says. */
function personAnswers(answer: boolean) {
  const granted = new Set<string>();
  const contains = vi
    .spyOn(fakeBrowser.permissions, 'contains')
    .mockImplementation((async ({ permissions = [] }: { permissions?: string[] }) => permissions.every((p) => granted.has(p))) as never);
  const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((async ({ permissions = [] }: { permissions?: string[] }) => {
    if (answer) for (const p of permissions) granted.add(p);
    return answer;
  }) as never);
  return { contains, request };
}

const CAPTURED: CaptureReply = { ok: true, auditId: 1, captureId: 1, sequence: 1, digest: 'ab', absent: [] };

let db: LiangzhaoDatabase;
beforeEach(() => {
  db = new LiangzhaoDatabase(`panels-${Math.random()}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await Dexie.delete(db.name);
});

describe('the popup capture and the optional pageCapture permission', () => {
  it('says why before the first capture, asks during the click, and does not ask again once granted', async () => {
    const { request } = personAnswers(true);
    const capture = vi.fn(async () => CAPTURED);
    const model = createCaptureModel({ db, capture, pageCapture: pageCapturePermission() });
    await model.load();
    expect(model.pageCaptureNeeded.value).toBe(true);

    const capturing = model.capture(7);
    // Asked before the click's handler awaited anything, so the browser may still show its prompt.
    expect(request).toHaveBeenCalledWith({ permissions: ['pageCapture'] });
    await capturing;
    expect(capture).toHaveBeenCalledWith(7, expect.any(Object));
    expect(model.pageCaptureNeeded.value).toBe(false);
    expect(model.reply.value).toEqual(CAPTURED);

    await model.capture(7);
    expect(request).toHaveBeenCalledTimes(1);
    expect(capture).toHaveBeenCalledTimes(2);
  });

  it('still captures when the person refuses, and asks again at the next capture', async () => {
    const { request } = personAnswers(false);
    const capture = vi.fn(async () => CAPTURED);
    const model = createCaptureModel({ db, capture, pageCapture: pageCapturePermission() });
    await model.load();
    await model.capture(7);
    expect(capture).toHaveBeenCalledTimes(1);
    expect(model.pageCaptureNeeded.value).toBe(true);
    await model.capture(7);
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('asks nothing when the permission was granted before', async () => {
    const { request } = personAnswers(true);
    await pageCapturePermission()!.request();
    request.mockClear();
    const model = createCaptureModel({ db, capture: async () => CAPTURED, pageCapture: pageCapturePermission() });
    await model.load();
    expect(model.pageCaptureNeeded.value).toBe(false);
    await model.capture(7);
    expect(request).not.toHaveBeenCalled();
  });
});
