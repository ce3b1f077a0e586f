/**
 * Budget arithmetic of a project card, over integer cents. `null` means **unknown**: a sum with
 * an unknown part is unknown, and so is a gap computed from an unknown (never 0).
 *
 * A line counts in its year; a line without a year is for the project as a whole ("eenmalig,
 * zonder jaar") and counts in the total only. `recurrence` (per year / one-off) is how the source
 * states the amount; it does not multiply it.
 */

/** Integer cents, or null when unknown. */
export type Cents = number | null;

export const COVERAGE_SOURCES = ['wmo', 'participation', 'partner', 'province', 'innovation_fund', 'general_budget', 'other'] as const;
export type CoverageSource = (typeof COVERAGE_SOURCES)[number];

export interface MoneyLine {
  kind: 'cost' | 'coverage';
  year: number | null;
  recurrence: 'one_off' | 'per_year';
  amountCents: Cents;
  source: string | null;
}

export interface MoneyBucket {
  costCents: Cents;
  coverageCents: Cents;
  /** Coverage per source key (only sources that occur). */
  coverageBySource: Record<string, Cents>;
  /** Costs minus coverage; unknown when either is unknown. */
  gapCents: Cents;
}

export interface CardMoney {
  /** Per calendar year, oldest first (only years with a line). */
  years: (MoneyBucket & { year: number })[];
  /** Lines without a year (for the whole project). */
  noYear: MoneyBucket | null;
  total: MoneyBucket;
  /** Whether any cost or coverage line exists at all. */
  hasLines: boolean;
}

/** Sum of amounts: unknown as soon as one part is unknown; 0 for no parts. */
export function sumCents(values: readonly Cents[]): Cents {
  let total = 0;
  for (const v of values) {
    if (v === null) return null;
    total += v;
  }
  return total;
}

/** costs − coverage; unknown when either side is unknown. */
export function gapOf(cost: Cents, coverage: Cents): Cents {
  if (cost === null || coverage === null) return null;
  return cost - coverage;
}

function bucket(lines: readonly MoneyLine[]): MoneyBucket {
  const costCents = sumCents(lines.filter((l) => l.kind === 'cost').map((l) => l.amountCents));
  const covers = lines.filter((l) => l.kind === 'coverage');
  const coverageCents = sumCents(covers.map((l) => l.amountCents));
  const coverageBySource: Record<string, Cents> = {};
  for (const s of [...new Set(covers.map((l) => l.source ?? 'other'))]) {
    coverageBySource[s] = sumCents(covers.filter((l) => (l.source ?? 'other') === s).map((l) => l.amountCents));
  }
  return { costCents, coverageCents, coverageBySource, gapCents: gapOf(costCents, coverageCents) };
}

/** Totals per year and source, the gap per year and in total. */
export function computeMoney(lines: readonly MoneyLine[]): CardMoney {
  const years = [...new Set(lines.flatMap((l) => (l.year === null ? [] : [l.year])))].sort((a, b) => a - b);
  const noYearLines = lines.filter((l) => l.year === null);
  return {
    years: years.map((year) => ({ year, ...bucket(lines.filter((l) => l.year === year)) })),
    noYear: noYearLines.length > 0 ? bucket(noYearLines) : null,
    total: bucket(lines),
    hasLines: lines.length > 0,
  };
}

/** Adds buckets (a programme's total over its cards): unknown propagates. */
export function addBuckets(buckets: readonly MoneyBucket[]): MoneyBucket {
  const sources = [...new Set(buckets.flatMap((b) => Object.keys(b.coverageBySource)))];
  const coverageBySource: Record<string, Cents> = {};
  for (const s of sources) coverageBySource[s] = sumCents(buckets.map((b) => b.coverageBySource[s] ?? 0));
  const costCents = sumCents(buckets.map((b) => b.costCents));
  const coverageCents = sumCents(buckets.map((b) => b.coverageCents));
  return { costCents, coverageCents, coverageBySource, gapCents: gapOf(costCents, coverageCents) };
}

export type MoneyProblem = 'negative' | 'notInteger' | 'coverageAboveCost' | 'coverageAboveCostTotal' | 'yearOutsidePeriod';

/**
 * What is wrong with a set of budget lines, per line index (or `total`): negative or non-integer
 * amounts, a year outside the project's period [fromYear, toYear] (toYear null: open-ended),
 * coverage above known costs in a year or in total. Empty: valid.
 */
export function moneyProblems(
  lines: readonly MoneyLine[],
  period: { fromYear: number | null; toYear: number | null },
): { index: number | 'total'; problem: MoneyProblem; year?: number }[] {
  const out: { index: number | 'total'; problem: MoneyProblem; year?: number }[] = [];
  lines.forEach((l, index) => {
    if (l.amountCents !== null && !Number.isSafeInteger(l.amountCents)) out.push({ index, problem: 'notInteger' });
    else if (l.amountCents !== null && l.amountCents < 0) out.push({ index, problem: 'negative' });
    if (l.year !== null && ((period.fromYear !== null && l.year < period.fromYear) || (period.toYear !== null && l.year > period.toYear))) {
      out.push({ index, problem: 'yearOutsidePeriod', year: l.year });
    }
  });
  if (out.length > 0) return out;
  const money = computeMoney(lines);
  for (const y of money.years) {
    if (y.gapCents !== null && y.gapCents < 0) {
      const index = lines.findIndex((l) => l.kind === 'coverage' && l.year === y.year);
      out.push({ index, problem: 'coverageAboveCost', year: y.year });
    }
  }
  if (out.length === 0 && money.total.gapCents !== null && money.total.gapCents < 0) {
    out.push({ index: 'total', problem: 'coverageAboveCostTotal' });
  }
  return out;
}

/** Euro amount from a form field ("10.000", "10000", "1.234,50", "10,000.5" is refused): cents, null for empty, NaN when unreadable. */
export function parseEuros(text: string): number | null {
  const t = text.trim().replace(/^€\s*/, '').replace(/\s/g, '');
  if (t === '') return null;
  if (!/^-?\d{1,3}(\.\d{3})*(,\d{1,2})?$/.test(t) && !/^-?\d+(,\d{1,2})?$/.test(t)) return Number.NaN;
  const [whole, frac = ''] = t.replace(/\./g, '').split(',');
  const sign = whole!.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(whole)) * 100 + Number(frac.padEnd(2, '0')));
}

/** "€ 10.000" (nl) / "€10,000" (en); cents only when not whole euros; unknown as the caller's word. */
export function formatCents(cents: number, locale: string): string {
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100);
  const rest = abs % 100;
  const nl = locale === 'nl';
  const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, nl ? '.' : ',');
  const frac = rest === 0 ? '' : (nl ? ',' : '.') + String(rest).padStart(2, '0');
  return `${neg ? '−' : ''}${nl ? '€ ' : '€'}${grouped}${frac}`;
}
