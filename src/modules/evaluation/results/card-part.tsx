/**
 * The evaluation part of a project card (a ProjectCardPart; programmes renders it without importing
 * this module): per evaluation of the card the title, the sentences and a link to the result page
 * (published ones; the municipality's staff see all), and for a coordinator "Evaluatie opzetten".
 * Stored results only: nothing is estimated on the request.
 */
import type { ProjectCardPart } from '../../../platform/module.ts';
import { can } from '../policies.ts';
import { resultsOfCard } from './results.service.ts';

export const evaluationCardPart: ProjectCardPart = {
  id: 'evaluation.results',
  order: 10,
  async render({ db, principal, tenantId, tenantSlug, cardId, ctx }) {
    const { t, locale } = ctx;
    const evaluations = await resultsOfCard(db, principal, tenantId, cardId);
    const manage = principal.tenantId === tenantId && can(principal, 'evaluation.manage');
    if (evaluations.length === 0 && !manage) return null;
    return (
      <section class="section ev-card" aria-labelledby="evaluatie">
        <h2 class="utrecht-heading-2" id="evaluatie">
          {t('evaluation.results.card.title')}
        </h2>
        {evaluations.length === 0 && <p>{t('evaluation.results.card.none')}</p>}
        {evaluations.map(({ evaluation: e, outcomes, isDemo }) => {
          const title = locale === 'nl' ? e.titleNl : e.titleEn || e.titleNl;
          return (
            <>
              <h3 class="utrecht-heading-3">{title}</h3>
              {!e.published && <p>{t('evaluation.results.notPublished')}</p>}
              {outcomes.every((o) => !o.sentence) && (
                <p>{t(e.status === 'draft' ? 'evaluation.results.draftNotComputed' : 'evaluation.results.notComputed')}</p>
              )}
              {outcomes.map((o) =>
                o.sentence ? (
                  <p>
                    {o.sentence[locale]}
                    {isDemo && <span class="demo-label"> ({t('evaluation.demoLabel')})</span>}
                  </p>
                ) : null,
              )}
              <p>
                <a class="utrecht-link" href={`/${tenantSlug}/evaluaties/${e.reference}`}>
                  {t('evaluation.results.card.read', { title })}
                </a>
              </p>
            </>
          );
        })}
        {manage && (
          <p>
            <a class="utrecht-link" href={`/${tenantSlug}/evaluaties/nieuw?kaart=${encodeURIComponent(cardId)}`}>
              {t('evaluation.results.card.setup')}
            </a>
          </p>
        )}
      </section>
    );
  },
};
