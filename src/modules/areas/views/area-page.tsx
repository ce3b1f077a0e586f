import type { VNode } from 'preact';
import type { ViewContext } from '../../../ui/context.ts';
import type { AreaFigures } from '../../../ui/charts/area-figures.ts';
import type { AreaInfo } from '../areas.service.ts';
import { AreaMap, type MapDrawing } from './area-map.tsx';
import { asPageSections, FiguresMap, FunctionBlocks, OtherSections, UpdatedAt, type PageSection } from './page-blocks.tsx';
import { KeyFigures } from './stats.tsx';

export type { PageSection } from './page-blocks.tsx';

export interface AreaPageProps {
  ctx: ViewContext;
  slug: string;
  area: AreaInfo;
  /** The wijk of a buurt (its figures stand in when the buurt has none), the municipality of a wijk. */
  parent?: AreaInfo | null;
  /** Buurten of a wijk, wijken of the municipality; empty for a buurt. */
  children: readonly AreaInfo[];
  /** The children on the area as outline, or a buurt highlighted on its wijk (cached per tenant). */
  drawing: MapDrawing | null;
  /** The modules' sections, rendered from their summaries, in order, each with its function (plain nodes: no function). */
  sections: readonly PageSection[] | readonly VNode[];
  /** When the summaries shown were computed (the oldest); null: nothing computed yet. */
  computedAt?: Date | null;
  /** Figures of the areas below (the monitor's overview summary), for the map per figure. */
  figures?: AreaFigures | null;
  /** The figure asked for on the map (`?indicator=code`). */
  indicator?: string | null;
}

/**
 * The neighbourhood page: name, key figures, map, when its figures were computed, the overview,
 * a block per function of cohesion (ontmoeten, kennen, helpen, samen doen) with the modules'
 * sections, the map per figure of the areas below, the areas below, and the other sections.
 */
export function AreaPage({ ctx, slug, area, parent, children, drawing, sections, computedAt = null, figures, indicator }: AreaPageProps) {
  const { t } = ctx;
  const all = asPageSections(sections);
  const href = (code: string) => `/${slug}/wijken/${code}`;
  return (
    <>
      <h1 class="utrecht-heading-1">{area.name}</h1>
      <dl class="area-facts">
        <dt>{t('areas.page.level')}</dt>
        <dd>{t(`areas.level.${area.level}`)}</dd>
        <dt>{t('areas.page.code')}</dt>
        <dd>{area.code}</dd>
        <dt>{t('areas.page.year')}</dt>
        <dd>{area.year}</dd>
      </dl>
      {area.approximate && (
        <p class="notice notice--warning" role="note">
          {t('areas.page.approximate', { year: area.year })}
        </p>
      )}
      <div class="area-overview">
        <KeyFigures
          ctx={ctx}
          stats={area.stats}
          standIn={parent && area.level === 'neighbourhood' ? { area: parent, href: href(parent.code) } : null}
        />
        <AreaMap
          id="map-area"
          title={t('areas.map.title', { name: area.name })}
          desc={children.length > 0 ? t('areas.map.desc', { count: children.length }) : t('areas.map.buurtDesc', { name: area.name })}
          drawing={drawing}
        />
      </div>
      <UpdatedAt ctx={ctx} computedAt={computedAt} />
      <FunctionBlocks ctx={ctx} sections={all} />
      {area.level !== 'neighbourhood' && (
        <FiguresMap ctx={ctx} id="figures-map" figures={figures} drawing={drawing} areas={children} indicator={indicator} />
      )}
      {area.level !== 'neighbourhood' && (
        <section class="section" aria-labelledby="sub-areas">
          <h2 class="utrecht-heading-2" id="sub-areas">
            {area.level === 'district'
              ? t('areas.page.neighbourhoods', { name: area.name })
              : t('areas.home.districts', { name: area.name })}
          </h2>
          {children.length === 0 ? (
            <p class="utrecht-paragraph">{t('areas.page.noNeighbourhoods')}</p>
          ) : (
            <ul class="utrecht-unordered-list">
              {children.map((c) => (
                <li>
                  <a class="utrecht-link" href={href(c.code)}>
                    {c.name}
                  </a>
                  {c.approximate && ` (${t('areas.page.approximateShort')})`}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <OtherSections sections={all} />
    </>
  );
}
