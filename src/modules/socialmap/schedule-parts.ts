/**
 * Parts of an HSDS schedule that schedule.ts evaluates besides the weekday/month rules: times with
 * their UTC offset (`10:00Z`, `12:00+01:00`), and the `byweekno` / `byyearday` filters.
 *
 * Times: a time with `Z` or an offset is an instant in that offset; a time without one uses the
 * schedule's HSDS `timezone` (a UTC offset in hours) when it has one, and otherwise is a wall-clock
 * time in Europe/Amsterdam (the default: Dutch activities are announced in local time).
 *
 * Week numbers follow RFC 5545: weeks start on `wkst` (Monday by default) and week 1 is the first
 * week with at least four days in the year; `-1` is the last week of the year.
 */

const DAY_MS = 86_400_000;

/** A time of day: minutes after midnight, and its own UTC offset in minutes when it carries one. */
export interface Clock {
  minutes: number;
  offset: number | null;
}

const CLOCK_RE = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** 'HH:MM', 'HH:MM:SS', optionally with `Z` or `±HH:MM` / `±HHMM` / `±HH`; null when absent or invalid. */
export function parseClock(s: string | null | undefined): Clock | null {
  if (!s) return null;
  const m = CLOCK_RE.exec(s.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return null;
  return { minutes: h * 60 + min, offset: parseOffset(m[4]) };
}

function parseOffset(s: string | undefined): number | null {
  if (!s) return null;
  if (s.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(s)!;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** The HSDS `timezone` (hours east of UTC, may be fractional) as minutes; null when absent or out of range. */
export function offsetOfTimezone(tz: number | string | null | undefined): number | null {
  if (tz === null || tz === undefined || tz === '') return null;
  const n = Number(tz);
  if (!Number.isFinite(n) || Math.abs(n) > 14) return null;
  return Math.round(n * 60);
}

/** Comma-separated non-zero integers within ±max (HSDS `byweekno`, `byyearday`). */
export function parseIntList(s: string | null | undefined, max: number): number[] {
  if (!s) return [];
  return s
    .split(',')
    .map((p) => Number(p.trim()))
    .filter((n) => Number.isInteger(n) && n !== 0 && Math.abs(n) <= max);
}

function ymd(day: number): { y: number; wd: number } {
  const dt = new Date(day * DAY_MS);
  return { y: dt.getUTCFullYear(), wd: (dt.getUTCDay() + 6) % 7 };
}

function jan1(y: number): number {
  return Math.floor(Date.UTC(y, 0, 1) / DAY_MS);
}

/** First day of the week (starting on `wkst`, 0 = Monday) that holds `day`. */
function weekStart(day: number, wkst: number): number {
  return day - ((ymd(day).wd - wkst + 7) % 7);
}

/** RFC 5545 week number of a day (days since 1970-01-01) and the number of weeks of its week-year. */
export function weekOfYear(day: number, wkst: number): { week: number; weeks: number } {
  // A week belongs to the year of its fourth day (then at least four of its days are in that year).
  const fourth = weekStart(day, wkst) + 3;
  const y = ymd(fourth).y;
  const week = Math.floor((fourth - jan1(y)) / 7) + 1;
  // The week holding 28 December is always the last week of its year.
  const lastFourth = weekStart(jan1(y) + 361 + (isLeap(y) ? 1 : 0), wkst) + 3;
  return { week, weeks: Math.floor((lastFourth - jan1(y)) / 7) + 1 };
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Whether a day lies in one of the listed weeks (negative: counted from the end of the year). */
export function inWeeks(day: number, wkst: number, weeks: readonly number[]): boolean {
  if (weeks.length === 0) return true;
  const w = weekOfYear(day, wkst);
  return weeks.some((n) => (n > 0 ? w.week === n : w.week === w.weeks + n + 1));
}

/** Whether a day is one of the listed days of its year (1 = 1 January, -1 = 31 December). */
export function onYearDays(day: number, yearDays: readonly number[]): boolean {
  if (yearDays.length === 0) return true;
  const y = ymd(day).y;
  const n = day - jan1(y) + 1;
  const total = isLeap(y) ? 366 : 365;
  return yearDays.some((d) => (d > 0 ? n === d : n === total + d + 1));
}
