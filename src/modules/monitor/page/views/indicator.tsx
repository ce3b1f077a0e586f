import '../page.messages.ts';
import type { ViewContext } from '../../../../ui/context.ts';
import { formatFigure } from '../../../../ui/charts/format.ts';
import { TrendChart } from '../../../../ui/charts/trend-chart.tsx';
import type { IndicatorSummary, PointData, SimilarBasis } from '../page.types.ts';

/** The name of an indicator in the reader's language. */
export const nameOf = (ctx: ViewContext, s: { nameNl: string; nameEn: string }) => (ctx.locale === 'en' ? s.nameEn || s.nameNl : s.nameNl);

/** A point as text: the figure with its unit and the demo label, or "te weinig antwoorden" (never a number) when suppressed. */
export function pointText(ctx: ViewContext, s: Pick<IndicatorSummary, 'unit' | 'decimals'>, p: PointData): string {
  const { t } = ctx;
  if (p.status === 'suppressed') return t('monitor.page.suppressed');
  if (p.status !== 'ok' || p.value === null) return t('charts.trend.unknown');
  return `${formatFigure(ctx, s.unit, s.decimals, p.value)}${p.isDemo ? ` (${t('monitor.page.demo')})` : ''}`;
}

/** Which areas the similar-areas figure compares with, in words. */
export function SimilarNote({ ctx, similar }: { ctx: ViewContext; similar: SimilarBasis }) {
  const { t } = ctx;
  const text =
    similar.basis === 'urbanity'
      ? t('monitor.page.similar.urbanity', { group: similar.group ?? '' })
      : similar.basis === 'density' && (similar.group === 'low' || similar.group === 'medium' || similar.group === 'high')
        ? t('monitor.page.similar.density', { group: t(`monitor.page.band.${similar.group}`) })
        : t('monitor.page.similar.none');
  return <p class="utrecht-paragraph monitor-similar">{text}</p>;
}

/** One indicator: the latest figure with period and CI, the comparisons, the target and its course, the trend. */
export function IndicatorBlock({ ctx, s, idPrefix }: { ctx: ViewContext; s: IndicatorSummary; idPrefix: string }) {
  const { t } = ctx;
  const latest = s.latest;
  if (!latest) return null;
  const fmt = (v: number) => formatFigure(ctx, s.unit, s.decimals, v);
  const id = `${idPrefix}-${s.code}`;
  return (
    <div class="monitor-indicator">
      <h4 class="utrecht-heading-4" id={`${id}-h`}>
        {nameOf(ctx, s)}
      </h4>
      <dl class="key-figures">
        <dt>{t('monitor.page.latest')}</dt>
        <dd>
          <strong>{pointText(ctx, s, latest)}</strong>, {t('monitor.page.period', { period: latest.period })}
          {latest.status === 'ok' && latest.ciLow !== null && latest.ciHigh !== null && (
            <>
              <br />
              {t('monitor.page.ci', { low: fmt(latest.ciLow), high: fmt(latest.ciHigh) })}
            </>
          )}
          {latest.status === 'suppressed' && (
            <>
              <br />
              {t('monitor.page.suppressedNote')}
            </>
          )}
        </dd>
        {s.municipality && (
          <>
            <dt>{t('monitor.page.municipality')}</dt>
            <dd>{pointText(ctx, s, s.municipality)}</dd>
          </>
        )}
        {s.similar && (
          <>
            <dt>{t('monitor.page.similar')}</dt>
            <dd>{t('monitor.page.similarValue', { value: fmt(s.similar.value), count: s.similar.areas })}</dd>
          </>
        )}
        {s.class && (
          <>
            <dt>{t('monitor.page.compare')}</dt>
            <dd>{t(`monitor.page.class.${s.class}`)}</dd>
          </>
        )}
        {s.target && (
          <>
            <dt>{t('monitor.page.target')}</dt>
            <dd>
              {t(s.target.comparator === 'at_least' ? 'monitor.page.target.atLeast' : 'monitor.page.target.atMost', {
                value: fmt(s.target.value),
                year: s.target.year,
              })}
              {s.target.municipalityWide && ` ${t('monitor.page.target.municipalityWide')}`}
              {s.target.isDemo && ` (${t('monitor.page.demo')})`}
              <br />
              <span class={`monitor-course monitor-course--${s.target.course}`}>{t(`monitor.page.course.${s.target.course}`)}</span>
            </dd>
          </>
        )}
      </dl>
      {s.series.length > 1 && (
        <TrendChart ctx={ctx} id={`${id}-trend`} name={nameOf(ctx, s)} points={s.series} format={fmt} target={s.target?.value ?? null} />
      )}
      {s.olderCodes && s.olderCodes.length > 0 && (
        <p class="utrecht-paragraph monitor-source">{t('monitor.page.olderCodes', { codes: s.olderCodes.join(', ') })}</p>
      )}
    </div>
  );
}

/**
 * At most this many indicators of a function get the full block (figure, comparisons, target,
 * trend chart and table); the others are one row each in a table under "Meer cijfers". A
 * municipality may keep a hundred indicators: a page with a hundred charts is neither readable
 * nor fast (docs/neighbourhood-page.md).
 */
export const MAX_FULL_INDICATORS = 4;

const SOURCE_RANK: Record<IndicatorSummary['source'], number> = { survey: 0, platform: 1, import: 2, cbs: 3 };

/** Which indicators get the full block: those with a target first, then surveys, our own data, imports, CBS; otherwise in their order. */
export function splitShown<T extends Pick<IndicatorSummary, 'target' | 'source'>>(shown: readonly T[]): { full: T[]; rest: T[] } {
  const ranked = shown
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (a.s.target ? 0 : 1) - (b.s.target ? 0 : 1) || SOURCE_RANK[a.s.source] - SOURCE_RANK[b.s.source] || a.i - b.i);
  const full = new Set(ranked.slice(0, MAX_FULL_INDICATORS).map((r) => r.s));
  return { full: shown.filter((s) => full.has(s)), rest: shown.filter((s) => !full.has(s)) };
}

/** Indicators as one row each: name, latest figure, period and (below the municipality) the municipality's figure. */
export function FiguresTable({
  ctx,
  rows,
  isMuni,
  caption,
  showTheme,
}: {
  ctx: ViewContext;
  rows: readonly IndicatorSummary[];
  isMuni: boolean;
  caption: string;
  showTheme: boolean;
}) {
  const { t } = ctx;
  return (
    <div class="table-scroll">
      <table class="data-table data-table--reflow utrecht-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('monitor.page.indicator')}</th>
            <th scope="col">{t('monitor.page.value')}</th>
            <th scope="col">{t('charts.trend.period')}</th>
            {!isMuni && <th scope="col">{t('monitor.page.municipality')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr>
              <th scope="row" data-label={t('monitor.page.indicator')}>
                {nameOf(ctx, s)}
                {showTheme && (
                  <>
                    {' '}
                    <span class="monitor-theme">({t(`monitor.page.theme.${s.theme}`)})</span>
                  </>
                )}
              </th>
              <td data-label={t('monitor.page.value')}>{s.latest ? pointText(ctx, s, s.latest) : '—'}</td>
              <td data-label={t('charts.trend.period')}>{s.latest?.period ?? '—'}</td>
              {!isMuni && <td data-label={t('monitor.page.municipality')}>{s.municipality ? pointText(ctx, s, s.municipality) : '—'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
