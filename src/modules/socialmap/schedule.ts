/**
 * HSDS 3.0 schedules → concrete occurrences in Europe/Amsterdam time.
 *
 * Dates are civil dates (YYYY-MM-DD) and `opens_at`/`closes_at` without an offset are wall-clock
 * times in Europe/Amsterdam: "dinsdag 12:00" stays 12:00 on both sides of a daylight-saving
 * change. A time with `Z` or a UTC offset (`10:00Z`, `12:00+01:00`), or a schedule with HSDS's
 * `timezone` (a UTC offset in hours), is an instant in that offset instead (schedule-parts.ts).
 * Supported: freq DAILY, WEEKLY, MONTHLY (none = one-off on dtstart), interval, byday (with
 * ordinals for MONTHLY: `1TU,3TU`, `-1FR`), bymonthday (also negative), byweekno and byyearday
 * (as filters, also negative), wkst, dtstart, valid_from/valid_to, until, count, cancelled dates.
 */
import { DateTime } from 'luxon';
import { ZONE } from '../../platform/time.ts';
import { inWeeks, offsetOfTimezone, onYearDays, parseClock, parseIntList, type Clock } from './schedule-parts.ts';

const DAY_MS = 86_400_000;
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAYS)[number];

/** A civil date as stored: 'YYYY-MM-DD' text, or a Date from a DATE column. */
export type DateValue = string | Date | null | undefined;

/** The HSDS schedule fields this module evaluates (snake_case, as in HSDS and the table). */
export interface ScheduleRule {
  id?: string;
  freq?: string | null;
  interval?: number | null;
  byday?: string | null;
  bymonthday?: string | null;
  byweekno?: string | null;
  byyearday?: string | null;
  wkst?: string | null;
  dtstart?: DateValue;
  valid_from?: DateValue;
  valid_to?: DateValue;
  until?: DateValue;
  count?: number | null;
  opens_at?: string | null;
  closes_at?: string | null;
  /** HSDS `timezone`: the UTC offset in hours of times without their own offset; none = Europe/Amsterdam wall-clock. */
  timezone?: number | string | null;
  /** Cancelled dates (YYYY-MM-DD) of this schedule, from the exceptions table. */
  cancelled?: readonly string[];
}

export interface Occurrence {
  scheduleId: string | undefined;
  /** The civil date in Amsterdam (YYYY-MM-DD). */
  date: string;
  start: Date;
  end: Date;
  /** No opening times: the whole day. */
  allDay: boolean;
  cancelled: boolean;
}

/** Day number (days since 1970-01-01) of a civil date. */
function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

