/**
 * How long an audit in Chromium waits for content that arrives after load (footers rendered by a framework, fetched
 * late, or loaded lazily when scrolled to), in the terms the command line's Chromium driver uses.
 */
import { SETTLE_DEFAULTS } from '../rules/settle';
/** The settle rule's defaults (rules/settle.ts), which the extension's batches read too. */
export const LATE_CONTENT: Readonly<LateContentLimits> = {
  quietMs: SETTLE_DEFAULTS.quietMs,
  maxWaitMs: SETTLE_DEFAULTS.maxWaitMs,
  scrollStepPx: SETTLE_DEFAULTS.scrollStepPx,
  scrollPauseMs: SETTLE_DEFAULTS.scrollIntervalMs,
};

export interface LateContentLimits {
  quietMs: number;
  maxWaitMs: number;
  scrollStepPx: number;
  scrollPauseMs: number;
}

/** What the wait did, for the audit's JSON: `limitReached` says the page never settled within maxWaitMs. */
export interface LateContentWait {
  quietMs: number;
  maxWaitMs: number;
  waitedMs: number;
  limitReached: boolean;
}
