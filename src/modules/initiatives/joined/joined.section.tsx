import './joined.messages.ts';
import { formatNumber } from '../../../platform/i18n/index.ts';
import type { SummarySection } from '../../../platform/module.ts';
import { applyHref, togetherSummary, type TogetherSummary } from './joined.service.ts';

const euros = (locale: 'nl' | 'en', cents: number) => `€ ${formatNumber(locale, Math.round(cents / 100))}`;

/**
 * The "samen doen" section of the neighbourhood page (function "together"): initiatives applied
 * for, funded and carried out, participants and money granted, the funded initiatives (title and
 * group name) and the open calls. Counts only, never a person. Computed by the area-summaries job.
 */
export const togetherSection: SummarySection<TogetherSummary> = {
  id: 'samen-doen',
  order: 20,
  fn: 'together',
  summarize: ({ db, tenantId, area, areaCodes, now }) => togetherSummary(db, { tenantId, level: area.level, areaCodes, now }),
  render({ ctx, tenantSlug, area, data: d }) {
    const { t, locale } = ctx;
    const n = (x: number) => formatNumber(locale, x);
    const rows: [string, string][] = [
      [t('initiatives.joined.section.applied'), n(d.applied)],
      [t('initiatives.joined.section.funded'), n(d.funded)],
      [t('initiatives.joined.section.carriedOut'), n(d.carriedOut)],
      [t('initiatives.joined.section.participants'), n(d.participants)],
      [t('initiatives.joined.section.granted'), euros(locale, d.grantedCents)],
    ];
    return (
      <section class="section" aria-labelledby="section-samen-doen">
        <h2 class="utrecht-heading-2" id="section-samen-doen">
          {t('initiatives.joined.section.title')}
        </h2>
        <p class="utrecht-paragraph">{t('initiatives.joined.section.intro', { name: area.name })}</p>
        <table class="data-table">
          <caption class="visually-hidden">{t('initiatives.joined.section.caption', { name: area.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('initiatives.joined.section.what')}</th>
              <th scope="col">{t('initiatives.joined.section.count')}</th>
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
        {d.demo && <p class="utrecht-paragraph demo-label">{t('initiatives.joined.section.demo')}</p>}
        <h3 class="utrecht-heading-3">{t('initiatives.joined.section.fundedTitle')}</h3>
        {d.initiatives.length === 0 ? (
          <p class="utrecht-paragraph">{t('initiatives.joined.section.fundedNone')}</p>
        ) : (
          <ul class="utrecht-unordered-list">
            {d.initiatives.map((i) => (
              <li>
                {i.title} — {i.groupName}
                {i.grantedCents !== null ? `, ${t('initiatives.joined.section.grantedOf', { amount: euros(locale, i.grantedCents) })}` : ''}
                {i.carriedOut ? `, ${t('initiatives.joined.section.done')}` : ''}
                {i.isDemo ? ` (${t('initiatives.joined.demo')})` : ''}
              </li>
            ))}
          </ul>
        )}
        <h3 class="utrecht-heading-3">{t('initiatives.joined.section.callsTitle')}</h3>
        {d.calls.length === 0 ? (
          <p class="utrecht-paragraph">{t('initiatives.joined.section.callsNone')}</p>
        ) : (
          <ul class="utrecht-unordered-list">
            {d.calls.map((c) => (
              <li>
                <a class="utrecht-link" href={applyHref(tenantSlug, c.fundSlug, c.id)}>
                  {t('initiatives.joined.section.apply', { title: c.title })}
                </a>{' '}
                ({c.fundName}
                {c.closesOn ? `, ${t('initiatives.joined.section.until', { date: c.closesOn })}` : ''})
                {c.isDemo ? ` (${t('initiatives.joined.demo')})` : ''}
              </li>
            ))}
          </ul>
        )}
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/${tenantSlug}/samen-doen`}>
            {t('initiatives.joined.section.link')}
          </a>
        </p>
      </section>
    );
  },
};
