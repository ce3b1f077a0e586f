import type { VNode } from 'preact';
import type { ViewContext } from '../../../ui/context.ts';
import { COHESION_FUNCTIONS, type CohesionFunction } from '../../../platform/module.ts';
import type { AreaFigures } from '../../../ui/charts/area-figures.ts';
import type { AreaInfo } from '../areas.service.ts';
import { AreaMap, type MapDrawing } from './area-map.tsx';
import { asPageSections, cellText, FiguresMap, FunctionBlocks, OtherSections, UpdatedAt, type PageSection } from './page-blocks.tsx';
import { formatStat } from './stats.tsx';

/**
 * The municipality home: intro with the four functions, a map of the wijken and the same wijken as
 * a table (with each function's headline figure and how the wijk compares, when the monitor has
 * figures), the map per figure, and the municipality's own sections in the four functions' blocks.
 */
export function MunicipalityPage({
  ctx,
  slug,
  name,
  districts,
  drawing,
  functions,
  sections = [],
  computedAt = null,
  figures,
  indicator,
}: {
  ctx: ViewContext;
  slug: string;
  name: string;
  districts: readonly AreaInfo[];
  /** The wijken projected (cached per tenant); null when none has a boundary. */
  drawing: MapDrawing | null;
  /** The four functions of cohesion in order, each with where a resident starts; null when no module serves it yet. */
  functions: readonly { fn: CohesionFunction; href: string | null }[];
  /** The municipality area's sections, rendered from their summaries (plain nodes: no function). */
  sections?: readonly PageSection[] | readonly VNode[];
  /** When the summaries shown were computed; null: nothing computed yet. */
  computedAt?: Date | null;
  /** Figures of the wijken (the monitor's overview summary of the municipality). */
  figures?: AreaFigures | null;
  /** The figure asked for on the map (`?indicator=code`). */
  indicator?: string | null;
}) {
  const { t } = ctx;
  const href = (code: string) => `/${slug}/wijken/${code}`;
  const all = asPageSections(sections);
  const headlines = COHESION_FUNCTIONS.flatMap((fn) => {
    const ind = figures?.indicators.find((i) => i.headlineOf === fn);
    return ind
      ? [
          {
            fn,
            ind,
            label: t('areas.blocks.headline', { fn: t(`areas.home.fn.${fn}`), name: ctx.locale === 'en' ? ind.nameEn : ind.nameNl }),
          },
        ]
      : [];
  });
  const classed = figures ? districts.some((d) => figures.classes[d.code]) : false;
  return (
    <>
      <h1 class="utrecht-heading-1">{name}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{t('areas.home.intro', { name })}</p>
      <h2 class="utrecht-heading-2">{t('areas.home.functions')}</h2>
      <ul class="utrecht-unordered-list home-functions">
        {functions.map(({ fn, href }) => (
          <li>
            {href ? (
              <a class="utrecht-link" href={href}>
                {t(`areas.home.fn.${fn}`)}
              </a>
            ) : (
              <strong>{t(`areas.home.fn.${fn}`)}</strong>
            )}
            : {t(`areas.home.fnText.${fn}`)}
            {!href && ` ${t('areas.home.fnSoon')}`}
          </li>
        ))}
      </ul>
      <section class="section" aria-labelledby="districts">
        <h2 class="utrecht-heading-2" id="districts">
          {t('areas.home.districts', { name })}
        </h2>
        {districts.length === 0 ? (
          <p class="utrecht-paragraph">{t('areas.home.noDistricts')}</p>
        ) : (
          <div class="area-overview">
            <AreaMap
              id="map-districts"
              title={t('areas.map.title', { name })}
              desc={t('areas.map.desc', { count: districts.length })}
              drawing={drawing}
            />
            <div class="table-scroll">
              <table class="data-table data-table--reflow utrecht-table">
                <caption>{t('areas.table.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('areas.table.name')}</th>
                    <th scope="col" class="num">
                      {t('areas.stat.inhabitants')}
                    </th>
                    <th scope="col" class="num">
                      {t('areas.stat.pct65plus')}
                    </th>
                    <th scope="col" class="num">
                      {t('areas.stat.households')}
                    </th>
                    {headlines.map((h) => (
                      <th scope="col">{h.label}</th>
                    ))}
                    {classed && <th scope="col">{t('areas.blocks.class')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {districts.map((d) => (
                    <tr>
                      <th scope="row">
                        <a class="utrecht-link" href={href(d.code)}>
                          {d.name}
                        </a>
                      </th>
                      <td class="num" data-label={t('areas.stat.inhabitants')}>
                        {formatStat(ctx, d.stats, 'inhabitants')}
                      </td>
                      <td class="num" data-label={t('areas.stat.pct65plus')}>
                        {formatStat(ctx, d.stats, 'age65plus')}
                      </td>
                      <td class="num" data-label={t('areas.stat.households')}>
                        {formatStat(ctx, d.stats, 'households')}
                      </td>
                      {headlines.map((h) => (
                        <td data-label={h.label}>{cellText(ctx, h.ind, figures?.values[h.ind.code]?.[d.code])}</td>
                      ))}
                      {classed && (
                        <td data-label={t('areas.blocks.class')}>
                          {figures?.classes[d.code]
                            ? t(`areas.blocks.class.${figures.classes[d.code] as 'above' | 'around' | 'below'}`)
                            : '—'}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
      </section>
      <FiguresMap ctx={ctx} id="figures-map" figures={figures} drawing={drawing} areas={districts} indicator={indicator} />
      {all.length > 0 && (
        <>
          <UpdatedAt ctx={ctx} computedAt={computedAt} />
          <FunctionBlocks ctx={ctx} sections={all} />
          <OtherSections sections={all} />
        </>
      )}
    </>
  );
}
