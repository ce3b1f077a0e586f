import { formatNumber } from '../../../../platform/i18n/index.ts';
import type { ViewContext } from '../../../../ui/context.ts';

/** A value with its unit, in the reader's number format ("23 %", "6,4", "12 per 1.000"). */
export function formatValue(ctx: ViewContext, value: number, unit: string, decimals: number): string {
  const n = formatNumber(ctx.locale, value, decimals);
  if (unit === 'percent') return `${n} %`;
  if (unit === 'per1000') return ctx.locale === 'nl' ? `${n} per 1.000` : `${n} per 1,000`;
  if (unit === 'euro') return `€ ${n}`;
  return n;
}
