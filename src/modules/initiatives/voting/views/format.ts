import { formatNumber, type Locale } from '../../../../platform/i18n/index.ts';

/** "€ 1.250" or "€ 1.250,50" (whole euros without cents). */
export function euros(locale: Locale, cents: number): string {
  return `€ ${formatNumber(locale, cents / 100, cents % 100 === 0 ? 0 : 2)}`;
}

const dayFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A day 'YYYY-MM-DD' as "7 december 2026". */
export function day(locale: Locale, ymd: string): string {
  let f = dayFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
    dayFormats.set(locale, f);
  }
  return f.format(new Date(`${ymd}T12:00:00Z`));
}
