import './charts.messages.ts';
import { formatNumber } from '../../platform/i18n/index.ts';
import type { IndicatorUnit } from '../../platform/module.ts';
import type { ViewContext } from '../context.ts';

/** A figure with its unit in the reader's language: "23 %", "6,4", "12 per 1.000 inwoners", "3,5 uur". */
export function formatFigure(ctx: ViewContext, unit: IndicatorUnit, decimals: number, value: number): string {
  const digits = unit === 'count' ? (Number.isInteger(value) ? 0 : decimals) : decimals;
  const n = formatNumber(ctx.locale, value, digits);
  switch (unit) {
    case 'percent':
      return `${n} %`;
    case 'per1000':
      return ctx.t('charts.unit.per1000', { value: n });
    case 'hours':
      return ctx.t('charts.unit.hours', { value: n });
    case 'days':
      return ctx.t('charts.unit.days', { value: n });
    case 'euro':
      return ctx.t('charts.unit.euro', { value: n });
    case 'count':
    case 'ratio':
    case 'score':
      return n;
  }
}
