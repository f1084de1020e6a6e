import { t } from '@/i18n';
import type { Locale } from '@/rules/types';
import { scoreChart, type ScorePoint, type TimeTick } from '@/entrypoints/dashboard/chart';
import { formatClock, formatDate, formatShortDate, formatTime } from '@/i18n/dates';

const WIDTH = 480;
const PLOT_HEIGHT = 120;
/** Below the plot: the time axis's dates. */
const AXIS_HEIGHT = 18;
const PAD = 8;

/** A small score-over-time line with a dated time axis: SVG, no chart library. */
export function ScoreChart({ host, points, locale }: { host: string; points: ScorePoint[]; locale: Locale }) {
  const chart = scoreChart(points, WIDTH, PLOT_HEIGHT, PAD);
  const oldest = chart.dots[0];
  const newest = chart.dots[chart.dots.length - 1];
  const height = PLOT_HEIGHT + AXIS_HEIGHT;
  const crossesYears = oldest && newest && new Date(oldest.atMs).getFullYear() !== new Date(newest.atMs).getFullYear();
  const tickLabel = (tick: TimeTick) => {
    if (tick.unit === 'hour') return formatClock(tick.atMs, locale);
    if (tick.unit === 'time') return formatTime(tick.atMs, locale);
    return crossesYears ? formatDate(tick.atMs, locale) : formatShortDate(tick.atMs, locale);
  };
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        role="img"
        aria-labelledby="chart-title chart-desc"
      >
        <title id="chart-title">{t('site_chart_title', locale, { host })}</title>
        <desc id="chart-desc">
          {t('site_chart_desc', locale, { count: points.length, first: oldest?.score ?? '–', last: newest?.score ?? '–' })}
        </desc>
        {[0, 50, 100].map((score) => {
          const y = PAD + (1 - score / 100) * (PLOT_HEIGHT - 2 * PAD);
          return (
            <g key={score} class="chart__grid">
              <line x1={PAD} x2={WIDTH - PAD} y1={y} y2={y} />
              <text x={WIDTH - PAD} y={score === 100 ? y + 10 : y - 2} text-anchor="end">
                {score}
              </text>
            </g>
          );
        })}
        <g class="chart__axis">
          <line x1={PAD} x2={WIDTH - PAD} y1={PLOT_HEIGHT - PAD} y2={PLOT_HEIGHT - PAD} />
          {chart.ticks.map((tick) => (
            <g key={tick.atMs} class="chart__tick" data-at={tick.atMs}>
              <line x1={tick.x} x2={tick.x} y1={PLOT_HEIGHT - PAD} y2={PLOT_HEIGHT - PAD + 4} />
              <text x={tick.x} y={PLOT_HEIGHT + AXIS_HEIGHT - 6} text-anchor={anchorAt(tick.x)}>
                {tickLabel(tick)}
              </text>
            </g>
          ))}
        </g>
        <polyline class="chart__line" points={chart.points} fill="none" />
        {chart.dots.map((dot) => (
          <circle key={`${dot.atMs}-${dot.x}`} class="chart__dot" cx={dot.x} cy={dot.y} r={3}>
            <title>{`${formatTime(dot.atMs, locale)}: ${dot.score}`}</title>
          </circle>
        ))}
      </svg>
      {oldest && newest && (
        <figcaption class="chart__range">
          {sameDay(oldest.atMs, newest.atMs)
            ? formatDate(oldest.atMs, locale)
            : t('site_chart_range', locale, { from: formatDate(oldest.atMs, locale), to: formatDate(newest.atMs, locale) })}
        </figcaption>
      )}
    </figure>
  );
}

/** A label near either end of the axis is anchored there, so it stays inside the chart. */
function anchorAt(x: number): 'start' | 'middle' | 'end' {
  if (x < PAD + 40) return 'start';
  if (x > WIDTH - PAD - 40) return 'end';
  return 'middle';
}

function sameDay(a: number, b: number): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}
