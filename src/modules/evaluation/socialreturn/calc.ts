/**
 * Social return of a project card (issue 16, scope 4): the card's costs against valued outcomes,
 * pure arithmetic over integer cents. Never more certain than it is:
 *
 * - Every valued line has a certainty (low / medium / high). Volunteer hours are valued at the
 *   card's shadow price; their certainty is the lesser of how sure the hours are (confirmed by both
 *   sides: high; noted by one side: medium) and how sure the shadow price is.
 * - The result is a **range**, not one ratio: the low end counts only high-certainty lines ("what
 *   is fairly sure"), the high end counts every line ("if every assumption holds"). Both are also
 *   given per euro of cost.
 * - `null` is unknown: a sum with an unknown part is unknown (never 0). When the costs or the values
 *   are unknown or absent, the per-euro range is not computed and `missing` says what is missing.
 * - No shadow price: the hours are shown, no value is counted for them (`noShadowPrice`).
 */

export const CERTAINTIES = ['low', 'medium', 'high'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

const RANK: Record<Certainty, number> = { low: 0, medium: 1, high: 2 };

/** The less certain of two certainties. */
export function lessCertain(a: Certainty, b: Certainty): Certainty {
  return RANK[a] <= RANK[b] ? a : b;
}

/** Sum of cents: unknown as soon as one part is unknown; 0 for no parts. */
function sum(values: readonly (number | null)[]): number | null {
  let total = 0;
  for (const v of values) {
    if (v === null) return null;
    total += v;
  }
  return total;
}

export type HoursKey = 'matches' | 'weeks' | 'circles';

/** Hours from one source (the help ledger). `hours` null: could not be counted (e.g. the project's start is unknown). */
export interface HoursSource {
  key: HoursKey;
  hours: number | null;
  count: number;
  /** How sure the number of hours is. */
  certainty: Certainty;
}

export interface ValueItem {
  id: string;
  kind: 'avoided_cost' | 'valued_outcome';
  amountCents: number | null;
  certainty: Certainty;
}

export interface CalcInput {
  /** Total of the card's cost lines; null: unknown (a cost line without an amount). */
  costCents: number | null;
  /** Whether the card has any cost line at all. */
  hasCostLines: boolean;
  /** Value of one volunteer hour; null: not set. */
  shadowPrice: { centsPerHour: number; certainty: Certainty } | null;
  hours: readonly HoursSource[];
  items: readonly ValueItem[];
}

export type ValuedLine =
  | { type: 'hours'; key: HoursKey; hours: number | null; centsPerHour: number; certainty: Certainty; valueCents: number | null }
  | { type: 'item'; id: string; certainty: Certainty; valueCents: number | null };

export type Missing = 'noCosts' | 'costsUnknown' | 'costsZero' | 'noShadowPrice' | 'noValues' | 'valueUnknown';

export interface CalcResult {
  costCents: number | null;
  /** Every line that counts as value, hours first. */
  lines: ValuedLine[];
  /** All hours of the sources (null when one could not be counted). */
  hoursTotal: number | null;
  /** Whether the hours were valued (a shadow price is set). */
  hoursValued: boolean;
  /** Value per certainty (0 when no line has it; null when a line of it is unknown). */
  byCertainty: Record<Certainty, number | null>;
  /** Low end: high-certainty lines only. */
  lowCents: number | null;
  /** High end: every line. */
  highCents: number | null;
  /** Value per euro of cost, low and high end, two decimals; null when not computable. */
  perEuroLow: number | null;
  perEuroHigh: number | null;
  /** Whether the per-euro range could be computed. */
  computable: boolean;
  /** What is missing or not counted, in the order the page says it. */
  missing: Missing[];
}

const perEuro = (value: number | null, cost: number | null): number | null =>
  value === null || cost === null || cost <= 0 ? null : Math.round((value / cost) * 100) / 100;

export function computeSocialReturn(input: CalcInput): CalcResult {
  const missing: Missing[] = [];
  const lines: ValuedLine[] = [];
  const price = input.shadowPrice;
  if (price) {
    for (const h of input.hours) {
      lines.push({
        type: 'hours',
        key: h.key,
        hours: h.hours,
        centsPerHour: price.centsPerHour,
        certainty: lessCertain(h.certainty, price.certainty),
        valueCents: h.hours === null ? null : Math.round(h.hours * price.centsPerHour),
      });
    }
  }
  for (const item of input.items) {
    lines.push({ type: 'item', id: item.id, certainty: item.certainty, valueCents: item.amountCents });
  }
  const byCertainty = Object.fromEntries(
    CERTAINTIES.map((c) => [c, sum(lines.filter((l) => l.certainty === c).map((l) => l.valueCents))]),
  ) as Record<Certainty, number | null>;
  const lowCents = byCertainty.high;
  const highCents = sum(lines.map((l) => l.valueCents));

  if (!input.hasCostLines) missing.push('noCosts');
  else if (input.costCents === null) missing.push('costsUnknown');
  else if (input.costCents === 0) missing.push('costsZero');
  if (!price) missing.push('noShadowPrice');
  if (lines.length === 0) missing.push('noValues');
  else if (highCents === null || lowCents === null) missing.push('valueUnknown');

  const costCents = input.hasCostLines ? input.costCents : null;
  const computable = !missing.some((m) => m !== 'noShadowPrice');
  return {
    costCents,
    lines,
    hoursTotal: sum(input.hours.map((h) => h.hours)),
    hoursValued: price !== null,
    byCertainty,
    lowCents,
    highCents,
    perEuroLow: computable ? perEuro(lowCents, costCents) : null,
    perEuroHigh: computable ? perEuro(highCents, costCents) : null,
    computable,
    missing,
  };
}
