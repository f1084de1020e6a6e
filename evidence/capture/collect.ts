import type { AuditResult } from '@/rules/types';
import type { LiangzhaoDatabase } from '@/storage/db';
import { dataUrlToBytes } from '@/utils/base64';
import { sha256Hex } from '@/evidence/seal/digest';
import {
  auditDigest,
  EVIDENCE_SCHEMA,
  nextLink,
  sealRecord,
  type AbsentArtefact,
  type ArtefactEntry,
  type ArtefactKind,
  type CaseFields,
  type FullPageInfo,
  FULL_PAGE_MAX_HEIGHT,
  MHTML_REFUSED,
  type Viewport,
} from '@/evidence/seal/record';
import { isoWithOffset } from '@/utils/time';
import type { CaptureReply, ElementHtml, Message, PageGeometry, PageState } from '@/messaging/protocol';
import { ChainMovedError, loadCaseFields, loadChainHead, saveCapture } from './store';
import type { Frame, Stitcher } from './stitch';

/** What the capture needs from the browser, injected so the sequence is testable without one. */
export interface CaptureDeps {
  db: LiangzhaoDatabase;
  getTab: (tabId: number) => Promise<{ windowId?: number; active?: boolean; url?: string; title?: string }>;
  /** `tabs.sendMessage` to the tab's top frame. */
  askPage: (tabId: number, message: Message) => Promise<unknown>;
  /** `tabs.captureVisibleTab`: a PNG data URL of what the window shows (spaced out to the browser's rate limit). */
  captureVisibleTab: (windowId: number | undefined) => Promise<string>;
  /** Draws the full-page screenshot's frames into one image; null where the browser has no OffscreenCanvas. */
  stitch?: Stitcher | null;
  /** `pageCapture.saveAsMHTML`, or null where the browser has none (Firefox). */
  saveAsMhtml: ((tabId: number) => Promise<Blob | undefined>) | null;
  /** Whether the person granted the optional `pageCapture` permission; absent when it is not optional. */
  mhtmlAllowed?: () => Promise<boolean>;
  userAgent: string;
  extensionVersion: string;
  now?: () => Date;
  newChainId?: () => string;
  /** Waits between MHTML attempts. */
  sleep?: (ms: number) => Promise<void>;
}

/** `pageCapture` is optional: the popup asks for it at the first capture, and a person may refuse. */
export const PAGE_CAPTURE_PERMISSION = { permissions: ['pageCapture' as const] };

/** Chromium's MHTML read fails now and then (`NotFoundError`) and succeeds on a later try. */
export const MHTML_ATTEMPTS = 5;
/** A full-page screenshot stops after this many frames, however short the window. */
export const FULL_PAGE_MAX_FRAMES = 200;
const CHAIN_ATTEMPTS = 3;

const encoder = new TextEncoder();

/**
 * Captures the evidence of the tab's current audit: screenshot, MHTML, the markup of each evidence element,
 * the page's identity, time and versions; digests all of it and chains it to the previous capture.
 */
