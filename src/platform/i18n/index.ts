/**
 * Translation catalogue. Dutch is the default and the source of truth; every module registers its
 * own messages with `registerMessages`, English must have the same keys (checked by a test).
 * Keys are dotted (`areas.inhabitants`); `{name}` placeholders are filled from vars.
 */
import { ZONE } from '../time.ts';
export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];
export type Messages = Record<string, string>;
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

const catalogues: Record<Locale, Messages> = { nl: {}, en: {} };

/** Add messages of a module. Throws when a key is defined twice (two modules using one key). */
export function registerMessages(messages: { nl: Messages; en: Messages }): void {
  for (const locale of LOCALES) {
    for (const [key, value] of Object.entries(messages[locale])) {
      if (key in catalogues[locale] && catalogues[locale][key] !== value) {
        throw new Error(`i18n key defined twice: ${locale}.${key}`);
      }
      catalogues[locale][key] = value;
    }
  }
}

export function allMessages(locale: Locale): Readonly<Messages> {
  return catalogues[locale];
}

export function translator(locale: Locale): Translate {
  const own = catalogues[locale];
  const fallback = catalogues.nl;
  return (key, vars) => {
    const template = own[key] ?? fallback[key] ?? key;
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  };
}

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}

// Intl formatters are costly to build (tens of microseconds each): build each one once.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

/** Format a number the Dutch or English way. */
export function formatNumber(locale: Locale, n: number, digits = 0): string {
  const key = `${locale}:${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f.format(n);
}

/** Format a date-time in Europe/Amsterdam. */
export function formatDateTime(locale: Locale, d: Date): string {
  let f = dateTimeFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE });
    dateTimeFormats.set(locale, f);
  }
  return f.format(d);
}
