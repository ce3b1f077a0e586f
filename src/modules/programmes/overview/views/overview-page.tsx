import type { ViewContext } from '../../../../ui/context.ts';
import { actionsPath, documentPath, overviewPath } from '../overview.paths.ts';
import type { ProgrammeOverview } from '../overview.service.ts';
import { FinancingTables } from './financing.tsx';
import { ProgrammeBudgetTables } from './budget.tsx';
import { Timeline } from './timeline.tsx';

export const programmeTitle = (ctx: ViewContext, p: { titleNl: string; titleEn: string }): string =>
  (ctx.locale === 'en' && p.titleEn) || p.titleNl;

/** Planning (timeline with its table) and financing of one programme, with links to the action table, the document and the CSVs. */
export function OverviewPage({ ctx, slug, model }: { ctx: ViewContext; slug: string; model: ProgrammeOverview }) {
  const { t } = ctx;
  const p = model.programme;
  const title = programmeTitle(ctx, p);
  const here = overviewPath(slug, p.slug);
  const flagged = model.cards.filter((c) => c.flags.length > 0);
  return (
    <div class="pg-doc">
      <h1 class="utrecht-heading-1">{t('programmes.overview.heading', { title })}</h1>
      <p class="utrecht-paragraph">{t('programmes.overview.intro')}</p>
      {p.isDemo && <p class="utrecht-paragraph pg-demo">{t('programmes.overview.demo')}</p>}
      <nav aria-label={t('programmes.overview.links')} class="pg-noprint">
        <ul class="pg-links">
          <li>
            <a class="utrecht-link" href={actionsPath(slug, p.slug)}>
              {t('programmes.overview.toActions')}
            </a>
          </li>
          <li>
            <a class="utrecht-link" href={documentPath(slug, p.slug)}>
              {t('programmes.overview.toDocument')}
            </a>
          </li>
          <li>
            <a class="utrecht-link" href={`${here}/projecten.csv`} download>
              {t('programmes.overview.csvCards')}
            </a>
          </li>
          <li>
            <a class="utrecht-link" href={`${here}/begroting.csv`} download>
              {t('programmes.overview.csvLines')}
            </a>
          </li>
        </ul>
      </nav>
      {model.budget && <ProgrammeBudgetTables ctx={ctx} budget={model.budget} />}
      {model.cards.length === 0 ? (
        <p class="utrecht-paragraph">{t('programmes.overview.noCards')}</p>
      ) : (
        <>
          <section class="pg-part" aria-labelledby="pg-planning">
            <h2 class="utrecht-heading-2" id="pg-planning">
              {t('programmes.overview.planning.title')}
            </h2>
            <Timeline
              ctx={ctx}
              id="pg-timeline"
              name={t('programmes.overview.planning.chart', { title })}
              cards={model.cards}
              programme={p}
            />
          </section>
          <section class="pg-part" aria-labelledby="pg-financing">
            <h2 class="utrecht-heading-2" id="pg-financing">
              {t('programmes.overview.money.title')}
            </h2>
            <p class="utrecht-paragraph">{t('programmes.overview.money.intro')}</p>
            <FinancingTables ctx={ctx} financing={model.financing} cards={model.cards} />
          </section>
          {flagged.length > 0 && (
            <ul class="pg-flags">
              {flagged.flatMap((c) =>
                c.flags.map((f) => (
                  <li>
                    {c.number}. {t('programmes.overview.flag', { text: f })}
                  </li>
                )),
              )}
            </ul>
          )}
        </>
      )}
      {p.sourceNote && <p class="utrecht-paragraph pg-source">{t('programmes.overview.source', { note: p.sourceNote })}</p>}
    </div>
  );
}
