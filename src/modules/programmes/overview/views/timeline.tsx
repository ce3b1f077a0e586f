import type { ViewContext } from '../../../../ui/context.ts';
import type { OverviewCard } from '../overview.service.ts';

/** A card's bars on the timeline, in years from the start of the axis (fractions of a year). */
export interface TimelineRow {
  id: string;
  number: string;
  planned: { from: number; to: number; open: boolean } | null;
  actual: { from: number; to: number; open: boolean } | null;
}

/** 'YYYY-MM-DD' as a year with a fraction (start of that day); `end` gives the end of the day. */
export function yearPosition(day: string, end = false): number {
  const y = Number(day.slice(0, 4));
  const start = Date.UTC(y, 0, 1);
  const next = Date.UTC(y + 1, 0, 1);
  const at = Date.UTC(y, Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) + (end ? 86_400_000 : 0);
  return y + (at - start) / (next - start);
}

/**
 * The axis (whole years, first to last inclusive) and one row per card: a planned bar when the
 * planned start is known (open-ended without an end: to the axis' end), an actual bar when it
 * started (still running without an actual end: open, up to `today` or the planned end).
 */
export function timelineGeometry(
  cards: readonly Pick<OverviewCard, 'id' | 'number' | 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd'>[],
  programme: { startYear: number; endYear: number | null },
): { first: number; last: number; rows: TimelineRow[] } {
  const years: number[] = [programme.startYear];
  if (programme.endYear !== null) years.push(programme.endYear);
  for (const c of cards) {
    for (const d of [c.plannedStart, c.plannedEnd, c.actualStart, c.actualEnd]) if (d) years.push(Number(d.slice(0, 4)));
  }
  const first = Math.min(...years);
  const last = Math.max(...years);
  const edge = last + 1;
  const bar = (from: string | null, to: string | null, fallbackEnd: string | null) => {
    if (!from) return null;
    const end = to ?? fallbackEnd;
    return { from: yearPosition(from), to: end ? Math.max(yearPosition(end, true), yearPosition(from)) : edge, open: to === null };
  };
  return {
    first,
    last,
    rows: cards.map((c) => ({
      id: c.id,
      number: c.number,
      planned: bar(c.plannedStart, c.plannedEnd, null),
      actual: bar(c.actualStart, c.actualEnd, c.plannedEnd),
    })),
  };
}

const LEFT = 56;
const RIGHT = 16;
const W = 640;
const ROW = 34;
const TOP = 26;
const r = (n: number) => Math.round(n * 10) / 10;

/** How a card's period reads in the table (the same facts the bars draw). */
export function periodLabel(ctx: ViewContext, from: string | null, to: string | null, kind: 'planned' | 'actual'): string {
  const { t } = ctx;
  if (!from) return t('programmes.overview.planning.none');
  if (to) return t('programmes.overview.planning.range', { from, to });
  return t(kind === 'planned' ? 'programmes.overview.planning.openEnded' : 'programmes.overview.planning.running', { from });
}

/**
 * The planning as an accessible SVG (role img with a title and a description) with a table of the
 * same data beside it: the table is the equivalent, the chart a picture of it. Planned bars are
 * outlined, actual bars filled and hatched below them (never colour alone); an open end is an arrow.
 */
