/**
 * The time zone of a schedule as we publish it in HSDS 3.0 (API, JSON export, schedules.csv).
 *
 * Our times are wall-clock times in Europe/Amsterdam, but HSDS 3.0 only has `timezone`: a UTC
 * offset in hours ("dates are assumed to be UTC otherwise"), which a strict reader applies to
 * `opens_at`/`closes_at`. Amsterdam's offset changes twice a year, so we publish the offset that
 * holds at the schedule's next occurrence (+1 in winter, +2 in summer) and, as a documented
 * extension, `timezone_name: "Europe/Amsterdam"`, which readers that know time zones should prefer
 * (and our own import does). Schedules that carry their own offset (imported with `timezone`, or
 * `Z`/`+01:00` on a time) are published as stored.
 */
import { DateTime } from 'luxon';
import { ZONE } from '../../../platform/time.ts';
import { nextOccurrences, type ScheduleRule } from '../schedule.ts';
import { parseClock } from '../schedule-parts.ts';

/** The extension field next to `timezone` (docs/socialmap-hsds.md). */
export const TIMEZONE_NAME_FIELD = 'timezone_name';

/** `timezone` and `timezone_name` to publish for a stored schedule, or nothing when it carries its own offset. */
export function publishedZone(row: ScheduleRule, now: Date): { timezone: number; timezone_name: string } | null {
  if (row.timezone !== null && row.timezone !== undefined && row.timezone !== '') return null;
  if ([row.opens_at, row.closes_at].some((t) => parseClock(t)?.offset != null)) return null;
  const next = nextOccurrences({ ...row, cancelled: [] }, now, 1, { horizonDays: 400 })[0];
  const offset = DateTime.fromJSDate(next?.start ?? now, { zone: ZONE }).offset;
  return { timezone: offset / 60, timezone_name: ZONE };
}
