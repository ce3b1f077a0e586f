import './charts.messages.ts';
import type { ViewContext } from '../context.ts';

/** One period of a trend: a value, or none when suppressed (too few answers) or unknown. */
export interface TrendPoint {
  period: string;
  value: number | null;
  status: 'ok' | 'suppressed' | 'unknown';
  ciLow?: number | null;
  ciHigh?: number | null;
  isDemo?: boolean;
}

/** A row of the table beside the chart, as text: the same data the chart draws. */
export interface TrendRow {
  period: string;
  value: string;
  ci: string;
}

/** The rows of the table beside a trend chart; a suppressed point never shows a number. */
export function trendRows(ctx: ViewContext, points: readonly TrendPoint[], format: (n: number) => string): TrendRow[] {
  const { t } = ctx;
  return points.map((p) => {
    const ok = p.status === 'ok' && p.value !== null;
    const value = ok
      ? `${format(p.value as number)}${p.isDemo ? ` (${t('charts.trend.demo')})` : ''}`
      : p.status === 'suppressed'
        ? t('charts.trend.suppressed')
        : t('charts.trend.unknown');
    const ci =
      ok && p.ciLow != null && p.ciHigh != null ? t('charts.trend.ciRange', { low: format(p.ciLow), high: format(p.ciHigh) }) : '—';
    return { period: p.period, value, ci };
  });
}

const W = 320;
const H = 150;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

/** Where the points go on the canvas: x evenly spaced by period, y scaled to the values, CIs and target. */
export function trendGeometry(points: readonly TrendPoint[], target: number | null = null) {
  const ys: number[] = [];
  for (const p of points) {
    if (p.status !== 'ok' || p.value === null) continue;
    ys.push(p.value);
    if (p.ciLow != null) ys.push(p.ciLow);
    if (p.ciHigh != null) ys.push(p.ciHigh);
  }
  if (target !== null) ys.push(target);
  let min = ys.length ? Math.min(...ys) : 0;
  let max = ys.length ? Math.max(...ys) : 1;
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length <= 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const y = (v: number) => PAD.top + innerH - ((v - min) / (max - min)) * innerH;
  return { min, max, x, y };
}

const r = (n: number) => Math.round(n * 10) / 10;

/**
 * A trend as an accessible SVG chart (role img, title and description) with a table beside it that
 * holds the same figures: the table is the equivalent, the chart a picture of it. Gaps where a value
 * is suppressed or unknown; the confidence interval as a bar, the target as a dashed line with its
 * label (never colour alone).
 */
export function TrendChart({
  ctx,
  id,
  name,
  points,
  format,
  target = null,
}: {
  ctx: ViewContext;
  id: string;
  name: string;
  points: readonly TrendPoint[];
  format: (n: number) => string;
  target?: number | null;
}) {
  const { t } = ctx;
  if (points.length === 0) return null;
  const g = trendGeometry(points, target);
  // Line segments through consecutive known points; a gap breaks the line.
  const segments: string[] = [];
  let current: string[] = [];
  points.forEach((p, i) => {
    if (p.status === 'ok' && p.value !== null) current.push(`${r(g.x(i))},${r(g.y(p.value))}`);
    else {
      if (current.length > 1) segments.push(current.join(' '));
      current = [];
    }
  });
  if (current.length > 1) segments.push(current.join(' '));
  const rows = trendRows(ctx, points, format);
  const first = points[0]?.period ?? '';
  const last = points[points.length - 1]?.period ?? '';
  return (
    <div class="trend">
      <svg
        class="trend__chart"
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>{name}</title>
        <desc id={`${id}-desc`}>{t('charts.trend.desc', { name, first, last })}</desc>
        <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} stroke="#4d4d4d" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} stroke="#4d4d4d" />
        <text x={PAD.left - 4} y={g.y(g.max) + 4} font-size="10" text-anchor="end" fill="#1a1a1a">
          {format(g.max)}
        </text>
        <text x={PAD.left - 4} y={g.y(g.min) + 4} font-size="10" text-anchor="end" fill="#1a1a1a">
          {format(g.min)}
        </text>
        <text x={g.x(0)} y={H - 8} font-size="10" text-anchor="start" fill="#1a1a1a">
          {first}
        </text>
        {points.length > 1 && (
          <text x={g.x(points.length - 1)} y={H - 8} font-size="10" text-anchor="end" fill="#1a1a1a">
            {last}
          </text>
        )}
        {target !== null && (
          <g class="trend__target">
            <line x1={PAD.left} x2={W - PAD.right} y1={r(g.y(target))} y2={r(g.y(target))} stroke="#8a3b00" stroke-dasharray="6 4" />
            <text x={W - PAD.right} y={r(g.y(target)) - 3} font-size="10" text-anchor="end" fill="#8a3b00">
              {t('charts.trend.target', { value: format(target) })}
            </text>
          </g>
        )}
        {points.map((p, i) =>
          p.status === 'ok' && p.value !== null && p.ciLow != null && p.ciHigh != null ? (
            <line x1={r(g.x(i))} x2={r(g.x(i))} y1={r(g.y(p.ciLow))} y2={r(g.y(p.ciHigh))} stroke="#6b8fb3" stroke-width="3" />
          ) : null,
        )}
        {segments.map((s) => (
          <polyline points={s} fill="none" stroke="#1f4e79" stroke-width="2" />
        ))}
        {points.map((p, i) =>
          p.status === 'ok' && p.value !== null ? (
            <circle cx={r(g.x(i))} cy={r(g.y(p.value))} r="3.5" fill={p.isDemo ? '#ffffff' : '#1f4e79'} stroke="#1f4e79" stroke-width="2" />
          ) : null,
        )}
      </svg>
      <div class="table-scroll">
        <table class="data-table data-table--reflow utrecht-table trend__table">
          <caption>{t('charts.trend.tableCaption', { name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('charts.trend.period')}</th>
              <th scope="col">{t('charts.trend.value')}</th>
              <th scope="col">{t('charts.trend.ci')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <th scope="row" data-label={t('charts.trend.period')}>
                  {row.period}
                </th>
                <td data-label={t('charts.trend.value')}>{row.value}</td>
                <td data-label={t('charts.trend.ci')}>{row.ci}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
