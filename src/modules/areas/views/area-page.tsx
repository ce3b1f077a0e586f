import type { VNode } from 'preact';
import type { ViewContext } from '../../../ui/context.ts';
import type { Area } from '../areas.service.ts';
import { AreaMap, type MapShape } from './area-map.tsx';
import { KeyFigures } from './stats.tsx';

export interface AreaPageProps {
  ctx: ViewContext;
  slug: string;
  area: Area;
  /** Buurten of a wijk, wijken of the municipality; empty for a buurt. */
  children: Area[];
  /** The wijk of a buurt, drawn as outline. */
  parent: Area | null;
  /** Sections contributed by other modules, already rendered. */
  sections: VNode[];
}

/** The neighbourhood page: name, key figures, map, the areas below it and the modules' sections. */
export function AreaPage({ ctx, slug, area, children, parent, sections }: AreaPageProps) {
  const { t } = ctx;
  const href = (code: string) => `/${slug}/wijken/${code}`;
  const shapes: MapShape[] =
    children.length > 0
      ? children.map((c) => ({ code: c.code, name: c.name, geometry: c.geometry, href: href(c.code) }))
      : [{ code: area.code, name: area.name, geometry: area.geometry, current: true }];
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
        <p class="notice" role="note">
          {t('areas.page.approximate', { year: area.year })}
        </p>
      )}
      <div class="area-overview">
        <KeyFigures ctx={ctx} stats={area.stats} />
        <AreaMap
          id="map-area"
          title={t('areas.map.title', { name: area.name })}
          desc={children.length > 0 ? t('areas.map.desc', { count: children.length }) : t('areas.map.buurtDesc', { name: area.name })}
          shapes={shapes}
          outline={children.length > 0 ? area.geometry : (parent?.geometry ?? null)}
        />
      </div>
      {area.level !== 'neighbourhood' && (
        <section class="section" aria-labelledby="sub-areas">
          <h2 class="utrecht-heading-2" id="sub-areas">
            {area.level === 'district' ? t('areas.page.neighbourhoods', { name: area.name }) : t('areas.home.districts', { name: area.name })}
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
      {sections}
    </>
  );
}
