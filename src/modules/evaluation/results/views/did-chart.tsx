import type { ViewContext } from '../../../../ui/context.ts';
import type { GroupMean } from '../../estimate/estimate.types.ts';

const W = 340;
const H = 190;
const PAD = { left: 46, right: 12, top: 30, bottom: 30 };
const r = (n: number) => Math.round(n * 10) / 10;

/** Where the means go: x evenly spaced by period, y scaled over both groups. */
export function didGeometry(means: readonly GroupMean[]) {
  const ys = means.flatMap((m) => [m.intervention, m.comparison]).filter((v): v is number => v !== null);
  let min = ys.length ? Math.min(...ys) : 0;
  let max = ys.length ? Math.max(...ys) : 1;
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (means.length <= 1 ? innerW / 2 : (i * innerW) / (means.length - 1));
  const y = (v: number) => PAD.top + innerH - ((v - min) / (max - min)) * innerH;
  return { min, max, x, y };
}

/** Polyline point lists through consecutive known values (a gap breaks the line). */
function segments(values: readonly (number | null)[], g: ReturnType<typeof didGeometry>): string[] {
  const out: string[] = [];
  let current: string[] = [];
  values.forEach((v, i) => {
    if (v !== null) current.push(`${r(g.x(i))},${r(g.y(v))}`);
    else {
      if (current.length > 1) out.push(current.join(' '));
      current = [];
    }
  });
  if (current.length > 1) out.push(current.join(' '));
  return out;
}

/**
 * The group means per period as an accessible SVG (role img, title, description): project areas
 * as a solid line with dots, comparison areas dashed with squares (never colour alone), the start
 * as a vertical line with its label. The table below holds the same figures.
 */
export function DidChart({
  ctx,
  id,
  name,
  means,
  before,
  startDay,
  format,
}: {
  ctx: ViewContext;
  id: string;
  name: string;
  means: readonly GroupMean[];
  before: readonly string[];
  startDay: string;
  format: (n: number) => string;
}) {
  const { t } = ctx;
  if (means.length === 0) return null;
  const g = didGeometry(means);
  const lastBefore = means.reduce((acc, m, i) => (before.includes(m.period) || m.periodEnd < startDay ? i : acc), -1);
  const startX = lastBefore < 0 ? PAD.left : lastBefore >= means.length - 1 ? W - PAD.right : (g.x(lastBefore) + g.x(lastBefore + 1)) / 2;
  const first = means[0]!.period;
  const last = means[means.length - 1]!.period;
  const title = t('evaluation.results.chart.title', { indicator: name });
  const cell = (v: number | null) => (v === null ? t('evaluation.results.chart.none') : format(v));
  const phase = (m: GroupMean) =>
    t(before.includes(m.period) || m.periodEnd < startDay ? 'evaluation.results.chart.before' : 'evaluation.results.chart.after');
  return (
    <div class="did">
      <svg
        class="did__chart"
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        style={`max-width:${W}px;height:auto`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{t('evaluation.results.chart.desc', { first, last, start: startDay })}</desc>
        <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} stroke="#4d4d4d" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} stroke="#4d4d4d" />
        <text x={PAD.left - 4} y={r(g.y(g.max)) + 4} font-size="10" text-anchor="end" fill="#1a1a1a">
          {format(g.max)}
        </text>
        <text x={PAD.left - 4} y={r(g.y(g.min)) + 4} font-size="10" text-anchor="end" fill="#1a1a1a">
          {format(g.min)}
        </text>
        <text x={r(g.x(0))} y={H - 10} font-size="10" text-anchor="start" fill="#1a1a1a">
          {first}
        </text>
        {means.length > 1 && (
          <text x={r(g.x(means.length - 1))} y={H - 10} font-size="10" text-anchor="end" fill="#1a1a1a">
            {last}
          </text>
        )}
        <line x1={r(startX)} x2={r(startX)} y1={PAD.top - 4} y2={H - PAD.bottom} stroke="#8a3b00" stroke-dasharray="2 3" />
        <text x={r(startX)} y={PAD.top - 8} font-size="10" text-anchor="middle" fill="#8a3b00">
          {t('evaluation.results.chart.start')}
        </text>
        <g font-size="10" fill="#1a1a1a">
          <line x1={PAD.left} x2={PAD.left + 18} y1={10} y2={10} stroke="#1f4e79" stroke-width="2" />
          <text x={PAD.left + 22} y={13}>
            {t('evaluation.results.chart.intervention')}
          </text>
          <line x1={PAD.left + 150} x2={PAD.left + 168} y1={10} y2={10} stroke="#5a5a5a" stroke-width="2" stroke-dasharray="5 3" />
          <text x={PAD.left + 172} y={13}>
            {t('evaluation.results.chart.comparison')}
          </text>
        </g>
        {segments(
          means.map((m) => m.comparison),
          g,
        ).map((s) => (
          <polyline points={s} fill="none" stroke="#5a5a5a" stroke-width="2" stroke-dasharray="5 3" />
        ))}
        {segments(
          means.map((m) => m.intervention),
          g,
        ).map((s) => (
          <polyline points={s} fill="none" stroke="#1f4e79" stroke-width="2" />
        ))}
        {means.map((m, i) =>
          m.comparison !== null ? <rect x={r(g.x(i)) - 3} y={r(g.y(m.comparison)) - 3} width="6" height="6" fill="#5a5a5a" /> : null,
        )}
        {means.map((m, i) =>
          m.intervention !== null ? <circle cx={r(g.x(i))} cy={r(g.y(m.intervention))} r="3.5" fill="#1f4e79" /> : null,
        )}
      </svg>
      <div class="table-scroll">
        <table class="data-table data-table--reflow utrecht-table">
          <caption>{t('evaluation.results.chart.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evaluation.results.chart.period')}</th>
              <th scope="col">{t('evaluation.results.chart.phase')}</th>
              <th scope="col">{t('evaluation.results.chart.intervention')}</th>
              <th scope="col">{t('evaluation.results.chart.comparison')}</th>
            </tr>
          </thead>
          <tbody>
            {means.map((m) => (
              <tr>
                <th scope="row" data-label={t('evaluation.results.chart.period')}>
                  {m.period}
                </th>
                <td data-label={t('evaluation.results.chart.phase')}>{phase(m)}</td>
                <td data-label={t('evaluation.results.chart.intervention')}>{cell(m.intervention)}</td>
                <td data-label={t('evaluation.results.chart.comparison')}>{cell(m.comparison)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
