export interface ScorePoint {
  atMs: number;
  score: number;
}

export interface ChartGeometry {
  /** SVG polyline `points`. */
  points: string;
  dots: Array<{ x: number; y: number; atMs: number; score: number }>;
}

/**
 * Places scores (0 to 100) over time in a `width` × `height` box with `pad` on every side, oldest at the left.
 * One audit sits in the middle; audits at the same instant are spread evenly.
 */
export function scoreChart(points: readonly ScorePoint[], width: number, height: number, pad = 4): ChartGeometry {
  const sorted = [...points].sort((a, b) => a.atMs - b.atMs);
  if (sorted.length === 0) return { points: '', dots: [] };
  const first = sorted[0].atMs;
  const span = sorted[sorted.length - 1].atMs - first;
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
  return { points: dots.map((d) => `${d.x},${d.y}`).join(' '), dots };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
