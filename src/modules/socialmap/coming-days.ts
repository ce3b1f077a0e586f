/**
 * "De komende 7 dagen": the window residents mean by "this week" — today and the six days after
 * it, in Europe/Amsterdam — so that on a Sunday it still holds the coming Monday to Saturday
 * (issue 12: "deze week" ended on Sunday night and was empty on Sundays).
 */
import { DateTime } from 'luxon';
import { ZONE } from '../../platform/time.ts';
import type { Range } from './schedule.ts';

/** How many days "de komende dagen" covers: today and six more. */
export const COMING_DAYS = 7;

/** From today's local midnight until the midnight after the last of `days` days (23/25-hour days respected). */
export function comingDaysRange(now: Date, days: number = COMING_DAYS): Range {
  const start = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  return { from: start.toJSDate(), to: start.plus({ days }).toJSDate() };
}

/** The rest of the window from `now` on: what is still to come in the coming `days` days. */
export function comingFromNow(now: Date, days: number = COMING_DAYS): Range {
  return { from: now, to: comingDaysRange(now, days).to };
}
