import '../areas.messages.ts';
import './page.messages.ts';
import type { VNode } from 'preact';
import { formatDateTime } from '../../../platform/i18n/index.ts';
import { COHESION_FUNCTIONS, type CohesionFunction } from '../../../platform/module.ts';
import type { ViewContext } from '../../../ui/context.ts';
import type { AreaFigures, FigureCell } from '../../../ui/charts/area-figures.ts';
import { Choropleth, type ChoroplethDrawing } from '../../../ui/charts/choropleth.tsx';
import { formatFigure } from '../../../ui/charts/format.ts';

/** One rendered section of the neighbourhood page, with the block it belongs in (`fn` null: after the four functions). */
export interface PageSection {
  id: string;
  fn: CohesionFunction | 'overview' | null;
  node: VNode;
}

/** Sections as the route passes them; plain nodes (the route before the summaries) count as sections without a function. */
export function asPageSections(sections: readonly PageSection[] | readonly VNode[]): PageSection[] {
  return sections.map((s, i) => ('node' in s && 'fn' in s ? (s as PageSection) : { id: `section-${i}`, fn: null, node: s as VNode }));
}

/** "Bijgewerkt op …" from the summaries' moment, or that nothing is computed yet. */
export function UpdatedAt({ ctx, computedAt }: { ctx: ViewContext; computedAt: Date | null }) {
  return (
    <p class="utrecht-paragraph area-updated">
      {computedAt ? ctx.t('areas.blocks.updated', { when: formatDateTime(ctx.locale, computedAt) }) : ctx.t('areas.blocks.notComputed')}
    </p>
  );
}

/**
 * The page around the four functions of cohesion: the overview sections first, then a block per
 * function (heading, what it means, its sections — or honestly "Nog geen gegevens" and what would
 * fill it). The sections without a function follow later on the page (`OtherSections`).
 */
export function FunctionBlocks({ ctx, sections }: { ctx: ViewContext; sections: readonly PageSection[] }) {
  const { t } = ctx;
  const of = (fn: PageSection['fn']) => sections.filter((s) => s.fn === fn).map((s) => s.node);
  const overview = of('overview');
  return (
    <>
      {overview.length > 0 && (
        <section class="section area-block area-block--overview" aria-labelledby="block-overview">
          <h2 class="utrecht-heading-2" id="block-overview">
            {t('areas.blocks.overview')}
          </h2>
          {overview}
        </section>
      )}
      {COHESION_FUNCTIONS.map((fn) => {
        const nodes = of(fn);
        return (
          <section class={`section area-block area-block--${fn}`} aria-labelledby={`block-${fn}`}>
            <h2 class="utrecht-heading-2" id={`block-${fn}`}>
              {t(`areas.home.fn.${fn}`)}
            </h2>
            <p class="utrecht-paragraph area-block__explain">{t(`areas.blocks.explain.${fn}`)}</p>
            {nodes.length > 0 ? (
              nodes
            ) : (
              <p class="utrecht-paragraph area-block__empty">
                <strong>{t('areas.blocks.noData')}</strong> {t(`areas.blocks.fill.${fn}`)}
              </p>
            )}
          </section>
        );
      })}
    </>
  );
}

/** The sections without a function (after the four blocks), each as its module renders it. */
export function OtherSections({ sections }: { sections: readonly PageSection[] }) {
  const rest = sections.filter((s) => s.fn === null).map((s) => s.node);
  return rest.length > 0 ? <>{rest}</> : null;
}

/** A figure of an area as text: with unit and demo label, "te weinig antwoorden" when suppressed (never a number). */
export function cellText(ctx: ViewContext, ind: AreaFigures['indicators'][number], cell: FigureCell | undefined): string {
  const { t } = ctx;
  if (!cell || cell.status === 'unknown' || (cell.status === 'ok' && cell.value === null)) return t('areas.blocks.none');
  if (cell.status === 'suppressed' || cell.value === null) return t('areas.blocks.suppressed');
  return `${formatFigure(ctx, ind.unit, ind.decimals, cell.value)}${cell.isDemo ? ` (${t('areas.blocks.demo')})` : ''}`;
}

/** The figure the map shows: the one asked for (`?indicator=`), else the first headline, else the first. */
export function chosenIndicator(figures: AreaFigures, asked: string | null | undefined) {
  return figures.indicators.find((i) => i.code === asked) ?? figures.indicators.find((i) => i.headlineOf) ?? figures.indicators[0] ?? null;
}

/** The areas below coloured by one figure (choropleth with legend, patterns and table), chosen with a plain form. */
export function FiguresMap({
  ctx,
  id,
  figures,
  drawing,
  areas,
  indicator,
}: {
  ctx: ViewContext;
  id: string;
  figures: AreaFigures | null | undefined;
  drawing: ChoroplethDrawing | null;
  areas: readonly { code: string; name: string }[];
  indicator: string | null | undefined;
}) {
  if (!figures) return null;
  const chosen = chosenIndicator(figures, indicator);
  if (!chosen || areas.length === 0) return null;
  const name = (i: { nameNl: string; nameEn: string }) => (ctx.locale === 'en' ? i.nameEn || i.nameNl : i.nameNl);
  const cells = figures.values[chosen.code] ?? {};
  const values = areas.map((a) => {
    const cell = cells[a.code];
    return {
      code: a.code,
      name: a.name,
      value: cell && cell.status === 'ok' ? cell.value : null,
      status: cell ? cell.status : ('unknown' as const),
      isDemo: cell?.isDemo ?? false,
    };
  });
  return (
    <section class="section" aria-labelledby={`${id}-heading`}>
      <h2 class="utrecht-heading-2" id={`${id}-heading`}>
        {ctx.t('areas.blocks.mapTitle')}
      </h2>
      <Choropleth
        ctx={ctx}
        id={id}
        name={name(chosen)}
        drawing={drawing}
        values={values}
        format={(n) => formatFigure(ctx, chosen.unit, chosen.decimals, n)}
        cellText={(v) => cellText(ctx, chosen, cells[v.code])}
        indicators={figures.indicators.map((i) => ({ code: i.code, label: name(i) }))}
        selected={chosen.code}
      />
    </section>
  );
}
