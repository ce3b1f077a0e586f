/** Small view helpers of the care circle: date and hour labels (form parts come from the shared ui/form.tsx). */
import type { ViewContext } from '../../../../ui/context.ts';
export { ButtonForm, TextAreaField } from '../../../../ui/form.tsx';

/** "dinsdag 24 november 2026" for a yyyy-mm-dd date. */
export function longDate(ctx: ViewContext, date: string): string {
  return new Intl.DateTimeFormat(ctx.locale === 'nl' ? 'nl-NL' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** "24 november 2026". */
export function shortDate(ctx: ViewContext, date: string): string {
  return new Intl.DateTimeFormat(ctx.locale === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

export function hoursText(ctx: ViewContext, hours: number): string {
  return new Intl.NumberFormat(ctx.locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 }).format(hours);
}
