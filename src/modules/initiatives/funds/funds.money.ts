/**
 * Budget arithmetic of the initiatives funds, pure: euro text → integer cents, and the checks that
 * refuse budgets that do not add up (a stated total that differs from its parts, overlapping area
 * budgets in one year, negative or non-integer cents, co-funding whose amount ≠ per unit × units).
 * Field errors are message keys; an empty object means "fine".
 */
import type { FieldErrors } from '../../../platform/errors.ts';

/** Largest amount accepted anywhere (fits a PostgreSQL int: € 21 million). */
export const MAX_CENTS = 2_147_483_647;

/**
 * "€ 100.000", "100000", "1.234,56", "12,5" → cents; null when it is not a non-negative amount with
 * at most two decimals (a dot groups thousands, a comma starts the cents, as written in Dutch).
 */
export function parseEuros(text: string): number | null {
  const t = text.replace(/€|\s/g, '');
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  const euros = Number(m[1]!.replace(/\./g, ''));
  const cents = euros * 100 + (m[2] ? Number(m[2].padEnd(2, '0')) : 0);
  return Number.isSafeInteger(cents) && cents <= MAX_CENTS ? cents : null;
}

/** Cents as Dutch euro text: 10000000 → "€ 100.000", 1250 → "€ 12,50". */
export function formatEuros(cents: number): string {
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const rest = abs % 100;
  return `${neg ? '- ' : ''}€ ${euros}${rest ? `,${String(rest).padStart(2, '0')}` : ''}`;
}

export function isCents(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= MAX_CENTS;
}

export interface BudgetLineInput {
  label: string;
  /** Wijk or buurt codes; empty: the whole municipality. */
  areaCodes: string[];
  amountCents: number;
}

/**
 * The checks of one year's budget: amounts are whole non-negative cents, the stated total (when
 * given) equals the sum, and no area is in two lines (a buurt overlaps its wijk; at most one line
 * for the whole municipality, which sits beside the area lines as its own pot).
 * `parentOf` maps a buurt code to its wijk code.
 */
export function checkBudgetYear(
  input: { totalCents: number | null; lines: BudgetLineInput[] },
  parentOf: ReadonlyMap<string, string | null>,
): FieldErrors {
  const errors: FieldErrors = {};
  input.lines.forEach((l, i) => {
    if (!isCents(l.amountCents)) errors[`lines.${i}.amount`] = 'initiatives.funds.error.cents';
    if (!l.label.trim()) errors[`lines.${i}.label`] = 'form.required';
  });
  if (input.totalCents !== null && !isCents(input.totalCents)) errors['total'] = 'initiatives.funds.error.cents';
  if (Object.keys(errors).length > 0) return errors;
  const sum = input.lines.reduce((s, l) => s + l.amountCents, 0);
  if (input.totalCents !== null && sum !== input.totalCents) errors['total'] = 'initiatives.funds.error.totalMismatch';
  if (sum > MAX_CENTS) errors['total'] = 'initiatives.funds.error.cents';
  const seen = new Map<string, number>();
  let wide = -1;
  input.lines.forEach((l, i) => {
    if (l.areaCodes.length === 0) {
      if (wide >= 0) errors[`lines.${i}.areas`] = 'initiatives.funds.error.overlap';
      wide = i;
      return;
    }
    for (const code of l.areaCodes) {
      const parent = parentOf.get(code) ?? null;
      const clash = [code, ...(parent ? [parent] : [])].some((c) => seen.has(c) && seen.get(c) !== i);
      // A wijk also clashes with a buurt of it listed earlier.
      const childClash = [...seen.entries()].some(([c, j]) => j !== i && parentOf.get(c) === code);
      if (clash || childClash) errors[`lines.${i}.areas`] = 'initiatives.funds.error.overlap';
      seen.set(code, i);
    }
  });
  return errors;
}

/** Co-funding: whole cents, and amount = per unit × units when both are given. */
export function checkCofunding(c: { perUnitCents: number | null; units: number | null; amountCents: number }): FieldErrors {
  const errors: FieldErrors = {};
  if (!isCents(c.amountCents)) errors['amount'] = 'initiatives.funds.error.cents';
  if (c.perUnitCents !== null && !isCents(c.perUnitCents)) errors['perUnit'] = 'initiatives.funds.error.cents';
  if (c.units !== null && !(Number.isSafeInteger(c.units) && c.units >= 0)) errors['units'] = 'initiatives.funds.error.units';
  if (Object.keys(errors).length > 0) return errors;
  if ((c.perUnitCents === null) !== (c.units === null)) errors['units'] = 'initiatives.funds.error.perUnitPair';
  else if (c.perUnitCents !== null && c.units !== null && c.perUnitCents * c.units !== c.amountCents) {
    errors['amount'] = 'initiatives.funds.error.cofundingMismatch';
  }
  return errors;
}
