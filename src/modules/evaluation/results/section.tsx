/**
 * "Wat werkt hier?" on the neighbourhood page: the published evaluations whose intervention areas
 * include the area or one of its buurten, each with its title, its sentences and a link to the
 * result page. After the four functions (an evaluation can be about any of them). Computed by the
 * area-summaries job from the stored results; drafts and unpublished evaluations never appear.
 */
import './results.messages.ts';
import type { SummarySection } from '../../../platform/module.ts';
import { systemPrincipal } from '../../../platform/principal.ts';
import { publishedResultsForAreas } from './results.service.ts';

export interface EvaluationsSummary {
  evaluations: {
    reference: string;
    titleNl: string;
    titleEn: string;
    isDemo: boolean;
    sentences: { nl: string; en: string }[];
  }[];
}

export const evaluationsSection: SummarySection<EvaluationsSummary> = {
  id: 'evaluation.results',
  order: 50,
  async summarize({ db, tenantId, areaCodes, now }) {
    const results = await publishedResultsForAreas(db, systemPrincipal(tenantId, now), tenantId, areaCodes);
    return {
      evaluations: results.map((r) => ({
        reference: r.evaluation.reference,
        titleNl: r.evaluation.titleNl,
        titleEn: r.evaluation.titleEn,
        isDemo: r.isDemo,
        sentences: r.outcomes.flatMap((o) => (o.sentence ? [o.sentence] : [])),
      })),
    };
  },
  render({ ctx, tenantSlug, area, data }) {
    if (data.evaluations.length === 0) return null;
    const { t, locale } = ctx;
    const id = `wat-werkt-${area.code}`;
    return (
      <section class="section ev-section" aria-labelledby={id}>
        <h2 class="utrecht-heading-2" id={id}>
          {t('evaluation.results.section.title')}
        </h2>
        <p class="utrecht-paragraph">{t('evaluation.results.section.intro', { name: area.name })}</p>
        <ul class="ev-list">
          {data.evaluations.map((e) => {
            const title = (locale === 'en' && e.titleEn) || e.titleNl;
            return (
              <li>
                <h3 class="utrecht-heading-3">{title}</h3>
                {e.sentences.map((s) => (
                  <p class="utrecht-paragraph">
                    {s[locale]}
                    {e.isDemo && <span class="demo-label"> ({t('evaluation.demoLabel')})</span>}
                  </p>
                ))}
                <p class="utrecht-paragraph">
                  <a class="utrecht-link" href={`/${tenantSlug}/evaluaties/${e.reference}`}>
                    {t('evaluation.results.section.read')}
                    <span class="visually-hidden">: {title}</span>
                  </a>
                </p>
              </li>
            );
          })}
        </ul>
      </section>
    );
  },
};
