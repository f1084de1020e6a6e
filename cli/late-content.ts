/**
 * How long an audit in Chromium waits for content that arrives after load (footers rendered by a framework, fetched
 * late, or loaded lazily when scrolled to). The one place these limits live: the command-line auditor reads them,
 * and so does anything else that loads pages to audit them (batch auditing).
 */
export const LATE_CONTENT = {
  /** The network must have had no request in flight, and then the DOM no mutation, for this long. */
  quietMs: 2_000,
  /** Whatever happens (a ticker, a long poll), the audit runs this long after load at the latest. */
  maxWaitMs: 20_000,
  /** The page is scrolled to the bottom this many pixels at a time, so lazily loaded parts are requested. */
  scrollStepPx: 600,
  /** Pause after each scroll step, so an intersection observer sees the new position. */
  scrollPauseMs: 100,
} as const;

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
