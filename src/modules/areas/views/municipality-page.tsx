import type { ViewContext } from '../../../ui/context.ts';
import type { CohesionFunction } from '../../../platform/module.ts';
import type { AreaInfo } from '../areas.service.ts';
import { AreaMap, type MapDrawing } from './area-map.tsx';
import { formatStat } from './stats.tsx';

/** The municipality home: intro with the four functions, a map of the wijken and the same wijken as a table. */
export function MunicipalityPage({
  ctx,
  slug,
  name,
  districts,
  drawing,
  functions,
}: {
  ctx: ViewContext;
  slug: string;
  name: string;
  districts: readonly AreaInfo[];
  /** The wijken projected (cached per tenant); null when none has a boundary. */
  drawing: MapDrawing | null;
  /** The four functions of cohesion in order, each with where a resident starts; null when no module serves it yet. */
  functions: readonly { fn: CohesionFunction; href: string | null }[];
}) {
  const { t } = ctx;
  const href = (code: string) => `/${slug}/wijken/${code}`;
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
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
      </section>
    </>
  );
}
