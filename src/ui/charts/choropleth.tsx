import './charts.messages.ts';
import type { ViewContext } from '../context.ts';

/** A map already projected (the areas module's MapDrawing fits): path data per area. */
export interface ChoroplethDrawing {
  width: number;
  height: number;
  outline: string | null;
  shapes: readonly { code: string; name: string; href?: string; d: string }[];
}

/** The figure of one area; none when suppressed or unknown (such an area is drawn as "no figure"). */
export interface ChoroplethValue {
  code: string;
  name: string;
  value: number | null;
  status: 'ok' | 'suppressed' | 'unknown';
  isDemo?: boolean;
  period?: string;
}

export interface ChoroplethClass {
  low: number;
  high: number;
}

/**
 * Classes of about equal size (quantiles) over the known values, at most `k`; equal values always
 * land in one class. With `k` or fewer distinct values, each value is its own class.
 */
export function classBreaks(values: readonly number[], k = 4): ChoroplethClass[] {
  const sorted = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const distinct = [...new Set(sorted)];
  if (distinct.length <= k) return distinct.map((v) => ({ low: v, high: v }));
  const highs: number[] = [];
  for (let i = 1; i <= k; i++) {
    const high = sorted[Math.ceil((i * sorted.length) / k) - 1] as number;
    if (highs[highs.length - 1] !== high) highs.push(high);
  }
  return highs.map((high, i) => ({
    low: i === 0 ? (sorted[0] as number) : (sorted.find((v) => v > (highs[i - 1] as number)) as number),
    high,
  }));
}

/** The class (0-based) a value falls in, or null when it has none. */
export function classOf(value: number | null, classes: readonly ChoroplethClass[]): number | null {
  if (value === null) return null;
  const i = classes.findIndex((c) => value <= c.high);
  return i === -1 ? null : i;
}

/** Light to dark blue, each with a pattern of its own, so colour is never the only cue. */
const FILLS = ['#deebf7', '#9ecae1', '#4292c6', '#08519c'] as const;
const INK = ['#08306b', '#08306b', '#ffffff', '#ffffff'] as const;