function parseDate(v: DateValue): number | null {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    // A DATE column arrives as midnight in either UTC (PGlite) or the server's zone (pg).
    return v.getUTCHours() === 0 && v.getUTCMinutes() === 0
      ? dayNumber(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate())
      : dayNumber(v.getFullYear(), v.getMonth() + 1, v.getDate());
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  return m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** YYYY-MM-DD of a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of a civil date string or Date column value (null when absent or malformed). */
export function toDayNumber(v: DateValue): number | null {
  return parseDate(v);
}

interface Civil {
  y: number;
  m: number;
  d: number;
  /** 0 = Monday … 6 = Sunday. */
  wd: number;
  daysInMonth: number;
}

function civil(day: number): Civil {
  const dt = new Date(day * DAY_MS);
  const y = dt.getUTCFullYear();
  const m = dt.getUTCMonth() + 1;
  return { y, m, d: dt.getUTCDate(), wd: (dt.getUTCDay() + 6) % 7, daysInMonth: new Date(Date.UTC(y, m, 0)).getUTCDate() };
}

interface ByDay {
  wd: number;
  ordinal: number | null;
}

function parseByDay(s: string | null | undefined): ByDay[] {
  if (!s) return [];
  const out: ByDay[] = [];
  for (const part of s.split(',')) {
    const m = /^\s*([+-]?\d{1,2})?\s*(MO|TU|WE|TH|FR|SA|SU)\s*$/i.exec(part);
    if (!m) continue;
    out.push({ wd: WEEKDAYS.indexOf(m[2]!.toUpperCase() as WeekdayCode), ordinal: m[1] ? Number(m[1]) : null });
  }
  return out;
}

function parseMonthDays(s: string | null | undefined): number[] {
  if (!s) return [];
  return s
    .split(',')
    .map((p) => Number(p.trim()))
    .filter((n) => Number.isInteger(n) && n !== 0 && Math.abs(n) <= 31);
}

/** Minutes after midnight of 'HH:MM' or 'HH:MM:SS' (an offset suffix is not applied); null when absent or invalid. */
export function parseTime(s: string | null | undefined): number | null {
  return parseClock(s)?.minutes ?? null;
}

/** A compiled rule: decides whether a civil day carries an occurrence. */
interface Compiled {
  rule: ScheduleRule;
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'ONCE';
  interval: number;
  anchor: number | null;
  first: number | null;
  last: number | null;
  byday: ByDay[];
  monthdays: number[];
  weeknos: number[];
  yeardays: number[];
  wkst: number;
  count: number | null;
  opens: Clock | null;
  closes: Clock | null;
  /** UTC offset (minutes) of times without their own offset; null = Europe/Amsterdam wall-clock. */
  offset: number | null;
  cancelled: ReadonlySet<string>;
}

function compile(rule: ScheduleRule): Compiled {
  const f = (rule.freq ?? '').toUpperCase();
  const freq = f === 'DAILY' || f === 'WEEKLY' || f === 'MONTHLY' ? f : 'ONCE';
  const dtstart = parseDate(rule.dtstart);
  const validFrom = parseDate(rule.valid_from);
  const anchor = dtstart ?? validFrom;
  const ends = [parseDate(rule.valid_to), parseDate(rule.until)].filter((x): x is number => x !== null);
  const starts = [dtstart, validFrom].filter((x): x is number => x !== null);
  const wkst = rule.wkst ? WEEKDAYS.indexOf(rule.wkst.toUpperCase() as WeekdayCode) : 0;
  return {
    rule,
    freq,
    interval: rule.interval && rule.interval > 0 ? Math.floor(rule.interval) : 1,
    anchor,
    first: starts.length ? Math.max(...starts) : null,
    last: ends.length ? Math.min(...ends) : null,
    byday: parseByDay(rule.byday),
    monthdays: parseMonthDays(rule.bymonthday),
    weeknos: parseIntList(rule.byweekno, 53),
    yeardays: parseIntList(rule.byyearday, 366),
    wkst: wkst < 0 ? 0 : wkst,
    count: rule.count && rule.count > 0 ? Math.floor(rule.count) : null,
    opens: parseClock(rule.opens_at),
    closes: parseClock(rule.closes_at),
    offset: offsetOfTimezone(rule.timezone),
    cancelled: new Set(rule.cancelled ?? []),
  };
}

function matchesMonthly(c: Compiled, cd: Civil): boolean {
  const dayOk = c.monthdays.length === 0 || c.monthdays.some((n) => (n > 0 ? cd.d === n : cd.d === cd.daysInMonth + n + 1));
  const weekdayOk =
    c.byday.length === 0 ||
    c.byday.some((b) => {
      if (b.wd !== cd.wd) return false;
      if (b.ordinal === null) return true;
      if (b.ordinal > 0) return Math.ceil(cd.d / 7) === b.ordinal;
      return Math.floor((cd.daysInMonth - cd.d) / 7) + 1 === -b.ordinal;
    });
  if (c.monthdays.length === 0 && c.byday.length === 0) {
    return c.anchor !== null && civil(c.anchor).d === cd.d;
  }
  return dayOk && weekdayOk;
}

/** Whether the rule (ignoring count) has an occurrence on this day. */
function matchesDay(c: Compiled, day: number): boolean {
  if (c.first !== null && day < c.first) return false;
  if (c.last !== null && day > c.last) return false;
  if (c.freq === 'ONCE') return c.anchor !== null && day === c.anchor;
  if (!inWeeks(day, c.wkst, c.weeknos) || !onYearDays(day, c.yeardays)) return false;
  const cd = civil(day);
  if (c.freq === 'DAILY') {
    if (c.anchor !== null && (day - c.anchor) % c.interval !== 0) return false;
    return c.byday.length === 0 || c.byday.some((b) => b.wd === cd.wd);
  }
  if (c.freq === 'WEEKLY') {
    if (c.byday.length === 0) {
      if (c.anchor === null || civil(c.anchor).wd !== cd.wd) return false;
    } else if (!c.byday.some((b) => b.wd === cd.wd)) return false;
    if (c.interval > 1 && c.anchor !== null) {
      const weekStart = (n: number) => n - ((civil(n).wd - c.wkst + 7) % 7);
      const weeks = Math.round((weekStart(day) - weekStart(c.anchor)) / 7);
      if (weeks % c.interval !== 0) return false;
    }
    return true;
  }
  // MONTHLY
  if (c.interval > 1 && c.anchor !== null) {
    const a = civil(c.anchor);
    const months = (cd.y - a.y) * 12 + (cd.m - a.m);
    if (months % c.interval !== 0) return false;
  }
  return matchesMonthly(c, cd);
}

/** The longest stretch we scan from dtstart to apply `count` (ten years). */
const MAX_SCAN_DAYS = 3660;

/** Days in [fromDay, toDay] on which the rule has an occurrence (count applied from the anchor). */
function matchingDays(c: Compiled, fromDay: number, toDay: number): number[] {
  const out: number[] = [];
  let start = fromDay;
  let seen = 0;
  const counting = c.count !== null && c.anchor !== null;
  if (counting) start = Math.max(c.anchor!, toDay - MAX_SCAN_DAYS);
  else if (c.first !== null) start = Math.max(start, c.first);
  const end = c.last !== null ? Math.min(toDay, c.last) : toDay;
  for (let day = start; day <= end; day++) {
    if (!matchesDay(c, day)) continue;
    if (counting) {
      seen++;
      if (seen > c.count!) break;
      if (day < fromDay) continue;
    }
    out.push(day);
  }
  return out;
}

function occurrenceOn(c: Compiled, day: number): Occurrence {
  const cd = civil(day);
  const base = DateTime.fromObject({ year: cd.y, month: cd.m, day: cd.d }, { zone: ZONE });
  const date = isoDate(day);
  if (c.opens === null) {
    return {
      scheduleId: c.rule.id,
      date,
      start: base.toJSDate(),
      end: base.plus({ days: 1 }).toJSDate(),
      allDay: true,
      cancelled: c.cancelled.has(date),
    };
  }
  const opens = c.opens;
  const closes = c.closes;
  // A time's own offset, else the other time's, else the schedule's timezone, else Amsterdam wall-clock.
  const offsetOf = (t: Clock) => t.offset ?? opens.offset ?? closes?.offset ?? c.offset;
  const at = (minutes: number, offset: number | null): Date => {
    if (offset !== null) return new Date(Date.UTC(cd.y, cd.m - 1, cd.d) + (minutes - offset) * 60_000);
    // Wall-clock: set the hour on the civil day (adding minutes would be off by an hour on DST days).
    return base
      .plus({ days: Math.floor(minutes / 1440) })
      .set({ hour: Math.floor((minutes % 1440) / 60), minute: minutes % 60 })
      .toJSDate();
  };
  const start = at(opens.minutes, offsetOf(opens));
  // Closing at or before opening (compared in UTC when the times carry offsets) means past midnight.
  const utcMinutes = (t: Clock) => t.minutes - (offsetOf(t) ?? 0);
  const end = !closes
    ? new Date(start.getTime() + 3_600_000)
    : at(closes.minutes + (utcMinutes(closes) <= utcMinutes(opens) ? 24 * 60 : 0), offsetOf(closes));
  // With an offset the instant may fall on another Amsterdam day: the date is the one it starts on.
  const local = offsetOf(opens) === null ? date : isoDate(amsterdamDay(start));
  return { scheduleId: c.rule.id, date: local, start, end, allDay: false, cancelled: c.cancelled.has(local) };
}

/** Day number of an instant's civil date in Amsterdam. */
export function amsterdamDay(at: Date): number {
  const dt = DateTime.fromJSDate(at, { zone: ZONE });
  return dayNumber(dt.year, dt.month, dt.day);
}

/** Occurrences of one or more schedules that overlap [from, to), sorted by start; cancelled ones are included and flagged. */
export function occurrences(rules: ScheduleRule | readonly ScheduleRule[], from: Date, to: Date): Occurrence[] {
  const list = Array.isArray(rules) ? (rules as readonly ScheduleRule[]) : [rules as ScheduleRule];
  // Yesterday's late activity may still run; a time in another UTC offset may shift a day either way.
  const fromDay = amsterdamDay(from) - 2;
  const toDay = amsterdamDay(to) + 1;
  const out: Occurrence[] = [];
  for (const rule of list) {
    const c = compile(rule);
    for (const day of matchingDays(c, fromDay, toDay)) {
      const o = occurrenceOn(c, day);
      if (o.end > from && o.start < to) out.push(o);
    }
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Whether any (not cancelled) occurrence is running at this instant. */
export function isOpenAt(rules: ScheduleRule | readonly ScheduleRule[], at: Date): boolean {
  return occurrences(rules, at, new Date(at.getTime() + 1)).some((o) => !o.cancelled && o.start <= at && at < o.end);
}

/** The next `n` occurrences that have not ended yet at `now` (cancelled ones included and flagged unless told otherwise). */
export function nextOccurrences(
  rules: ScheduleRule | readonly ScheduleRule[],
  now: Date,
  n: number,
  opts: { horizonDays?: number; includeCancelled?: boolean } = {},
): Occurrence[] {
  const horizon = opts.horizonDays ?? 400;
  const out: Occurrence[] = [];
  // Widen the window step by step: most activities recur within weeks.
  for (let span = 8; out.length < n; span *= 4) {
    const to = DateTime.fromJSDate(now, { zone: ZONE })
      .plus({ days: Math.min(span, horizon) })
      .toJSDate();
    out.length = 0;
    for (const o of occurrences(rules, now, to)) if (opts.includeCancelled !== false || !o.cancelled) out.push(o);
    if (span >= horizon) break;
  }
  return out.slice(0, n);
}

export interface Range {
  from: Date;
  to: Date;
}

/** Today in Amsterdam: from local midnight to the next midnight (23 or 25 hours on DST days). */
export function todayRange(now: Date): Range {
  const start = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  return { from: start.toJSDate(), to: start.plus({ days: 1 }).toJSDate() };
}

/** This week in Amsterdam: from today's midnight until the end of Sunday. */
export function thisWeekRange(now: Date): Range {
  const local = DateTime.fromJSDate(now, { zone: ZONE });
  const start = local.startOf('day');
  return { from: start.toJSDate(), to: local.startOf('week').plus({ weeks: 1 }).toJSDate() };
}

/** A calendar month in Amsterdam, the one containing `now`. */
export function monthRange(now: Date): Range {
  const start = DateTime.fromJSDate(now, { zone: ZONE }).startOf('month');
  return { from: start.toJSDate(), to: start.plus({ months: 1 }).toJSDate() };
}

/** Whether a schedule has at least one (not cancelled) occurrence in the range. */
export function hasOccurrenceIn(rules: ScheduleRule | readonly ScheduleRule[], range: Range): boolean {
  return occurrences(rules, range.from, range.to).some((o) => !o.cancelled);
}

/** Local facts the search uses to prefilter "open now" in SQL: weekday code, date and minutes after midnight. */
export function localMoment(at: Date): { weekday: WeekdayCode; date: string; minutes: number; time: string } {
  const dt = DateTime.fromJSDate(at, { zone: ZONE });
  return { weekday: WEEKDAYS[dt.weekday - 1]!, date: dt.toISODate()!, minutes: dt.hour * 60 + dt.minute, time: dt.toFormat('HH:mm') };
}
