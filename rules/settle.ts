/**
 * When a loaded page counts as settled, for every auditor that waits for one (the command line's `--browser` mode
 * and the extension's batches): the network idle and the DOM unchanged for `quietMs`, after the page was scrolled to
 * the bottom `scrollStepPx` at a time (so lazily loaded footers arrive), `maxWaitMs` at most from the load.
 */
export interface SettleOptions {
  quietMs: number;
  maxWaitMs: number;
  scrollStepPx: number;
  /** Pause between scroll steps, so content a step reveals can start loading. */
  scrollIntervalMs: number;
}

export const SETTLE_DEFAULTS: Readonly<SettleOptions> = Object.freeze({
  quietMs: 2_000,
  maxWaitMs: 20_000,
  scrollStepPx: 800,
  scrollIntervalMs: 100,
});
