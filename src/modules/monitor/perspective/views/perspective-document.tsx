import type { ComponentChildren } from 'preact';
import { formatNumber, type Locale } from '../../../../platform/i18n/index.ts';
import { ZONE } from '../../../../platform/time.ts';
import type { ViewContext } from '../../../../ui/context.ts';
import { DataTable } from '../../../../ui/table.tsx';
import { BASIC_FUNCTIONS, PERCENT_STATS, QUESTIONS, SWOT_KINDS } from '../perspective.questions.ts';
import type { ContributionSnap, FigureSnap, PerspectiveContent } from '../perspective.service.ts';

/** The document of a wijkperspectief (a saved version or the working view): demand, supply, knelpunten and SWOT, priorities. */

const dayFormats = new Map<Locale, Intl.DateTimeFormat>();
/** A day 'YYYY-MM-DD' as "7 december 2026". */
export function formatDay(locale: Locale, day: string): string {
  let f = dayFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: ZONE });
    dayFormats.set(locale, f);
  }
  return f.format(new Date(`${day}T12:00:00Z`));
}

function Demo({ ctx, on }: { ctx: ViewContext; on: boolean }) {
  return on ? <span class="wp-demo"> ({ctx.t('monitor.perspective.demo')})</span> : null;
}

/** A figure's value with its unit ("23 %", "4 dagen"), or why there is none. */
export function formatFigure(ctx: ViewContext, f: FigureSnap): string {
  const { t, locale } = ctx;
  if (f.status === 'suppressed') return t('monitor.perspective.suppressed');
  if (f.value === null) return t('monitor.perspective.unknown');
  const n = formatNumber(locale, f.value, f.unit === 'count' ? 0 : f.decimals);
  switch (f.unit) {
    case 'percent':
      return `${n} %`;
    case 'hours':
      return t('monitor.perspective.unit.hours', { n });
    case 'days':
      return t('monitor.perspective.unit.days', { n });
    case 'per1000':
      return t('monitor.perspective.unit.per1000', { n });
    case 'euro':
      return `€ ${n}`;
    default:
      return n;
  }
}