export async function captureEvidence(deps: CaptureDeps, tabId: number, caseFields?: CaseFields): Promise<CaptureReply> {
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));

  const tab = await deps.getTab(tabId).catch(() => null);
  if (!tab) return { ok: false, error: 'evidenceCaptureError_noPage' };
  if (tab.active === false) return { ok: false, error: 'evidenceCaptureError_notVisible' };

  let state: PageState | null;
  try {
    state = (await deps.askPage(tabId, { type: 'page:current' })) as PageState | null;
    if (!state?.result) state = (await deps.askPage(tabId, { type: 'page:audit' })) as PageState | null;
  } catch (error) {
    return { ok: false, error: 'evidenceCaptureError_noPage', detail: messageOf(error) };
  }
  if (!state?.result) return { ok: false, error: 'evidenceCaptureError_noAudit' };

  // The page as it is without the extension: no outline or label over the disclosure the capture is to prove.
  const absent: AbsentArtefact[] = [];
  await deps.askPage(tabId, { type: 'page:evidence-conceal' }).catch(() => undefined);
  let screenshot: { mediaType: string; bytes: Uint8Array } | null;
  let mhtml: Awaited<ReturnType<typeof readMhtml>>;
  let fullPage: Awaited<ReturnType<typeof captureFullPage>>;
  let geometry: PageGeometry | null;
  // The screenshot first: it is the closest record of what the person saw when they asked.
  const capturedAt = isoWithOffset(now(), { milliseconds: true });
  try {
    geometry = (await deps.askPage(tabId, { type: 'page:geometry' }).catch(() => null)) as PageGeometry | null;
    try {
      screenshot = dataUrlToBytes(await deps.captureVisibleTab(tab.windowId));
    } catch (error) {
      return { ok: false, error: 'evidenceCaptureError_screenshot', detail: messageOf(error) };
    }
    if (!screenshot) return { ok: false, error: 'evidenceCaptureError_screenshot', detail: 'not a data URL' };
    // The MHTML before the full page, which scrolls the page and hides its fixed elements for a while.
    mhtml = await readMhtml(deps, tabId, sleep);
    fullPage = await captureFullPage(deps, tabId, tab.windowId, geometry);
  } finally {
    await deps.askPage(tabId, { type: 'page:evidence-reveal' }).catch(() => undefined);
  }
  if ('absent' in mhtml) absent.push(mhtml.absent);
  if ('absent' in fullPage) absent.push(fullPage.absent);

  const stored = state.auditId === null ? undefined : await deps.db.audits.get(state.auditId);
  const audit: AuditResult = stored?.result ?? state.result;
  const elements = await elementHtml(deps, tabId, audit).catch((error: unknown) => {
    absent.push({ kind: 'element-html', reason: `error: ${messageOf(error)}` });
    return null;
  });

  const files: Array<[ArtefactKind, string, string, Uint8Array]> = [['screenshot', 'screenshot.png', screenshot.mediaType, screenshot.bytes]];
  if ('bytes' in fullPage) files.push(['fullpage-screenshot', 'fullpage.png', 'image/png', fullPage.bytes]);
  if ('bytes' in mhtml) files.push(['mhtml', 'page.mhtml', 'multipart/related', mhtml.bytes]);
  if (elements) {
    const json = JSON.stringify({ url: tab.url ?? audit.url, capturedAt, elements }, null, 2);
    files.push(['element-html', 'evidence-html.json', 'application/json', encoder.encode(json)]);
  }
  const artefacts = await Promise.all(
    files.map(async ([kind, name, mediaType, bytes]) => ({
      entry: { kind, name, mediaType, size: bytes.length, sha256: await sha256Hex(bytes) } satisfies ArtefactEntry,
      bytes,
    })),
  );

  const fields = caseFields ?? (await loadCaseFields(deps.db));
  const auditSha256 = await auditDigest(audit);
  for (let attempt = 1; ; attempt++) {
    const head = await loadChainHead(deps.db);
    const sealed = await sealRecord({
      schema: EVIDENCE_SCHEMA,
      ...nextLink(head, deps.newChainId ?? (() => crypto.randomUUID())),
      capturedAt,
      url: tab.url ?? audit.url,
      title: tab.title ?? audit.title,
      userAgent: deps.userAgent,
      extensionVersion: deps.extensionVersion,
      rulesetVersion: audit.rulesetVersion,
      caseFields: { caseNumber: fields.caseNumber.trim(), inspector: fields.inspector.trim(), task: fields.task.trim() },
      auditSha256,
      artefacts: artefacts.map((a) => a.entry),
      absent,
      ...(geometry ? { viewport: viewportOf(geometry) } : {}),
      ...('info' in fullPage ? { fullPage: fullPage.info } : {}),
    });
    try {
      const ids = await saveCapture(deps.db, { auditId: stored?.id ?? null, audit, tabId, sealed, artefacts, head });
      return { ok: true, ...ids, sequence: sealed.record.sequence, digest: sealed.digest, absent };
    } catch (error) {
      if (error instanceof ChainMovedError && attempt < CHAIN_ATTEMPTS) continue;
      return { ok: false, error: 'evidenceCaptureError_store', detail: messageOf(error) };
    }
  }
}

function viewportOf(geometry: PageGeometry): Viewport {
  const { scrollX, scrollY, width, height, devicePixelRatio } = geometry;
  return { scrollX, scrollY, width, height, devicePixelRatio };
}

const FULL_PAGE = 'fullpage-screenshot';

/**
 * The whole page, top to bottom: one viewport frame after another (`captureVisibleTab` has no full-page mode),
 * stitched into one image. Fixed and sticky elements show in the first frame only. A page taller than
 * FULL_PAGE_MAX_HEIGHT image pixels is cut there, and the record says so. The page is scrolled back after.
 */