export function Timeline({
  ctx,
  id,
  name,
  cards,
  programme,
}: {
  ctx: ViewContext;
  id: string;
  name: string;
  cards: readonly OverviewCard[];
  programme: { startYear: number; endYear: number | null };
}) {
  const { t, locale } = ctx;
  const g = timelineGeometry(cards, programme);
  const span = g.last + 1 - g.first;
  const x = (pos: number) => r(LEFT + ((pos - g.first) / span) * (W - LEFT - RIGHT));
  const H = TOP + Math.max(1, g.rows.length) * ROW + 8;
  const years = Array.from({ length: span + 1 }, (_, i) => g.first + i);
  const title = (c: OverviewCard) => (locale === 'en' && c.titleEn) || c.titleNl;
  const anyBar = g.rows.some((row) => row.planned !== null);
  return (
    <div class="pg-timeline">
      <svg
        class="pg-timeline__chart"
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>{name}</title>
        <desc id={`${id}-desc`}>{t('programmes.overview.planning.desc', { first: g.first, last: g.last })}</desc>
        <defs>
          <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#1f4e79" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2" />
          </pattern>
        </defs>
        {years.map((y, i) => (
          <g>
            <line x1={x(y)} x2={x(y)} y1={TOP - 6} y2={H - 4} stroke="#8c8c8c" stroke-dasharray="2 3" />
            {i < years.length - 1 && (
              <text x={r((x(y) + x(y + 1)) / 2)} y={TOP - 10} font-size="11" text-anchor="middle" fill="#1a1a1a">
                {y}
              </text>
            )}
          </g>
        ))}
        {g.rows.map((row, i) => {
          const y0 = TOP + i * ROW;
          return (
            <g data-card={row.number}>
              <text x={LEFT - 6} y={y0 + 17} font-size="12" text-anchor="end" fill="#1a1a1a">
                {row.number}
              </text>
              {row.planned && (
                <rect
                  class="pg-bar pg-bar--planned"
                  x={x(row.planned.from)}
                  y={y0 + 4}
                  width={Math.max(2, r(x(row.planned.to) - x(row.planned.from)))}
                  height="12"
                  fill="#ffffff"
                  stroke="#1f4e79"
                  stroke-width="2"
                  stroke-dasharray={row.planned.open ? '6 3' : undefined}
                />
              )}
              {row.planned?.open && (
                <text x={W - RIGHT + 2} y={y0 + 15} font-size="12" fill="#1f4e79">
                  →
                </text>
              )}
              {row.actual && (
                <rect
                  class="pg-bar pg-bar--actual"
                  x={x(row.actual.from)}
                  y={y0 + 19}
                  width={Math.max(2, r(x(row.actual.to) - x(row.actual.from)))}
                  height="8"
                  fill={`url(#${id}-hatch)`}
                  stroke="#1f4e79"
                />
              )}
            </g>
          );
        })}
      </svg>
      <p class="pg-timeline__legend" aria-hidden="true">
        <span class="pg-key pg-key--planned" /> {t('programmes.overview.planning.legendPlanned')} <span class="pg-key pg-key--actual" />{' '}
        {t('programmes.overview.planning.legendActual')}
      </p>
      {!anyBar && <p class="utrecht-paragraph">{t('programmes.overview.planning.noBars')}</p>}
      <div class="table-scroll">
        <table class="data-table data-table--reflow pg-timeline__table">
          <caption>{t('programmes.overview.planning.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('programmes.overview.planning.project')}</th>
              <th scope="col">{t('programmes.overview.planning.planned')}</th>
              <th scope="col">{t('programmes.overview.planning.actual')}</th>
              <th scope="col">{t('programmes.overview.planning.periodText')}</th>
              <th scope="col">{t('programmes.overview.planning.status')}</th>
            </tr>
          </thead>
          <tbody>
            {cards.map((c) => (
              <tr data-card={c.number}>
                <th scope="row" data-label={t('programmes.overview.planning.project')}>
                  {c.number}. {title(c)}
                </th>
                <td data-label={t('programmes.overview.planning.planned')}>{periodLabel(ctx, c.plannedStart, c.plannedEnd, 'planned')}</td>
                <td data-label={t('programmes.overview.planning.actual')}>{periodLabel(ctx, c.actualStart, c.actualEnd, 'actual')}</td>
                <td data-label={t('programmes.overview.planning.periodText')}>{c.periodText || '—'}</td>
                <td data-label={t('programmes.overview.planning.status')}>{t(`programmes.overview.status.${c.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
