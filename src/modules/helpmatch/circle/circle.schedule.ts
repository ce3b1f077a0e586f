/** Dates of a circle's tasks: which days a task falls on, and the week overview. Pure functions. */
import { DateTime, type WeekdayNumbers } from 'luxon';
import type { CircleRecurrence } from './circle.tables.ts';
import { ZONE } from '../../../platform/time.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written yyyy-mm-dd. */
export function isIsoDate(s: unknown): s is string {
  return typeof s === 'string' && ISO_DATE.test(s) && DateTime.fromISO(s, { zone: ZONE }).isValid;
}

function day(s: string): DateTime {
  return DateTime.fromISO(s, { zone: 'utc' });
}

/** Days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round(day(b).diff(day(a), 'days').days);
}

export function addDays(s: string, n: number): string {
  return day(s).plus({ days: n }).toISODate()!;
}

/** The Monday of the week that holds this date. */
export function mondayOf(s: string): string {
  const d = day(s);
  return d.minus({ days: d.weekday - 1 }).toISODate()!;
}

export interface TaskDates {
  recurrence: CircleRecurrence;
  starts_on: string;
}

/** Does the task fall on this date? */
export function isOccurrence(task: TaskDates, date: string): boolean {
  const n = daysBetween(task.starts_on, date);
  if (n < 0) return false;
  if (task.recurrence === 'once') return n === 0;
  return n % (task.recurrence === 'weekly' ? 7 : 14) === 0;
}

/** Every date from `from` to `to` (inclusive) on which the task falls. */
export function occurrencesBetween(task: TaskDates, from: string, to: string): string[] {
  const out: string[] = [];
  const step = task.recurrence === 'once' ? Infinity : task.recurrence === 'weekly' ? 7 : 14;
  const offset = daysBetween(task.starts_on, from);
  let n = offset <= 0 ? 0 : Number.isFinite(step) ? Math.ceil(offset / step) * step : 1;
  if (!Number.isFinite(step) && n > 0) return out;
  const span = daysBetween(task.starts_on, to);
  for (; n <= span; n += Number.isFinite(step) ? step : Infinity) out.push(addDays(task.starts_on, n));
  return out;
}

export interface Slot<T extends TaskDates & { id: string }> {
  task: T;
  date: string;
  turn: { takenBy: string | null; doneAt: Date | null; hours: number | null } | null;
}

/** The week from `monday`: every occurrence of every task, with who took it (or open), by date then title. */
export function weekSlots<T extends TaskDates & { id: string; title: string; time_of_day: string | null }>(
  tasks: readonly T[],
  turns: readonly { task_id: string; occurs_on: string; taken_by: string | null; done_at: Date | null; hours: number | null }[],
  monday: string,
): Slot<T>[] {
  const sunday = addDays(monday, 6);
  const byKey = new Map(turns.map((t) => [`${t.task_id}|${t.occurs_on}`, t]));
  const slots: Slot<T>[] = [];
  for (const task of tasks) {
    for (const date of occurrencesBetween(task, monday, sunday)) {
      const t = byKey.get(`${task.id}|${date}`);
      slots.push({ task, date, turn: t ? { takenBy: t.taken_by, doneAt: t.done_at, hours: t.hours } : null });
    }
  }
  return slots.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      (a.task.time_of_day ?? '').localeCompare(b.task.time_of_day ?? '') ||
      a.task.title.localeCompare(b.task.title),
  );
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday (dates are checked on input: one that is not valid throws). */
export function weekdayOf(s: string): WeekdayNumbers {
  const d = DateTime.fromISO(s, { zone: 'utc' });
  if (!d.isValid) throw new Error(`weekdayOf: not a date: ${s}`);
  return d.weekday;
}