async function captureFullPage(
  deps: CaptureDeps,
  tabId: number,
  windowId: number | undefined,
  geometry: PageGeometry | null,
): Promise<{ bytes: Uint8Array; info: FullPageInfo } | { absent: AbsentArtefact }> {
  if (!deps.stitch) return { absent: { kind: FULL_PAGE, reason: 'unsupported' } };
  if (!geometry || !(geometry.width > 0) || !(geometry.height > 0) || !(geometry.pageHeight > 0)) {
    return { absent: { kind: FULL_PAGE, reason: 'error: the page did not give its size' } };
  }
  const maxHeight = Math.floor(FULL_PAGE_MAX_HEIGHT / (geometry.devicePixelRatio || 1));
  let target = Math.min(geometry.pageHeight, maxHeight);
  let cut = geometry.pageHeight > maxHeight;
  const frames: Frame[] = [];
  try {
    for (let y = 0; y < target; y += geometry.height) {
      if (frames.length === FULL_PAGE_MAX_FRAMES) {
        target = y;
        cut = true;
        break;
      }
      const { scrollY } = (await deps.askPage(tabId, { type: 'page:fullpage-frame', y, hideFixed: y > 0 })) as { scrollY: number };
      const height = Math.min(geometry.height, target - y);
      const sourceY = y - scrollY;
      // The page would not scroll this far (it got shorter, or it scrolls inside an element): the image ends here.
      if (sourceY < 0 || sourceY + height > geometry.height) {
        target = y;
        cut = true;
        break;
      }
      const frame = dataUrlToBytes(await deps.captureVisibleTab(windowId));
      if (!frame) throw new Error('not a data URL');
      frames.push({ png: frame.bytes, sourceY, destY: y, height });
    }
  } catch (error) {
    return { absent: { kind: FULL_PAGE, reason: `error: ${messageOf(error)}` } };
  } finally {
    await deps.askPage(tabId, { type: 'page:fullpage-end' }).catch(() => undefined);
  }
  if (frames.length === 0) return { absent: { kind: FULL_PAGE, reason: 'error: the page could not be scrolled' } };
  try {
    const image = await deps.stitch(frames, { width: geometry.width, height: target });
    const info = { pageHeight: geometry.pageHeight, capturedHeight: target, cut, frames: frames.length, width: image.width, height: image.height };
    return { bytes: image.bytes, info };
  } catch (error) {
    return { absent: { kind: FULL_PAGE, reason: `error: ${messageOf(error)}` } };
  }
}

async function readMhtml(
  deps: CaptureDeps,
  tabId: number,
  sleep: (ms: number) => Promise<void>,
): Promise<{ bytes: Uint8Array } | { absent: AbsentArtefact }> {
  if (!deps.saveAsMhtml) return { absent: { kind: 'mhtml', reason: 'unsupported' } };
  if (deps.mhtmlAllowed && !(await deps.mhtmlAllowed().catch(() => false))) {
    return { absent: { kind: 'mhtml', reason: MHTML_REFUSED } };
  }
  let last: unknown = null;
  for (let attempt = 1; attempt <= MHTML_ATTEMPTS; attempt++) {
    try {
      const blob = await deps.saveAsMhtml(tabId);
      if (!blob) throw new Error('no MHTML returned');
      return { bytes: new Uint8Array(await blob.arrayBuffer()) };
    } catch (error) {
      last = error;
      await sleep(150 * attempt);
    }
  }
  return { absent: { kind: 'mhtml', reason: `error: ${messageOf(last)} (${MHTML_ATTEMPTS} attempts)` } };
}

async function elementHtml(deps: CaptureDeps, tabId: number, audit: AuditResult) {
  const rulesBySelector = new Map<string, string[]>();
  for (const result of audit.results) {
    for (const evidence of result.evidence) {
      if (!evidence.selector) continue;
      const rules = rulesBySelector.get(evidence.selector) ?? [];
      if (!rules.includes(result.ruleId)) rules.push(result.ruleId);
      rulesBySelector.set(evidence.selector, rules);
    }
  }
  const found = (await deps.askPage(tabId, { type: 'page:evidence-html', selectors: [...rulesBySelector.keys()] })) as ElementHtml[];
  return found.map((element) => ({ ...element, ruleIds: rulesBySelector.get(element.selector) ?? [] }));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
