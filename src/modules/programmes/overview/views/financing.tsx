import type { ViewContext } from '../../../../ui/context.ts';
import { formatCents, type Cents, type MoneyBucket } from '../../cards/money.ts';
import type { Financing, OverviewCard } from '../overview.service.ts';

/** An amount as the page shows it: "€ 10.000", or "onbekend" (never 0 for unknown). */
export function money(ctx: ViewContext, cents: Cents): string {
  return cents === null ? ctx.t('programmes.overview.money.unknown') : formatCents(cents, ctx.locale);
}

/** Missing coverage: "geen" when nothing is missing, the amount, or "onbekend". */
export function gapText(ctx: ViewContext, cents: Cents): string {
  if (cents === null) return ctx.t('programmes.overview.money.unknown');
  return cents <= 0 ? ctx.t('programmes.overview.money.none') : formatCents(cents, ctx.locale);
}

/** The label of a coverage source key (an unknown key is shown as "Andere bron"). */
export function sourceLabel(ctx: ViewContext, source: string): string {
  const known = ['wmo', 'participation', 'partner', 'province', 'innovation_fund', 'general_budget', 'other'] as const;
  const k = known.find((s) => s === source) ?? 'other';
  return ctx.t(`programmes.overview.source.${k}`);
}

function BucketCells({ ctx, b, sources, cols }: { ctx: ViewContext; b: MoneyBucket; sources: readonly string[]; cols: readonly string[] }) {
  return (
    <>
      <td class="num" data-label={cols[1]}>
        {money(ctx, b.costCents)}
      </td>
      {sources.map((s, i) => (
        <td class="num" data-label={cols[2 + i]}>
          {s in b.coverageBySource ? money(ctx, b.coverageBySource[s] ?? null) : '—'}
        </td>
      ))}
      <td class="num" data-label={cols[2 + sources.length]}>
        {money(ctx, b.coverageCents)}
      </td>
      <td class="num pg-gap" data-label={cols[3 + sources.length]}>
        {gapText(ctx, b.gapCents)}
      </td>
    </>
  );
}

/** Financing per year and source, per card, and in total, with the gap; unknown reads "onbekend". */
export function FinancingTables({ ctx, financing, cards }: { ctx: ViewContext; financing: Financing; cards: readonly OverviewCard[] }) {
  const { t, locale } = ctx;
  const f = financing;
  if (!cards.some((c) => c.money.hasLines)) return <p class="utrecht-paragraph">{t('programmes.overview.money.noMoney')}</p>;
  const cols = [
    t('programmes.overview.money.year'),
    t('programmes.overview.money.costs'),
    ...f.sources.map((s) => t('programmes.overview.money.coverageFrom', { source: sourceLabel(ctx, s) })),
    t('programmes.overview.money.coverage'),
    t('programmes.overview.money.gap'),
  ];
  const cardCols = [
    t('programmes.overview.planning.project'),
    t('programmes.overview.money.costs'),
    t('programmes.overview.money.coverage'),
    t('programmes.overview.money.gap'),
    t('programmes.overview.money.perYearCell'),
  ];
  const unknown = f.unknownGapCards;
  return (
    <>
      <p class="utrecht-paragraph pg-gap-summary">
        {f.knownGapCents > 0
          ? t('programmes.overview.money.gapSummary', { amount: formatCents(f.knownGapCents, locale) })
          : t('programmes.overview.money.gapNone')}{' '}
        {unknown.length === 1 && t('programmes.overview.money.gapUnknownOne', { numbers: unknown[0] ?? '' })}
        {unknown.length > 1 && t('programmes.overview.money.gapUnknownMany', { count: unknown.length, numbers: unknown.join(', ') })}
      </p>
      <h3 class="utrecht-heading-3">{t('programmes.overview.money.perYear')}</h3>
      <div class="table-scroll">
        <table class="data-table data-table--reflow pg-money-years">
          <caption class="visually-hidden">{t('programmes.overview.money.perYearCaption')}</caption>
          <thead>
            <tr>
              {cols.map((c) => (
                <th scope="col">{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {f.years.map((y) => (
              <tr data-year={y.year}>
                <th scope="row" data-label={cols[0]}>
                  {y.year}
                </th>
                <BucketCells ctx={ctx} b={y} sources={f.sources} cols={cols} />
              </tr>
            ))}
            {f.noYear && (
              <tr data-year="none">
                <th scope="row" data-label={cols[0]}>
                  {t('programmes.overview.money.noYear')}
                </th>
                <BucketCells ctx={ctx} b={f.noYear} sources={f.sources} cols={cols} />
              </tr>
            )}
            <tr data-year="total" class="pg-total">
              <th scope="row" data-label={cols[0]}>
                {t('programmes.overview.money.total')}
              </th>
              <BucketCells ctx={ctx} b={f.total} sources={f.sources} cols={cols} />
            </tr>
          </tbody>
        </table>
      </div>
      <h3 class="utrecht-heading-3">{t('programmes.overview.money.perCard')}</h3>
      <div class="table-scroll">
        <table class="data-table data-table--reflow pg-money-cards">
          <caption class="visually-hidden">{t('programmes.overview.money.perCardCaption')}</caption>
          <thead>
            <tr>
              {cardCols.map((c) => (
                <th scope="col">{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cards.map((c) => {
              const m = c.money;
              return (
                <tr data-card={c.number}>
                  <th scope="row" data-label={cardCols[0]}>
                    {c.number}. {(locale === 'en' && c.titleEn) || c.titleNl}
                  </th>
                  {m.hasLines ? (
                    <>
                      <td class="num" data-label={cardCols[1]}>
                        {money(ctx, m.total.costCents)}
                      </td>
                      <td class="num" data-label={cardCols[2]}>
                        {money(ctx, m.total.coverageCents)}
                      </td>
                      <td class="num pg-gap" data-label={cardCols[3]}>
                        {gapText(ctx, m.total.gapCents)}
                      </td>
                      <td data-label={cardCols[4]}>
                        {m.years.length === 0
                          ? '—'
                          : m.years
                              .map((y) => t('programmes.overview.money.yearGap', { year: y.year, gap: gapText(ctx, y.gapCents) }))
                              .join('; ')}
                      </td>
                    </>
                  ) : (
                    <td colSpan={4} data-label={cardCols[1]}>
                      {t('programmes.overview.money.noLines')}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
