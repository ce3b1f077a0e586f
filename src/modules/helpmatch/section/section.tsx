import { formatNumber } from '../../../platform/i18n/index.ts';
import type { SummarySection } from '../../../platform/module.ts';
import { listAreas } from '../../areas/areas.service.ts';
import { neighbourhoodCounts, type AreaCounts } from '../engine/dashboard.ts';

/** What the area-summaries job stores: the counts, with the names of the buurten of the latent-help contacts. */
export interface HelpenSummary extends Omit<AreaCounts, 'latentByBuurt'> {
  latentByBuurt: { buurtCode: string; name: string; contacts: number }[];
}

/**
 * The "helpen" section of the neighbourhood page (function "help"): requests and offers, matches by
 * help type, hours and latent-help contacts per buurt. Counts only: no names, addresses or request
 * texts. Computed by the area-summaries job; `render` only shows the stored counts.
 */
export const helpenSection: SummarySection<HelpenSummary> = {
  id: 'helpen',
  order: 30,
  fn: 'help',
  async summarize({ db, tenantId, area, areaCodes }) {
    const c = await neighbourhoodCounts(db, tenantId, areaCodes);
    // Names of the buurten with contacts only (a buurt's own page needs no look-up).
    const names =
      c.latentByBuurt.length === 0 || area.level === 'neighbourhood'
        ? new Map([[area.code, area.name]])
        : new Map(
            (await listAreas(db, tenantId, area.level === 'district' ? { parentCode: area.code } : { level: 'neighbourhood' })).map((a) => [
              a.code,
              a.name,
            ]),
          );
    return { ...c, latentByBuurt: c.latentByBuurt.map((l) => ({ ...l, name: names.get(l.buurtCode) ?? l.buurtCode })) };
  },
  render({ ctx, tenantSlug, area, data: c }) {
    const { t } = ctx;
    const n = (x: number) => formatNumber(ctx.locale, x);
    const rows: [string, string][] = [
      [t('helpmatch.engine.section.requests'), n(c.requests)],
      [t('helpmatch.engine.section.open'), n(c.openRequests)],
      [t('helpmatch.engine.section.offers'), n(c.activeOffers)],
      ...(['latent', 'incidental', 'structural'] as const).map((k): [string, string] => [
        t('helpmatch.engine.section.matchesOf', { kind: t(`helpmatch.engine.helpType.${k}`).toLowerCase() }),
        n(c.matchesByType[k]),
      ]),
      [t('helpmatch.engine.section.hours'), formatNumber(ctx.locale, c.hours, 1)],
    ];
    const slug = tenantSlug;
    return (
      <section class="section" aria-labelledby="section-helpen">
        <h2 class="utrecht-heading-2" id="section-helpen">
          {t('helpmatch.engine.section.title')}
        </h2>
        <p class="utrecht-paragraph">{t('helpmatch.engine.section.intro', { name: area.name })}</p>
        <table class="data-table">
          <caption class="visually-hidden">{t('helpmatch.engine.section.caption', { name: area.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('helpmatch.engine.section.what')}</th>
              <th scope="col">{t('helpmatch.engine.section.count')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, value]) => (
              <tr>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 class="utrecht-heading-3">{t('helpmatch.engine.section.latentTitle')}</h3>
        {c.latentByBuurt.length === 0 ? (
          <p class="utrecht-paragraph">{t('helpmatch.engine.section.latentNone')}</p>
        ) : (
          <table class="data-table">
            <caption class="visually-hidden">{t('helpmatch.engine.section.latentTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('helpmatch.engine.section.buurt')}</th>
                <th scope="col">{t('helpmatch.engine.section.contacts')}</th>
              </tr>
            </thead>
            <tbody>
              {c.latentByBuurt.map((l) => (
                <tr>
                  <th scope="row">{l.name}</th>
                  <td>{n(l.contacts)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {slug && (
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`/${slug}/hulp`}>
              {t('helpmatch.engine.section.link')}
            </a>
          </p>
        )}
      </section>
    );
  },
};