function Patterns({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={`${id}-p1`} width="8" height="8" patternUnits="userSpaceOnUse">
        <circle cx="4" cy="4" r="1.3" fill={INK[1]} />
      </pattern>
      <pattern id={`${id}-p2`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <line x1="0" y1="0" x2="0" y2="8" stroke={INK[2]} stroke-width="2" />
      </pattern>
      <pattern id={`${id}-p3`} width="8" height="8" patternUnits="userSpaceOnUse">
        <path d="M0 0L8 8M8 0L0 8" stroke={INK[3]} stroke-width="1.5" />
      </pattern>
      <pattern id={`${id}-none`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
        <line x1="0" y1="0" x2="0" y2="6" stroke="#767676" stroke-width="1" />
      </pattern>
    </defs>
  );
}

function fillOf(cls: number | null, classes: number): string {
  if (cls === null) return '#ffffff';
  // With fewer classes, spread them over the palette (2 classes: lightest and darkest).
  const idx = classes <= 1 ? 2 : Math.round((cls * (FILLS.length - 1)) / (classes - 1));
  return FILLS[idx] as string;
}
function patternOf(id: string, cls: number | null, classes: number): string | null {
  if (cls === null) return `url(#${id}-none)`;
  const idx = classes <= 1 ? 2 : Math.round((cls * (FILLS.length - 1)) / (classes - 1));
  return idx === 0 ? null : `url(#${id}-p${idx})`;
}

function Swatch({ id, cls, classes }: { id: string; cls: number | null; classes: number }) {
  const own = `${id}-s${cls ?? 'x'}`;
  const pattern = patternOf(own, cls, classes);
  return (
    <svg class="choropleth__swatch" width="28" height="18" viewBox="0 0 28 18" aria-hidden="true" focusable="false">
      <Patterns id={own} />
      <rect x="0.5" y="0.5" width="27" height="17" fill={fillOf(cls, classes)} stroke="#4d4d4d" />
      {pattern && <rect x="0.5" y="0.5" width="27" height="17" fill={pattern} />}
    </svg>
  );
}

/**
 * A map of areas coloured by one figure, in a few classes: each class has its colour, a pattern and
 * a number in the legend, and the same figures stand in a table below (the accessible equivalent).
 * A form (`?indicator=code`, no JavaScript) chooses the figure.
 */
export function Choropleth({
  ctx,
  id,
  name,
  drawing,
  values,
  format,
  cellText,
  indicators,
  selected,
}: {
  ctx: ViewContext;
  id: string;
  /** The figure's name (title of the map and the table). */
  name: string;
  drawing: ChoroplethDrawing | null;
  values: readonly ChoroplethValue[];
  /** A number of this figure with its unit (the legend's class bounds). */
  format: (n: number) => string;
  /** An area's figure in the table (with the demo label; "too few answers" when suppressed). */
  cellText: (v: ChoroplethValue) => string;
  /** The figures to choose from (code and label), for the form. */
  indicators: readonly { code: string; label: string }[];
  selected: string;
}) {
  const { t } = ctx;
  const byCode = new Map(values.map((v) => [v.code, v]));
  const classes = classBreaks(values.filter((v) => v.status === 'ok' && v.value !== null).map((v) => v.value as number));
  const cls = (v: ChoroplethValue | undefined) => (v && v.status === 'ok' ? classOf(v.value, classes) : null);
  const rangeText = (c: ChoroplethClass) => {
    const lo = format(c.low);
    const hi = format(c.high);
    return c.low === c.high ? lo : t('charts.map.classRange', { low: lo, high: hi });
  };
  return (
    <div class="choropleth">
      <form method="get" class="choropleth__form">
        <label for={`${id}-indicator`}>{t('charts.map.choose')}</label>{' '}
        <select id={`${id}-indicator`} name="indicator">
          {indicators.map((i) => (
            <option value={i.code} selected={i.code === selected}>
              {i.label}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {t('charts.map.show')}
        </button>
      </form>
      {drawing && (
        <svg
          class="area-map choropleth__map"
          xmlns="http://www.w3.org/2000/svg"
          viewBox={`0 0 ${drawing.width} ${drawing.height}`}
          width={drawing.width}
          height={drawing.height}
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
        >
          <title id={`${id}-title`}>{name}</title>
          <desc id={`${id}-desc`}>{t('charts.map.desc', { name, count: classes.length })}</desc>
          <Patterns id={id} />
          {drawing.outline !== null && <path d={drawing.outline} fill="#e8ecef" stroke="#4d4d4d" stroke-width="2" fill-rule="evenodd" />}
          {drawing.shapes.map((s) => {
            const c = cls(byCode.get(s.code));
            const pattern = patternOf(id, c, classes.length);
            return (
              <g>
                <path d={s.d} fill={fillOf(c, classes.length)} stroke="#1f4e79" stroke-width="1" fill-rule="evenodd" />
                {pattern && <path d={s.d} fill={pattern} stroke="none" fill-rule="evenodd" />}
              </g>
            );
          })}
        </svg>
      )}
      <h4 class="utrecht-heading-4">{t('charts.map.legend')}</h4>
      <ul class="choropleth__legend">
        {classes.map((c, i) => (
          <li>
            <Swatch id={id} cls={i} classes={classes.length} /> {t('charts.map.classLabel', { n: i + 1 })}: {rangeText(c)}
          </li>
        ))}
        <li>
          <Swatch id={id} cls={null} classes={classes.length} /> {t('charts.map.noValue')}
        </li>
      </ul>
      <div class="table-scroll">
        <table class="data-table data-table--reflow utrecht-table">
          <caption>{t('charts.map.tableCaption', { name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('charts.map.area')}</th>
              <th scope="col">{name}</th>
              <th scope="col">{t('charts.map.class')}</th>
            </tr>
          </thead>
          <tbody>
            {values.map((v) => {
              const c = cls(v);
              return (
                <tr>
                  <th scope="row" data-label={t('charts.map.area')}>
                    {v.name}
                  </th>
                  <td data-label={name}>{cellText(v)}</td>
                  <td data-label={t('charts.map.class')}>{c === null ? '—' : c + 1}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
