/**
 * The forms of the social return page: euros typed as text ("2.500", "2500,50") become integer
 * cents; every field is checked at once, so the page shows every message beside its field.
 */
import { z } from 'zod';
import { CERTAINTIES } from './calc.ts';
import { itemInput } from './socialreturn.service.ts';

/** Cents from a Dutch euro amount ("10.000", "10000", "1.234,50", "€ 15"); null for empty, NaN when unreadable. */
export function parseEuros(text: string): number | null {
  const t = text.trim().replace(/^€\s*/, '').replace(/\s/g, '');
  if (t === '') return null;
  if (!/^-?\d{1,3}(\.\d{3})*(,\d{1,2})?$/.test(t) && !/^-?\d+(,\d{1,2})?$/.test(t)) return Number.NaN;
  const [whole, frac = ''] = t.replace(/\./g, '').split(',');
  const sign = whole!.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(whole)) * 100 + Number(frac.padEnd(2, '0')));
}

/** Cents as the form shows them again: "2500,50", "15" (no grouping, so it parses back the same). */
export function centsToText(cents: number | null): string {
  if (cents === null) return '';
  const rest = cents % 100;
  return `${Math.trunc(cents / 100)}${rest === 0 ? '' : `,${String(Math.abs(rest)).padStart(2, '0')}`}`;
}

/** Cents of a typed amount, or the message key of what is wrong with it; null for empty. */
function readEuros(v: string): number | null | 'evaluation.sr.error.amount' | 'evaluation.sr.error.negative' {
  const c = parseEuros(v);
  if (c === null) return null;
  if (Number.isNaN(c)) return 'evaluation.sr.error.amount';
  return c < 0 ? 'evaluation.sr.error.negative' : c;
}

/** A required amount in euros → cents. */
const euros = z
  .string()
  .default('')
  .transform((v, ctx) => {
    const c = readEuros(v) ?? 'evaluation.sr.error.amount';
    if (typeof c === 'number') return c;
    ctx.addIssue({ code: 'custom', message: c });
    return z.NEVER;
  });

/** An optional amount in euros → cents, null when empty. */
const optionalEuros = z
  .string()
  .default('')
  .transform((v, ctx) => {
    const c = readEuros(v);
    if (c === null || typeof c === 'number') return c;
    ctx.addIssue({ code: 'custom', message: c });
    return z.NEVER;
  });

/** Add or change an item: the service's fields, with `amount` in euros. */
export const itemForm = itemInput.omit({ amountCents: true }).extend({ amount: euros });

/** The shadow price: `price` in euros per hour (empty: remove it), its source (required with a price) and certainty. */
export const priceForm = z
  .object({
    price: optionalEuros,
    priceSource: z.string().trim().max(1000, 'evaluation.sr.error.tooLong').default(''),
    priceCertainty: z.enum(CERTAINTIES, 'evaluation.sr.error.certainty'),
  })
  .refine((p) => p.price === null || p.priceSource.length > 0, { path: ['priceSource'], message: 'evaluation.sr.error.source' });

/** Service field names → form field names, for messages beside the fields: the item form… */
export const ITEM_FIELD: Record<string, string> = { amountCents: 'amount' };
/** …and the shadow price form (its fields are prefixed: one page holds both forms). */
export const PRICE_FIELD: Record<string, string> = { centsPerHour: 'price', source: 'priceSource', certainty: 'priceCertainty' };
