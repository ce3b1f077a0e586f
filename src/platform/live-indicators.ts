/**
 * Helpers for modules' live indicators (IndicatorSource, module.ts): the quarters a source
 * computes, the areas it reports on, and turning per-area aggregates into measurements with the
 * case threshold applied. Pure; the modules' stores do the grouping in SQL (issue 13, scope 3).
 */
import { sql, type RawBuilder } from 'kysely';
import type { IndicatorMeasurement } from './module.ts';

/** One calendar quarter (UTC, as the monitor's `quarterOf`): `2026-Q4`, from its first moment up to (not including) the next quarter's. */
export interface QuarterSpan {
  period: string;
  start: Date;
  end: Date;
}

/** The `count` quarters up to and including the one `now` falls in, oldest first. */
export function lastQuarters(now: Date, count = 8): QuarterSpan[] {
  const current = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3);
  const out: QuarterSpan[] = [];
  for (let i = current - count + 1; i <= current; i++) {
    const year = Math.floor(i / 4);
    const q = i % 4;
    out.push({
      period: `${year}-Q${q + 1}`,
      start: new Date(Date.UTC(year, q * 3, 1)),
      end: new Date(Date.UTC(year, q * 3 + 3, 1)),
    });
  }
  return out;
}

/** SQL for the quarter label (`2026-Q4`) of a timestamp column, in UTC like `lastQuarters`. */
export function quarterSql(column: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`to_char((${column}) at time zone 'UTC', 'YYYY-"Q"Q')`;
}

/** The areas a live indicator reports on: the municipality (its code is the tenant id) and its wijken and buurten. */
export interface LiveAreas {
  municipality: string;
  districts: readonly string[];
  neighbourhoods: readonly string[];
  /** The wijk of each buurt. */
  parentOf: ReadonlyMap<string, string>;
}

/** Every code of `areas`, municipality first. */
export function allCodes(areas: LiveAreas): string[] {
  return [areas.municipality, ...areas.districts, ...areas.neighbourhoods];
}

/** From a list of areas of a tenant (as the areas service gives them). */
export function liveAreas(
  tenantId: string,
  areas: readonly { code: string; level: 'municipality' | 'district' | 'neighbourhood'; parentCode: string | null }[],
): LiveAreas {
  const parentOf = new Map<string, string>();
  for (const a of areas) if (a.level === 'neighbourhood' && a.parentCode) parentOf.set(a.code, a.parentCode);
  return {
    municipality: tenantId,
    districts: areas.filter((a) => a.level === 'district').map((a) => a.code),
    neighbourhoods: areas.filter((a) => a.level === 'neighbourhood').map((a) => a.code),
    parentOf,
  };
}

/** `area|period`: the key of per-area, per-period aggregates. */
export const cellKey = (area: string, period: string): string => `${area}|${period}`;

/**
 * Which level a row of `group by grouping sets ((buurt, …), (wijk, …), (…))` belongs to, from
 * `grouping(buurt, wijk)`: 1 the buurt set, 2 the wijk set, 3 the municipality.
 */
export function areaOfGroupingRow(
  tenantId: string,
  row: { g: number | string; buurt_code: string | null; wijk_code: string | null },
): string | null {
  const g = Number(row.g);
  if (g === 1) return row.buurt_code;
  if (g === 2) return row.wijk_code;
  return g === 3 ? tenantId : null;
}

const round = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;

/** Counts for every area and period (absent: 0); counts are never suppressed. */
export function countMeasurements(
  code: string,
  codes: readonly string[],
  periods: readonly string[],
  counts: ReadonlyMap<string, number>,
  decimals = 0,
): IndicatorMeasurement[] {
  const out: IndicatorMeasurement[] = [];
  for (const areaCode of codes) {
    for (const period of periods) {
      out.push({ indicatorCode: code, areaCode, period, value: round(counts.get(cellKey(areaCode, period)) ?? 0, decimals), status: 'ok' });
    }
  }
  return out;
}

/** A rate or median with the number of cases behind it (value null when there are none). */
export interface CaseValue {
  value: number | null;
  cases: number;
}

/**
 * Rates and medians for every area and period: `suppressed` (no value) below `minCases` cases,
 * also when there are none; the cases are given as `respondents`.
 */
export function thresholdMeasurements(
  code: string,
  codes: readonly string[],
  periods: readonly string[],
  cells: ReadonlyMap<string, CaseValue>,
  minCases: number,
  decimals = 1,
): IndicatorMeasurement[] {
  const out: IndicatorMeasurement[] = [];
  for (const areaCode of codes) {
    for (const period of periods) {
      const c = cells.get(cellKey(areaCode, period)) ?? { value: null, cases: 0 };
      const shown = c.cases >= minCases && c.value !== null;
      out.push({
        indicatorCode: code,
        areaCode,
        period,
        value: shown ? round(c.value!, decimals) : null,
        respondents: c.cases,
        status: shown ? 'ok' : 'suppressed',
      });
    }
  }
  return out;
}

/** The share `part / whole` in percent, or null when `whole` is 0. */
export const percent = (part: number, whole: number): number | null => (whole > 0 ? (100 * part) / whole : null);
