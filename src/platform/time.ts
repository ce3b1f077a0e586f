/**
 * Local time, one way for every module: Samenhang serves Dutch municipalities, so every calendar
 * date, "today", daylight-saving rule and formatted time is in Europe/Amsterdam. Pure: no Fastify,
 * no database; the caller passes `now` (the injected clock).
 */
import { DateTime } from 'luxon';

/** The time zone of every local date and time. */
export const ZONE = 'Europe/Amsterdam';

/** The calendar date (yyyy-mm-dd) of an instant in the Netherlands, e.g. today's date for `now`. */
export function localDate(at: Date): string {
  return DateTime.fromJSDate(at, { zone: ZONE }).toISODate()!;
}
