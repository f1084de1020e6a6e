export interface ScorePoint {
  atMs: number;
  score: number;
}

/** A dated mark on the time axis: a local midnight (`day`), a whole hour (`hour`), or an audit's own time. */
export interface TimeTick {
  x: number;
  atMs: number;
  unit: 'day' | 'hour' | 'time';
}

export interface ChartGeometry {
  /** SVG polyline `points`. */
  points: string;
  dots: Array<{ x: number; y: number; atMs: number; score: number }>;
  ticks: TimeTick[];
}

/**
 * Places scores (0 to 100) over time in a `width` × `height` box with `pad` on every side, oldest at the left, with
 * the time axis's ticks. One audit sits in the middle; audits at the same instant are spread evenly.
 */
export function scoreChart(points: readonly ScorePoint[], width: number, height: number, pad = 4): ChartGeometry {
  const sorted = [...points].sort((a, b) => a.atMs - b.atMs);
  if (sorted.length === 0) return { points: '', dots: [], ticks: [] };
  const first = sorted[0].atMs;
  const last = sorted[sorted.length - 1].atMs;
  const span = last - first;
  const innerW = width - 2 * pad;
  const innerH = height - 2 * pad;
  const dots = sorted.map((point, i) => {
    const share = sorted.length === 1 ? 0.5 : span === 0 ? i / (sorted.length - 1) : (point.atMs - first) / span;
    const clamped = Math.min(100, Math.max(0, point.score));
    return {
      x: round(pad + share * innerW),
      y: round(pad + (1 - clamped / 100) * innerH),
      atMs: point.atMs,
      score: point.score,
    };
  });
  const ticks = timeTicks(first, last).map((tick) => ({
    ...tick,
    x: round(pad + (span === 0 ? 0.5 : (tick.atMs - first) / span) * innerW),
  }));
  return { points: dots.map((d) => `${d.x},${d.y}`).join(' '), dots, ticks };
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** At most this many ticks, so their dates never overlap on the chart's width. */
export const MAX_TICKS = 6;
const DAY_STEPS = [1, 2, 7, 14, 30, 61, 91, 182, 365, 730];
const HOUR_STEPS = [1, 2, 3, 6, 12];

/**
 * Ticks between two instants, in local time: every `n` days at midnight over two days or more, every `n` whole
 * hours below that, and the two ends themselves when no whole hour falls between them (one end for one instant).
 */
export function timeTicks(firstMs: number, lastMs: number): Array<Omit<TimeTick, 'x'>> {
  const span = lastMs - firstMs;
  if (span <= 0) return [{ atMs: firstMs, unit: 'time' }];
  const byDay = span >= 2 * DAY_MS;
  const steps = byDay ? DAY_STEPS : HOUR_STEPS;
  const unitMs = byDay ? DAY_MS : HOUR_MS;
  const step = steps.find((n) => span / (n * unitMs) < MAX_TICKS) ?? steps[steps.length - 1];
  const at = new Date(firstMs);
  if (byDay) at.setHours(0, 0, 0, 0);
  else at.setMinutes(0, 0, 0);
  const ticks: Array<Omit<TimeTick, 'x'>> = [];
  // Calendar steps (setDate, setHours) keep midnights at midnight across a change of summer time.
  while (at.getTime() <= lastMs) {
    if (at.getTime() >= firstMs) ticks.push({ atMs: at.getTime(), unit: byDay ? 'day' : 'hour' });
    if (byDay) at.setDate(at.getDate() + step);
    else at.setHours(at.getHours() + step);
  }
  if (ticks.length < 2) {
    return [
      { atMs: firstMs, unit: 'time' },
      { atMs: lastMs, unit: 'time' },
    ];
  }
  return ticks;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
