/**
 * The one date format of the signals pages: "9 dec 2026" (English "9 Dec 2026"), with the time
 * after it where the moment matters ("9 dec 2026, 10:00"). A due date stored as yyyy-mm-dd is shown
 * the same way. Every signals view formats dates through these two functions.
 */
import { formatDateTime, type Locale } from '../../platform/i18n/index.ts';
import { ZONE } from '../../platform/time.ts';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}:${timeZone}`;
  let f = dayFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone });
    dayFormats.set(key, f);
  }
  return f;
}

/** A day: a moment (in Europe/Amsterdam) or a calendar date "yyyy-mm-dd" → "9 dec 2026". */
export function formatDay(locale: Locale, d: Date | string): string {
  if (typeof d === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
    if (!m) return d;
    return dayFormat(locale, 'UTC').format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
  }
  return dayFormat(locale, ZONE).format(d);
}

/** A moment with its time → "9 dec 2026, 10:00" (the platform's date-time format, whose date part is the same). */
export function formatMoment(locale: Locale, d: Date): string {
  return formatDateTime(locale, d);
}
