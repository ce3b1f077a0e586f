import type { ViewContext } from '../../../../ui/context.ts';
import { DataTable } from '../../../../ui/table.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';
import { formatCents, type Cents, type CardMoney } from '../money.ts';

/** An amount, or "onbekend" when unknown (never 0). */
export function Money({ ctx, cents }: { ctx: ViewContext; cents: Cents }) {
  return cents === null ? (
    <span class="money-unknown">{ctx.t('programmes.money.unknown')}</span>
  ) : (
    <span>{formatCents(cents, ctx.locale)}</span>
  );
}

export const sourceKey = (s: string | null): MessageKey => `programmes.money.src.${s ?? 'other'}` as MessageKey;

/** Costs, coverage per source and the missing coverage, per year, for the whole project and in total. */
export function MoneyTable({ ctx, money, caption }: { ctx: ViewContext; money: CardMoney; caption: string }) {
  if (!money.hasLines) return <p>{ctx.t('programmes.money.none')}</p>;
  const sources = Object.keys(money.total.coverageBySource);
  const rows = [
    ...money.years.map((y) => ({ label: String(y.year), b: y })),
    ...(money.noYear ? [{ label: ctx.t('programmes.money.noYear'), b: money.noYear }] : []),
    { label: ctx.t('programmes.money.total'), b: money.total },
  ];
  return (
    <DataTable
      caption={caption}
      columns={[
        ctx.t('programmes.money.year'),
        ctx.t('programmes.money.costs'),
        ...sources.map((s) => `${ctx.t('programmes.money.coverage')}: ${ctx.t(sourceKey(s))}`),
        ctx.t('programmes.money.gap'),
      ]}
    >
      {rows.map((r) => (
        <tr>
          <th scope="row">{r.label}</th>
          <td>
            <Money ctx={ctx} cents={r.b.costCents} />
          </td>
          {sources.map((s) => (
            <td>
              <Money ctx={ctx} cents={r.b.coverageBySource[s] ?? 0} />
            </td>
          ))}
          <td>
            <strong>
              <Money ctx={ctx} cents={r.b.gapCents} />
            </strong>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
