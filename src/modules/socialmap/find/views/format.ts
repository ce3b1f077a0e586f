/** Formatting of dates, times and distances for the resident pages (Europe/Amsterdam). */
import { formatNumber, type Locale, type Translate } from '../../../../platform/i18n/index.ts';
import type { Occurrence } from '../../schedule.ts';
import { ZONE } from '../../../../platform/time.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

function fmt(locale: Locale, kind: 'day' | 'time' | 'date' | 'month' | 'short'): Intl.DateTimeFormat {
  const key = `${locale}:${kind}`;
  let f = formats.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions =
      kind === 'day'
        ? { weekday: 'long', day: 'numeric', month: 'long' }
        : kind === 'time'
          ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
          : kind === 'date'
            ? { day: 'numeric', month: 'long', year: 'numeric' }
            : kind === 'month'
              ? { month: 'long', year: 'numeric' }
              : { weekday: 'short', day: 'numeric', month: 'short' };
    f = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { ...opts, timeZone: ZONE });
    formats.set(key, f);
  }
  return f;
}

/** "dinsdag 24 november, 12:00–13:30" (or only the day for an all-day occurrence). */
export function formatOccurrence(locale: Locale, o: Occurrence, short = false): string {
  const day = fmt(locale, short ? 'short' : 'day').format(o.start);
  if (o.allDay) return day;
  return `${day}, ${fmt(locale, 'time').format(o.start)}–${fmt(locale, 'time').format(o.end)}`;
}

/** "23 november 2026". */
export function formatDate(locale: Locale, d: Date): string {
  return fmt(locale, 'date').format(d);
}

/** "november 2026". */
export function formatMonth(locale: Locale, d: Date): string {
  return fmt(locale, 'month').format(d);
}

/** "350 meter" (rounded to 10 m) or "1,4 kilometer". */
export function formatDistance(t: Translate, locale: Locale, metres: number): string {
  if (metres < 1000) return t('socialmap.find.results.distanceM', { m: formatNumber(locale, Math.max(10, Math.round(metres / 10) * 10)) });
  return t('socialmap.find.results.distanceKm', { km: formatNumber(locale, metres / 1000, 1) });
}
