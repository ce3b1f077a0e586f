import { DateTime } from 'luxon';
import type { RequestTime, WeeklySlot } from './types.ts';
import { ZONE } from '../../../platform/time.ts';

const WEEK_MINUTES = 7 * 24 * 60;
/** A window longer than this many days covers every weekday: we look at no more days than this. */
const MAX_WINDOW_DAYS = 8;
/** The least overlap that counts, in minutes (or the whole request when it is shorter). */
export const MIN_OVERLAP_MINUTES = 30;

export interface Overlap {
  /** Minutes in which the volunteer is available during the requested time (per week for weekly requests). */
  minutes: number;
  /** Minutes asked for (a window is capped at one week). */
  requested: number;
  /** Weekday and local minute where the overlap starts first (for the explanation). */
  first: { day: number; minute: number } | null;
}

const merged = new WeakMap<readonly WeeklySlot[], readonly WeeklySlot[]>();

/** Slots merged where they overlap or touch, sorted by day and start: no minute is counted twice. Remembered per array. */
export function mergeSlots(slots: readonly WeeklySlot[]): readonly WeeklySlot[] {
  const known = merged.get(slots);
  if (known) return known;
  const sorted = slots.filter((s) => s.to > s.from).sort((a, b) => a.day - b.day || a.from - b.from);
  const out: WeeklySlot[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && last.day === s.day && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else out.push({ day: s.day, from: s.from, to: s.to });
  }
  merged.set(slots, out);
  return out;
}

function intersect(aFrom: number, aTo: number, bFrom: number, bTo: number): number {
  return Math.max(0, Math.min(aTo, bTo) - Math.max(aFrom, bFrom));
}

/** Overlap of two sets of weekly slots, summed over the week; both must be merged (`mergeSlots`). */
export function weeklyOverlap(wanted: readonly WeeklySlot[], available: readonly WeeklySlot[]): Overlap {
  let minutes = 0;
  let requested = 0;
  let first: Overlap['first'] = null;
  for (const w of wanted) {
    requested += Math.max(0, w.to - w.from);
    for (const a of available) {
      if (a.day !== w.day) continue;
      const o = intersect(w.from, w.to, a.from, a.to);
      if (o <= 0) continue;
      minutes += o;
      const start = Math.max(w.from, a.from);
      if (!first || w.day * 1440 + start < first.day * 1440 + first.minute) first = { day: w.day, minute: start };
    }
  }
  return { minutes, requested, first };
}

/** The minutes of `weeklyOverlap` alone, without allocating (for scans over many volunteers). */
export function weeklyOverlapMinutes(wanted: readonly WeeklySlot[], available: readonly WeeklySlot[]): number {
  let minutes = 0;
  for (const w of wanted) {
    for (const a of available) {
      if (a.day !== w.day) continue;
      const o = intersect(w.from, w.to, a.from, a.to);
      if (o > 0) minutes += o;
    }
  }
  return minutes;
}

/** Minutes asked for by weekly slots (merged): what `weeklyOverlap` reports as requested. */
export function weeklyRequestedMinutes(wanted: readonly WeeklySlot[]): number {
  let requested = 0;
  for (const w of wanted) requested += Math.max(0, w.to - w.from);
  return requested;
}

/** Overlap of one absolute window with weekly availability, day by day in local time (summer and winter time). */
function windowOverlap(start: Date, end: Date, available: readonly WeeklySlot[]): Overlap {
  const requested = Math.min(WEEK_MINUTES, Math.max(0, Math.round((end.getTime() - start.getTime()) / 60_000)));
  let minutes = 0;
  let first: Overlap['first'] = null;
  let firstAt = Number.POSITIVE_INFINITY;
  const startLocal = DateTime.fromJSDate(start, { zone: ZONE });
  const endLocal = DateTime.fromJSDate(end, { zone: ZONE });
  let day = startLocal.startOf('day');
  for (let i = 0; i < MAX_WINDOW_DAYS && day < endLocal; i++, day = day.plus({ days: 1 })) {
    const from = day < startLocal ? startLocal.hour * 60 + startLocal.minute : 0;
    const nextDay = day.plus({ days: 1 });
    const to = endLocal < nextDay ? endLocal.hour * 60 + endLocal.minute : 1440;
    for (const a of available) {
      if (a.day !== day.weekday) continue;
      const o = intersect(from, to, a.from, a.to);
      if (o <= 0) continue;
      minutes += o;
      const at = i * 1440 + Math.max(from, a.from);
      if (at < firstAt) {
        firstAt = at;
        first = { day: day.weekday, minute: Math.max(from, a.from) };
      }
    }
  }
  return { minutes: Math.min(minutes, requested), requested, first };
}

/** How much of the requested time the volunteer's weekly availability covers. */
export function timeOverlap(time: RequestTime, available: readonly WeeklySlot[]): Overlap {
  const avail = mergeSlots(available);
  return time.kind === 'weekly' ? weeklyOverlap(mergeSlots(time.slots), avail) : windowOverlap(time.start, time.end, avail);
}

/** Whether an overlap is enough: at least 30 minutes, or all of a shorter request. */
export function overlapSuffices(o: Overlap): boolean {
  return minutesSuffice(o.minutes, o.requested);
}

/** `overlapSuffices` on the two numbers. */
export function minutesSuffice(minutes: number, requested: number): boolean {
  return minutes > 0 && minutes >= Math.min(MIN_OVERLAP_MINUTES, requested);
}

/** Part of the day for a local minute: morning 6–12, afternoon 12–18, evening 18–24, night 0–6. */
export function daypart(minute: number): 'night' | 'morning' | 'afternoon' | 'evening' {
  if (minute < 360) return 'night';
  if (minute < 720) return 'morning';
  if (minute < 1080) return 'afternoon';
  return 'evening';
}
