/**
 * iCalendar feeds of activities (per service, per buurt, per wijk) with ical-generator.
 *
 * Decision: occurrences are **expanded** within a window (from a month ago until six months
 * ahead) instead of written as RRULE + EXDATE. HSDS rules such as "first and third Tuesday,
 * valid until …, except 24 November" then arrive identically in every calendar app, and a
 * cancelled date stays in the feed as its own event with STATUS:CANCELLED, so a calendar that
 * already holds it shows the cancellation instead of silently dropping it. Every occurrence has
 * a stable UID (schedule id + date), so re-subscribing updates instead of duplicating.
 * Times are written with TZID=Europe/Amsterdam and a VTIMEZONE (CET/CEST rules).
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { occurrences, ZONE, type ScheduleRule } from './schedule.ts';

/** The Europe/Amsterdam VTIMEZONE (EU rules since 1996: last Sunday of March and October). */
export const AMSTERDAM_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Amsterdam',
  'X-LIC-LOCATION:Europe/Amsterdam',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

export interface IcalService {
  id: string;
  name: string;
  description?: string | null;
  /** Absolute URL of the service page. */
  url?: string | null;
  /** Where: place name and address as one line. */
  location?: string | null;
  schedules: readonly ScheduleRule[];
}

export interface CalendarInput {
  name: string;
  /** Absolute URL of the feed's page (X-WR-… and URL). */
  url?: string | null;
  services: readonly IcalService[];
  now: Date;
  /** Window of expanded occurrences; default from 31 days ago until 183 days ahead. */
  from?: Date;
  to?: Date;
  /** Prefix for the summary of a cancelled occurrence ("Vervalt: "). */
  cancelledPrefix?: string;
}

/** Default window of a feed around `now`. */
export function feedWindow(now: Date): { from: Date; to: Date } {
  const local = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  return { from: local.minus({ days: 31 }).toJSDate(), to: local.plus({ days: 183 }).toJSDate() };
}

/** Build an iCalendar (RFC 5545) text with one event per occurrence of every service's schedules. */
export function buildCalendar(input: CalendarInput): string {
  const window = feedWindow(input.now);
  const from = input.from ?? window.from;
  const to = input.to ?? window.to;
  const cal = ical({
    name: input.name,
    prodId: { company: 'Samenhang', product: 'Sociale kaart', language: 'NL' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: ZONE, generator: (tz) => (tz === ZONE ? AMSTERDAM_VTIMEZONE : null) },
    ttl: 60 * 60 * 6,
    ...(input.url ? { url: input.url } : {}),
  });
  for (const svc of input.services) {
    const rules = svc.schedules.map((s, i) => ({ ...s, id: s.id ?? `${svc.id}-${i}` }));
    for (const o of occurrences(rules, from, to)) {
      const start = DateTime.fromJSDate(o.start, { zone: ZONE });
      const end = DateTime.fromJSDate(o.end, { zone: ZONE });
      cal.createEvent({
        id: `${o.scheduleId}-${o.date}@samenhang`,
        start,
        end,
        allDay: o.allDay,
        timezone: ZONE,
        stamp: input.now,
        summary: o.cancelled ? `${input.cancelledPrefix ?? 'Vervalt: '}${svc.name}` : svc.name,
        status: o.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        ...(svc.description ? { description: svc.description } : {}),
        ...(svc.location ? { location: svc.location } : {}),
        ...(svc.url ? { url: svc.url } : {}),
      });
    }
  }
  return cal.toString();
}

/** A safe file name for a feed ("open-eettafel.ics"). */
export function icsFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'agenda'}.ics`;
}
