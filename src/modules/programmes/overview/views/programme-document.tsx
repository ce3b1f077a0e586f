import { formatNumber } from '../../../../platform/i18n/index.ts';
import type { ViewContext } from '../../../../ui/context.ts';
import { ActionRows } from '../../actions/views/action-table.tsx';
import { overviewPath } from '../overview.paths.ts';
import type { DocumentGoal, ProgrammeDocument } from '../overview.service.ts';
import { FinancingTables } from './financing.tsx';
import { programmeTitle } from './overview-page.tsx';
import { periodLabel, Timeline } from './timeline.tsx';

const num = (ctx: ViewContext, v: number) => formatNumber(ctx.locale, v, Number.isInteger(v) ? 0 : 1);

function Goal({ ctx, goal, level }: { ctx: ViewContext; goal: DocumentGoal; level: 3 | 4 }) {
  const { t, locale } = ctx;
  const title = (locale === 'en' && goal.titleEn) || goal.titleNl;
  const description = (locale === 'en' && goal.descriptionEn) || goal.descriptionNl;
  const H = level === 3 ? 'h3' : 'h4';
  const cols = [
    t('programmes.overview.doc.indicator'),
    t('programmes.overview.doc.baseline'),
    t('programmes.overview.doc.target'),
    t('programmes.overview.doc.latest'),
    t('programmes.overview.doc.course'),
  ];
  return (
    <div class="pg-goal">
      <H class={`utrecht-heading-${level}`}>{t('programmes.overview.doc.goal', { number: goal.number, title })}</H>
      {description && <p class="utrecht-paragraph">{description}</p>}
      {goal.indicators.length === 0 ? (
        <p class="utrecht-paragraph">{t('programmes.overview.doc.noIndicators')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table data-table--reflow">
            <caption class="visually-hidden">{t('programmes.overview.doc.indicators', { number: goal.number })}</caption>
            <thead>
              <tr>
                {cols.map((c) => (
                  <th scope="col">{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {goal.indicators.map((i) => (
                <tr>
                  <th scope="row" data-label={cols[0]}>
                    {locale === 'en' ? i.nameEn : i.nameNl}
                    {i.areaCode ? ` (${i.areaCode})` : ''}
                    {i.isDemo ? ` (${t('programmes.overview.demo')})` : ''}
                  </th>
                  <td data-label={cols[1]}>
                    {i.baselineValue === null
                      ? t('programmes.overview.money.unknown')
                      : `${num(ctx, i.baselineValue)} (${i.baselinePeriod})`}
                  </td>
                  <td data-label={cols[2]}>
                    {t(i.comparator === 'at_most' ? 'programmes.overview.doc.atMost' : 'programmes.overview.doc.atLeast', {
                      value: num(ctx, i.targetValue),
                      year: i.targetYear,
                    })}
                  </td>
                  <td data-label={cols[3]}>
                    {i.latest && i.latest.value !== null ? `${num(ctx, i.latest.value)} (${i.latest.period})` : '—'}
                  </td>
                  <td data-label={cols[4]}>{t(`programmes.overview.doc.course.${i.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {goal.children.map((c) => (
        <Goal ctx={ctx} goal={c} level={4} />
      ))}
    </div>
  );
}

/**
 * The programme as one printable document (A4, print stylesheet in public/app.css under `.pg-doc`):
 * goals with their indicators and course, the cards, planning, financing and the action table.
 */
export function ProgrammeDocumentPage({ ctx, slug, model }: { ctx: ViewContext; slug: string; model: ProgrammeDocument }) {
  const { t, locale } = ctx;
  const p = model.programme;
  const title = programmeTitle(ctx, p);
  const summary = (locale === 'en' && p.summaryEn) || p.summaryNl;
  return (
    <article class="pg-doc pg-print">
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph pg-noprint">{t('programmes.overview.doc.printHint')}</p>
      {p.isDemo && <p class="utrecht-paragraph pg-demo">{t('programmes.overview.demo')}</p>}
      {summary && <p class="utrecht-paragraph">{summary}</p>}
      {p.ownerRole && <p class="utrecht-paragraph">{t('programmes.overview.doc.owner', { role: p.ownerRole })}</p>}
      <p class="utrecht-paragraph">
        {p.endYear === null
          ? t('programmes.overview.doc.periodOpen', { from: p.startYear })
          : t('programmes.overview.doc.period', { from: p.startYear, to: p.endYear })}
      </p>
      <section class="pg-part" aria-labelledby="doc-goals">
        <h2 class="utrecht-heading-2" id="doc-goals">
          {t('programmes.overview.doc.goals')}
        </h2>
        {model.goals.length === 0 ? (
          <p class="utrecht-paragraph">{t('programmes.overview.doc.noGoals')}</p>
        ) : (
          model.goals.map((g) => <Goal ctx={ctx} goal={g} level={3} />)
        )}
      </section>
      <section class="pg-part" aria-labelledby="doc-cards">
        <h2 class="utrecht-heading-2" id="doc-cards">
          {t('programmes.overview.doc.cards')}
        </h2>
        {model.cards.length === 0 ? (
          <p class="utrecht-paragraph">{t('programmes.overview.noCards')}</p>
        ) : (
          <>
            {model.cards.map((c) => (
              <div class="pg-card">
                <h3 class="utrecht-heading-3">
                  {c.number}. {(locale === 'en' && c.titleEn) || c.titleNl}
                </h3>
                <p class="utrecht-paragraph">
                  {t('programmes.overview.planning.planned')}: {periodLabel(ctx, c.plannedStart, c.plannedEnd, 'planned')}
                  {c.periodText ? ` (${t('programmes.overview.planning.periodText').toLowerCase()}: ${c.periodText})` : ''} ·{' '}
                  {t('programmes.overview.planning.status')}: {t(`programmes.overview.status.${c.status}`)}
                  {c.isDemo ? ` · ${t('programmes.overview.demo')}` : ''}
                </p>
                {c.flags.map((f) => (
                  <p class="utrecht-paragraph pg-flag">{t('programmes.overview.flag', { text: f })}</p>
                ))}
              </div>
            ))}
            <Timeline
              ctx={ctx}
              id="doc-timeline"
              name={t('programmes.overview.planning.chart', { title })}
              cards={model.cards}
              programme={p}
            />
          </>
        )}
      </section>
      <section class="pg-part" aria-labelledby="doc-financing">
        <h2 class="utrecht-heading-2" id="doc-financing">
          {t('programmes.overview.money.title')}
        </h2>
        <p class="utrecht-paragraph">{t('programmes.overview.money.intro')}</p>
        <FinancingTables ctx={ctx} financing={model.financing} cards={model.cards} />
      </section>
      <section class="pg-part" aria-labelledby="doc-actions">
        <h2 class="utrecht-heading-2" id="doc-actions">
          {t('programmes.overview.doc.actions')}
        </h2>
        {model.actions.length === 0 ? (
          <p class="utrecht-paragraph">{t('programmes.overview.doc.noActions')}</p>
        ) : (
          <ActionRows ctx={ctx} slug={slug} programmeSlug={p.slug} rows={model.actions} caption={t('programmes.overview.doc.actions')} />
        )}
      </section>
      {p.sourceNote && <p class="utrecht-paragraph pg-source">{t('programmes.overview.source', { note: p.sourceNote })}</p>}
      <p class="utrecht-paragraph pg-noprint">
        <a class="utrecht-link" href={overviewPath(slug, p.slug)}>
          {t('programmes.overview.title')}
        </a>
      </p>
      <p class="pg-footer">{t('programmes.overview.doc.footer', { title })}</p>
    </article>
  );
}
