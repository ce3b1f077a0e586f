/**
 * "Projecten hier" on the neighbourhood page (/{tenant}/wijken/{code}): the project cards that
 * touch the area (a buurt: its own and its wijk's; a wijk: its own and its buurten's; the
 * municipality: all), with title, period, status and missing coverage. Function `together`
 * ("Samen doen"): a project card is work that residents, partners and the municipality do
 * together in the area; the `overview` block at the top stays for figures and targets.
 */
import './section.messages.ts';
import '../overview/overview.messages.ts';
import type { SummarySection } from '../../../platform/module.ts';
import { DataTable } from '../../../ui/table.tsx';
import { cardPath, overviewPath } from '../overview/overview.paths.ts';
import { gapText } from '../overview/views/financing.tsx';
import { periodLabel } from '../overview/views/timeline.tsx';
import { summarizeProjects, type ProjectsSummary } from './section.service.ts';

export const projectsSection: SummarySection<ProjectsSummary> = {
  id: 'programmes.projects',
  order: 20,
  fn: 'together',
  summarize: summarizeProjects,
  render({ ctx, tenantSlug, area, data }) {
    const { t, locale } = ctx;
    const id = `projecten-${area.code}`;
    const programmes = [...new Set(data.cards.map((c) => c.programmeSlug))];
    const cols = [
      t('programmes.section.project'),
      t('programmes.section.period'),
      t('programmes.section.status'),
      t('programmes.section.gap'),
    ];
    return (
      <section class="section pg-section" aria-labelledby={id}>
        <h2 class="utrecht-heading-2" id={id}>
          {t('programmes.section.title')}
        </h2>
        {data.cards.length === 0 ? (
          <p class="utrecht-paragraph">{t('programmes.section.none')}</p>
        ) : (
          <>
            <p class="utrecht-paragraph">{t('programmes.section.intro', { name: area.name })}</p>
            {programmes.map((slug) => {
              const cards = data.cards.filter((c) => c.programmeSlug === slug);
              const first = cards[0]!;
              const title = (locale === 'en' && first.programmeTitleEn) || first.programmeTitleNl;
              return (
                <>
                  <h3 class="utrecht-heading-3">{t('programmes.section.programme', { title })}</h3>
                  <DataTable columns={cols} caption={t('programmes.section.caption', { name: area.name })}>
                    {cards.map((c) => (
                      <tr>
                        <th scope="row">
                          <a class="utrecht-link" href={cardPath(tenantSlug, slug, c.id)}>
                            {c.number}. {(locale === 'en' && c.titleEn) || c.titleNl}
                          </a>
                          {c.via === 'wijk' && <span class="pg-via"> ({t('programmes.section.viaWijk')})</span>}
                          {c.via === 'buurt' && <span class="pg-via"> ({t('programmes.section.viaBuurt')})</span>}
                          {c.isDemo && <span class="pg-via"> ({t('programmes.section.demo')})</span>}
                        </th>
                        <td>{c.periodText || periodLabel(ctx, c.plannedStart, c.plannedEnd, 'planned')}</td>
                        <td>{t(`programmes.overview.status.${c.status}`)}</td>
                        <td class="num">{c.hasMoney ? gapText(ctx, c.gapCents) : t('programmes.section.noMoney')}</td>
                      </tr>
                    ))}
                  </DataTable>
                  <p class="utrecht-paragraph">
                    <a class="utrecht-link" href={overviewPath(tenantSlug, slug)}>
                      {t('programmes.section.overview', { title })}
                    </a>
                  </p>
                </>
              );
            })}
          </>
        )}
      </section>
    );
  },
};
