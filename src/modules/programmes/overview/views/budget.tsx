import type { ViewContext } from '../../../../ui/context.ts';
import { formatCents } from '../../cards/money.ts';
import type { BudgetSide, ProgrammeBudget } from '../overview.service.ts';

/** One side of the programme's budget (available or planned use) as a table with its total; "pm" stays unknown. */
function SideTable({ ctx, id, caption, side }: { ctx: ViewContext; id: string; caption: string; side: BudgetSide }) {
  const { t } = ctx;
  const label = (l: { labelNl: string; labelEn: string }) => (ctx.locale === 'en' && l.labelEn) || l.labelNl;
  return (
    <div class="table-scroll">
      <table class="data-table data-table--reflow utrecht-table" id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('programmes.budget.item')}</th>
            <th scope="col">{t('programmes.budget.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {side.lines.map((l) => (
            <tr>
              <th scope="row" data-label={t('programmes.budget.item')}>
                {label(l)}
                {l.year !== null && ` (${l.year})`}
              </th>
              <td data-label={t('programmes.budget.amount')}>
                {l.amountCents === null ? t('programmes.budget.unknown') : formatCents(l.amountCents, ctx.locale)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" data-label={t('programmes.budget.item')}>
              {t('programmes.budget.total')}
            </th>
            <td data-label={t('programmes.budget.amount')}>
              {formatCents(side.knownCents, ctx.locale)}
              {side.unknownLines > 0 && ` ${t('programmes.budget.plusUnknown', { count: side.unknownLines })}`}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The programme's own budget tables (Groningen: the Wmo budget available and its planned use). */
export function ProgrammeBudgetTables({ ctx, budget }: { ctx: ViewContext; budget: ProgrammeBudget }) {
  const { t } = ctx;
  const sources = [...new Set([...budget.available.lines, ...budget.plannedUse.lines].map((l) => l.sourceNote).filter((n) => n !== ''))];
  return (
    <section class="pg-part" aria-labelledby="pg-budget">
      <h2 class="utrecht-heading-2" id="pg-budget">
        {t('programmes.budget.title')}
      </h2>
      {budget.available.lines.length > 0 && (
        <SideTable ctx={ctx} id="pg-budget-available" caption={t('programmes.budget.available')} side={budget.available} />
      )}
      {budget.plannedUse.lines.length > 0 && (
        <SideTable ctx={ctx} id="pg-budget-use" caption={t('programmes.budget.plannedUse')} side={budget.plannedUse} />
      )}
      {sources.length > 0 && <p class="utrecht-paragraph pg-source">{t('programmes.overview.source', { note: sources.join('; ') })}</p>}
    </section>
  );
}
