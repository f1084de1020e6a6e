import { t } from '@/i18n';
import type { Locale } from '@/rules/types';
import { scoreChart, type ScorePoint } from '@/entrypoints/dashboard/chart';
import { formatTime } from '@/i18n/dates';

const WIDTH = 480;
const HEIGHT = 120;
const PAD = 8;

/** A small score-over-time line: SVG, no chart library. */
export function ScoreChart({ host, points, locale }: { host: string; points: ScorePoint[]; locale: Locale }) {
  const chart = scoreChart(points, WIDTH, HEIGHT, PAD);
  const oldest = chart.dots[0];
  const newest = chart.dots[chart.dots.length - 1];
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-labelledby="chart-title chart-desc"
      >
        <title id="chart-title">{t('site_chart_title', locale, { host })}</title>
        <desc id="chart-desc">
          {t('site_chart_desc', locale, { count: points.length, first: oldest?.score ?? '–', last: newest?.score ?? '–' })}
        </desc>
        {[0, 50, 100].map((score) => {
          const y = PAD + (1 - score / 100) * (HEIGHT - 2 * PAD);
          return (
            <g key={score} class="chart__grid">
              <line x1={PAD} x2={WIDTH - PAD} y1={y} y2={y} />
              <text x={WIDTH - PAD} y={score === 100 ? y + 10 : y - 2} text-anchor="end">
                {score}
              </text>
            </g>
          );
        })}
        <polyline class="chart__line" points={chart.points} fill="none" />
        {chart.dots.map((dot) => (
          <circle key={`${dot.atMs}-${dot.x}`} class="chart__dot" cx={dot.x} cy={dot.y} r={3}>
            <title>{`${formatTime(dot.atMs, locale)}: ${dot.score}`}</title>
          </circle>
        ))}
      </svg>
    </figure>
  );
}
