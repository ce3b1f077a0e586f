/**
 * Decision letters from standard texts, and money as people read it. A letter is a template from
 * the catalogue (`initiatives.review.letter.<decision>.<template>`, Dutch and English) with its
 * placeholders filled; the coordinator may edit the text before it is sent. Pure: no database.
 */
import { translator, type Locale, type MessageKey } from '../../../platform/i18n/index.ts';

export const DECISIONS = ['full', 'partial', 'rejected'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The standard texts per decision (the first is the default). */
export const LETTER_TEMPLATES = {
  full: ['standard', 'conditions'],
  partial: ['standard', 'ownShare'],
  rejected: ['standard', 'budget'],
} as const satisfies Record<Decision, readonly string[]>;
export type LetterTemplate = (typeof LETTER_TEMPLATES)[Decision][number];

/** "€ 1.250,00" (Dutch) or "€ 1,250.00" (English) for an amount in integer cents. */
export function formatEuro(cents: number, locale: Locale = 'nl'): string {
  if (!Number.isInteger(cents)) throw new RangeError('cents must be an integer');
  const abs = Math.abs(cents);
  const [thousands, decimal] = locale === 'nl' ? ['.', ','] : [',', '.'];
  const euros = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return `${cents < 0 ? '-' : ''}€ ${euros}${decimal}${String(abs % 100).padStart(2, '0')}`;
}

/**
 * An amount typed by a person, in integer cents: "1250", "1.250", "1.250,50", "1250,5", "€ 1250.50".
 * A comma is the decimal sign; a point followed by exactly three digits groups thousands, otherwise
 * it is the decimal sign. Null for anything else (letters, more than two decimals, negative).
 */
export function parseEuro(input: string): number | null {
  const s = input.replace(/€|\s/g, '');
  let euros: string;
  let cents = '';
  if (/^\d{1,3}(\.\d{3})*(,\d{1,2})?$/.test(s) || /^\d+(,\d{1,2})?$/.test(s)) {
    [euros, cents = ''] = s.replace(/\./g, '').split(',') as [string, string?];
  } else if (/^\d+\.\d{1,2}$/.test(s)) {
    [euros, cents = ''] = s.split('.') as [string, string?];
  } else return null;
  const value = Number(euros) * 100 + Number(cents.padEnd(2, '0') || '0');
  return Number.isSafeInteger(value) && value <= 2_000_000_000 ? value : null;
}

export interface LetterFacts {
  group: string;
  title: string;
  reference: string;
  fund: string;
  municipality: string;
  requestedCents: number;
  grantedCents: number;
  reasons: string;
  /** The day of the decision, 'YYYY-MM-DD'. */
  day: string;
}

const MONTHS: Record<Locale, readonly string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "7 december 2026" / "7 December 2026" for 'YYYY-MM-DD'. */
export function formatDay(day: string, locale: Locale): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[locale][m - 1]} ${y}`;
}

const LETTER_KEYS: Record<Decision, Partial<Record<LetterTemplate, MessageKey>>> = {
  full: { standard: 'initiatives.review.letter.full.standard', conditions: 'initiatives.review.letter.full.conditions' },
  partial: { standard: 'initiatives.review.letter.partial.standard', ownShare: 'initiatives.review.letter.partial.ownShare' },
  rejected: { standard: 'initiatives.review.letter.rejected.standard', budget: 'initiatives.review.letter.rejected.budget' },
};

export function letterKey(decision: Decision, template: LetterTemplate): MessageKey {
  return LETTER_KEYS[decision][template] ?? LETTER_KEYS[decision].standard!;
}

/** Whether `template` is one of the standard texts of `decision`. */
export function isTemplateOf(decision: Decision, template: string): template is LetterTemplate {
  return (LETTER_TEMPLATES[decision] as readonly string[]).includes(template);
}

/** The standard text with every placeholder filled, in the letter's language. */
export function fillLetter(decision: Decision, template: LetterTemplate, facts: LetterFacts, locale: Locale): string {
  const t = translator(locale);
  return t(letterKey(decision, template), {
    group: facts.group,
    title: facts.title,
    reference: facts.reference,
    fund: facts.fund,
    municipality: facts.municipality,
    requested: formatEuro(facts.requestedCents, locale),
    granted: formatEuro(facts.grantedCents, locale),
    reasons: facts.reasons.trim() || t('initiatives.review.letter.noReasons'),
    date: formatDay(facts.day, locale),
  });
}