function Figures({ ctx, figures, caption }: { ctx: ViewContext; figures: readonly FigureSnap[]; caption: string }) {
  const { t } = ctx;
  return (
    <DataTable
      caption={caption}
      columns={[t('monitor.perspective.col.figure'), t('monitor.perspective.col.value'), t('monitor.perspective.col.period')]}
    >
      {figures.map((f) => (
        <tr>
          <th scope="row">{ctx.locale === 'nl' ? f.nameNl : f.nameEn}</th>
          <td class="num">
            {formatFigure(ctx, f)}
            <Demo ctx={ctx} on={f.isDemo} />
          </td>
          <td>{f.period}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function Contributions({ ctx, items }: { ctx: ViewContext; items: readonly ContributionSnap[] }) {
  if (items.length === 0) return <p class="utrecht-paragraph">{ctx.t('monitor.perspective.none')}</p>;
  return (
    <ul class="utrecht-unordered-list wp-contributions">
      {items.map((c) => (
        <li>
          {c.text} <span class="wp-by">— {c.organisation ?? ctx.t('monitor.perspective.noOrganisation')}</span>
          <Demo ctx={ctx} on={c.isDemo} />
        </li>
      ))}
    </ul>
  );
}

function Part({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="wp-part" aria-labelledby={id}>
      <h2 class="utrecht-heading-2" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function PerspectiveDocument({
  ctx,
  content,
  agreedOn,
  prioritiesDemo,
}: {
  ctx: ViewContext;
  content: PerspectiveContent;
  /** The day the shown version was agreed (null: not agreed). */
  agreedOn: string | null;
  /** The priorities are invented demo data. */
  prioritiesDemo: boolean;
}) {
  const { t, locale } = ctx;
  const statValue = (key: (typeof content.stats)[number]['key'], v: number) =>
    PERCENT_STATS.includes(key) ? `${formatNumber(locale, v)} %` : formatNumber(locale, v, key === 'householdSize' ? 1 : 0);
  const supply = new Map(content.supply.map((s) => [s.n, s.figures]));
  const answersTo = (n: number) => content.contributions.filter((c) => c.kind === 'answer' && c.question === n);
  return (
    <>
      <Part id="wp-demand" title={t('monitor.perspective.demand.title')}>
        {content.statsOf && <p class="utrecht-paragraph">{t('monitor.perspective.demand.statsOf', { name: content.statsOf })}</p>}
        {content.stats.length > 0 ? (
          <>
            <dl class="key-figures">
              {content.stats.map((s) => (
                <>
                  <dt>{t(`areas.stat.${s.key}`)}</dt>
                  <dd>{statValue(s.key, s.value)}</dd>
                </>
              ))}
            </dl>
            <p class="utrecht-paragraph">{t('monitor.perspective.demand.cbs')}</p>
          </>
        ) : (
          <p class="utrecht-paragraph">{t('monitor.perspective.demand.noStats')}</p>
        )}
        <h3 class="utrecht-heading-3">{t('monitor.perspective.demand.platform')}</h3>
        {content.demand.length > 0 ? (
          <Figures ctx={ctx} figures={content.demand} caption={t('monitor.perspective.demand.platform')} />
        ) : (
          <p class="utrecht-paragraph">{t('monitor.perspective.demand.noFigures')}</p>
        )}
      </Part>

      <Part id="wp-supply" title={t('monitor.perspective.supply.title')}>
        <p class="utrecht-paragraph">{t('monitor.perspective.supply.intro')}</p>
        {BASIC_FUNCTIONS.map((fn) => (
          <section class="wp-function" aria-labelledby={`wp-fn-${fn}`}>
            <h3 class="utrecht-heading-3" id={`wp-fn-${fn}`}>
              {t(`monitor.perspective.fn.${fn}`)}
            </h3>
            {QUESTIONS.filter((q) => q.fn === fn).map((q) => {
              const figures = supply.get(q.n) ?? [];
              const answers = answersTo(q.n);
              const byData = q.indicators.length > 0;
              return (
                <div class="wp-question" id={`vraag-${q.n}`}>
                  <h4 class="utrecht-heading-4">
                    {t('monitor.perspective.question', { n: q.n })}: {t(`monitor.perspective.q${q.n}`)}
                  </h4>
                  <p class={`utrecht-paragraph wp-answer-by wp-answer-by--${byData ? 'data' : 'person'}`}>
                    {!byData
                      ? t('monitor.perspective.byPerson')
                      : q.partial
                        ? t('monitor.perspective.byDataPartial', {
                            part: t(q.n === 2 ? 'monitor.perspective.partial.2' : 'monitor.perspective.partial.4'),
                          })
                        : t('monitor.perspective.byData')}
                  </p>
                  {byData &&
                    (figures.length > 0 ? (
                      <Figures ctx={ctx} figures={figures} caption={t('monitor.perspective.question', { n: q.n })} />
                    ) : (
                      <p class="utrecht-paragraph">{t('monitor.perspective.noDataYet')}</p>
                    ))}
                  {(!byData || q.partial || answers.length > 0) && (
                    <>
                      <p class="utrecht-paragraph wp-answers-title">{t('monitor.perspective.answers')}</p>
                      {answers.length > 0 ? (
                        <Contributions ctx={ctx} items={answers} />
                      ) : (
                        <p class="utrecht-paragraph">{t('monitor.perspective.noAnswers')}</p>
                      )}
                    </>
                  )}
                </div>
              );
            })}
          </section>
        ))}
      </Part>

      <Part id="wp-knelpunten" title={t('monitor.perspective.knelpunten.title')}>
        <Contributions ctx={ctx} items={content.contributions.filter((c) => c.kind === 'knelpunt')} />
      </Part>

      <Part id="wp-swot" title={t('monitor.perspective.swot.title')}>
        {SWOT_KINDS.map((k) => (
          <>
            <h3 class="utrecht-heading-3">{t(`monitor.perspective.kinds.${k}`)}</h3>
            <Contributions ctx={ctx} items={content.contributions.filter((c) => c.kind === k)} />
          </>
        ))}
      </Part>

      <Part id="wp-priorities" title={t('monitor.perspective.priorities.title')}>
        {content.priorities.length > 0 ? (
          <>
            <ol class="utrecht-ordered-list wp-priorities">
              {content.priorities.map((p) => (
                <li>
                  {p}
                  <Demo ctx={ctx} on={prioritiesDemo} />
                </li>
              ))}
            </ol>
            {content.agreedWith.length > 0 && (
              <p class="utrecht-paragraph">{t('monitor.perspective.priorities.agreedWith', { names: content.agreedWith.join(', ') })}</p>
            )}
            <p class="utrecht-paragraph">
              {agreedOn
                ? t('monitor.perspective.priorities.agreedOn', { date: formatDay(locale, agreedOn) })
                : t('monitor.perspective.priorities.notAgreed')}
            </p>
          </>
        ) : (
          <p class="utrecht-paragraph">{t('monitor.perspective.priorities.none')}</p>
        )}
      </Part>
    </>
  );
}
