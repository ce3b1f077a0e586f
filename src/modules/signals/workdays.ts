/**
 * Working days in the Netherlands (Europe/Amsterdam): weekends and the national public holidays
 * are not working days. Used for handling deadlines per category.
 */
import { DateTime } from 'luxon';
import { ZONE } from '../../platform/time.ts';

/** Bevrijdingsdag (5 May) as a day off: every year, only in lustrum years (2025, 2030, …; the usual CAO rule), or never. */
export type LiberationDayRule = 'always' | 'lustrum' | 'never';

export interface HolidayOptions {
  liberationDay?: LiberationDayRule;
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher) as month and day. */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

/** The Dutch public holidays (days off) of a year as ISO dates with their names. */
export function dutchHolidays(year: number, opts: HolidayOptions = {}): Map<string, string> {
  const out = new Map<string, string>();
  const add = (d: DateTime, name: string) => out.set(d.toISODate()!, name);
  const date = (month: number, day: number) => DateTime.fromObject({ year, month, day }, { zone: ZONE });
  add(date(1, 1), 'Nieuwjaarsdag');
  const easter = date(easterSunday(year).month, easterSunday(year).day);
  add(easter, 'Eerste paasdag');
  add(easter.plus({ days: 1 }), 'Tweede paasdag');
  const kingsDay = date(4, 27);
  add(kingsDay.weekday === 7 ? date(4, 26) : kingsDay, 'Koningsdag');
  const rule = opts.liberationDay ?? 'lustrum';
  if (rule === 'always' || (rule === 'lustrum' && year % 5 === 0)) add(date(5, 5), 'Bevrijdingsdag');
  add(easter.plus({ days: 39 }), 'Hemelvaartsdag');
  add(easter.plus({ days: 49 }), 'Eerste pinksterdag');
  add(easter.plus({ days: 50 }), 'Tweede pinksterdag');
  add(date(12, 25), 'Eerste kerstdag');
  add(date(12, 26), 'Tweede kerstdag');
  return out;
}

const cache = new Map<string, Map<string, string>>();
function holidaysCached(year: number, opts: HolidayOptions): Map<string, string> {
  const key = `${year}:${opts.liberationDay ?? 'lustrum'}`;
  let m = cache.get(key);
  if (!m) cache.set(key, (m = dutchHolidays(year, opts)));
  return m;
}

/** True when the calendar day (in Amsterdam) of `d` is a working day. */
export function isWorkingDay(d: DateTime, opts: HolidayOptions = {}): boolean {
  const local = d.setZone(ZONE);
  if (local.weekday >= 6) return false;
  return !holidaysCached(local.year, opts).has(local.toISODate()!);
}

/** A calendar day as milliseconds at UTC midnight: plain day arithmetic, no time zone involved. */
const DAY_MS = 86_400_000;

function isWorkingCalendarDay(utcMidnight: number, opts: HolidayOptions): boolean {
  const d = new Date(utcMidnight);
  const weekday = d.getUTCDay(); // 0 Sunday, 6 Saturday
  if (weekday === 0 || weekday === 6) return false;
  return !holidaysCached(d.getUTCFullYear(), opts).has(d.toISOString().slice(0, 10));
}

/**
 * The deadline `days` working days after `start`: the end (23:59:59.999, Amsterdam) of the n-th
 * working day after the start day. With 0 days: the end of the start day, or of the next working
 * day when the start is not one. The days are counted on the calendar (the start's day in
 * Amsterdam); only the start and the end are converted between time zones.
 */
export function addWorkingDays(start: Date, days: number, opts: HolidayOptions = {}): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a non-negative integer');
  const local = DateTime.fromJSDate(start, { zone: ZONE });
  let day = Date.UTC(local.year, local.month - 1, local.day);
  if (days === 0) {
    while (!isWorkingCalendarDay(day, opts)) day += DAY_MS;
  }
  let left = days;
  while (left > 0) {
    day += DAY_MS;
    if (isWorkingCalendarDay(day, opts)) left--;
  }
  const end = new Date(day);
  return DateTime.fromObject({ year: end.getUTCFullYear(), month: end.getUTCMonth() + 1, day: end.getUTCDate() }, { zone: ZONE })
    .endOf('day')
    .toJSDate();
}
