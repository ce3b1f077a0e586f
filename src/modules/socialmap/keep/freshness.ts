/**
 * How fresh an entry of the social map is. Providers are asked to confirm or update an entry 6
 * months after it was last checked; after 9 months it is flagged stale. Months are calendar
 * months in Europe/Amsterdam (luxon), so "6 months after 31 August" is 28 February.
 */
import { DateTime } from 'luxon';
import { ZONE } from '../../../platform/time.ts';

export const CHECK_AFTER_MONTHS = 6;
export const STALE_AFTER_MONTHS = 9;

function plusMonths(d: Date, months: number): Date {
  return DateTime.fromJSDate(d, { zone: ZONE }).plus({ months }).toJSDate();
}

/** When an entry checked at `lastCheckedAt` should be checked again. */
export function checkDueAt(lastCheckedAt: Date): Date {
  return plusMonths(lastCheckedAt, CHECK_AFTER_MONTHS);
}

/** When an entry checked at `lastCheckedAt` becomes stale. */
export function staleAt(lastCheckedAt: Date): Date {
  return plusMonths(lastCheckedAt, STALE_AFTER_MONTHS);
}

/** True when the entry was not checked for 9 months (or never). */
export function isStale(lastCheckedAt: Date | null, now: Date): boolean {
  return lastCheckedAt === null || staleAt(lastCheckedAt).getTime() <= now.getTime();
}

/** True when the provider should be asked to confirm the entry: not checked for 6 months (or never). */
export function needsCheck(lastCheckedAt: Date | null, now: Date): boolean {
  return lastCheckedAt === null || checkDueAt(lastCheckedAt).getTime() <= now.getTime();
}

/** The cut-off instants for a query: entries checked before `checkBefore` need a check, before `staleBefore` are stale. */
export function freshnessCutoffs(now: Date): { checkBefore: Date; staleBefore: Date } {
  const n = DateTime.fromJSDate(now, { zone: ZONE });
  return {
    checkBefore: n.minus({ months: CHECK_AFTER_MONTHS }).toJSDate(),
    staleBefore: n.minus({ months: STALE_AFTER_MONTHS }).toJSDate(),
  };
}

/** The date of a check as the pages show it: "23 november 2026" / "23 November 2026". */
export function formatCheckedDate(d: Date, locale: 'nl' | 'en'): string {
  return DateTime.fromJSDate(d, { zone: ZONE })
    .setLocale(locale === 'nl' ? 'nl-NL' : 'en-GB')
    .toFormat('d MMMM yyyy');
}
