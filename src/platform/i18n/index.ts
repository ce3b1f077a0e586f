/**
 * Translation catalogue. Dutch is the default and the source of truth. Every catalogue file
 * (`*.messages.ts`) defines its texts with `defineMessages({ nl, en })` and adds its keys to
 * `MessageKeys` by declaration merging, so the compiler checks every key: an English text missing
 * or extra is an error, and so is `t('no.such.key')` (proven in test/lint/message-keys.test.ts).
 * Keys are dotted (`areas.inhabitants`); `{name}` placeholders are filled from vars.
 */
import { ZONE } from '../time.ts';
export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];
export type Messages = Record<string, string>;

/** Every message key of the app: each catalogue file merges its own keys in (see `CatalogueKeys`). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface MessageKeys {}
export type MessageKey = keyof MessageKeys & string;
export type MessageVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: MessageVars) => string;
/** The keys of one catalogue, as merged into `MessageKeys`: `interface MessageKeys extends CatalogueKeys<typeof messages> {}`. */
export type CatalogueKeys<N> = { readonly [K in keyof N]: true };

const catalogues: Record<Locale, Messages> = { nl: {}, en: {} };

/**
 * Define and register a catalogue: English must have exactly the Dutch keys (a compile error
 * otherwise). Returns the Dutch texts, whose keys the file merges into `MessageKeys`. Throws when a
 * key is defined twice with different texts (two modules using one key).
 */
export function defineMessages<const N extends Record<string, string>>(messages: {
  nl: N;
  // A catalogue with an index signature (keys built at run time) would make every string a key.
  en: NoInfer<string extends keyof N ? never : { [K in keyof N]: string }>;
}): N {
  for (const locale of LOCALES) {
    for (const [key, value] of Object.entries<string>(messages[locale])) {
      if (key in catalogues[locale] && catalogues[locale][key] !== value) {
        throw new Error(`i18n key defined twice: ${locale}.${key}`);
      }
      catalogues[locale][key] = value;
    }
  }
  return messages.nl;
}

/**
 * Texts for a family of keys built from parts (one per weekday, per category …), for a catalogue:
 * `textsFor('x.helped', [['tuin', 'de tuin'], ['vervoer', 'vervoer']])` gives `{ 'x.helped.tuin': 'de tuin', … }`.
 */
export function textsFor<const P extends string, const T extends string>(
  prefix: P,
  entries: readonly (readonly [T, string])[],
): Record<`${P}.${T}`, string> {
  // The one cast of the catalogues: Object.fromEntries cannot know that it builds exactly these keys.
  return Object.fromEntries(entries.map(([item, text]) => [`${prefix}.${item}`, text])) as Record<`${P}.${T}`, string>;
}

/** Narrow a key that comes from data (a stored key, a zod issue) to a message key, checked against the catalogue. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogues.nl, key);
}

/** Translate a key built from data (a stored state, a weekday number): checked with `isMessageKey`, shown as is when unknown. */
export function translateChecked(t: Translate, key: string, vars?: MessageVars): string {
  return isMessageKey(key) ? t(key, vars) : key;
}

export function allMessages(locale: Locale): Readonly<Messages> {
  return catalogues[locale];
}

export function translator(locale: Locale): Translate {
  const own = catalogues[locale];
  const fallback = catalogues.nl;
  return (key, vars) => {
    // The fallbacks are a safety net: the compiler already refuses unknown keys.
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

const dayFormats = new Map<Locale, Intl.DateTimeFormat>();

/** Format a calendar day (yyyy-mm-dd) in words, e.g. "1 maart 2026" / "1 March 2026". */
export function formatDay(locale: Locale, day: string): string {
  let f = dayFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
    dayFormats.set(locale, f);
  }
  return f.format(new Date(`${day}T12:00:00Z`));
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
