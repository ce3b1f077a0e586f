/**
 * Monitor periods: a year (`2024`), a quarter (`2026-Q3`) or a month (`2026-11`). Stored as text
 * with their first and last day, so trends sort by start and periods of one kind compare.
 */
export type PeriodKind = 'year' | 'quarter' | 'month';

export interface Period {
  period: string;
  kind: PeriodKind;
  year: number;
  /** First and last day, 'YYYY-MM-DD'. */
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The period a text names, or null when it is not one (`2024`, `2026-Q3`, `2026-11`). */
export function parsePeriod(text: string): Period | null {
  const t = text.trim();
  let m = /^(\d{4})$/.exec(t);
  if (m) {
    const year = Number(m[1]);
    return { period: t, kind: 'year', year, start: `${year}-01-01`, end: `${year}-12-31` };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(t);
  if (m) {
    const year = Number(m[1]);
    const q = Number(m[2]);
    const endMonth = q * 3;
    return {
      period: t,
      kind: 'quarter',
      year,
      start: `${year}-${pad(endMonth - 2)}-01`,
      end: `${year}-${pad(endMonth)}-${pad(lastDay(year, endMonth))}`,
    };
  }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(t);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    return { period: t, kind: 'month', year, start: `${year}-${pad(month)}-01`, end: `${year}-${pad(month)}-${pad(lastDay(year, month))}` };
  }
  return null;
}

/** The quarter a moment falls in (Amsterdam and UTC differ only around midnight of a quarter's first day; UTC is used). */
export function quarterOf(now: Date): string {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}
