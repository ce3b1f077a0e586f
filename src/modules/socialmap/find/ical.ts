/**
 * iCalendar feeds of activities (per service, per buurt, per wijk) with ical-generator.
 *
 * Decision: occurrences are **expanded** within a window (from a month ago until six months
 * ahead) instead of written as RRULE + EXDATE. HSDS rules such as "first and third Tuesday,
 * valid until …, except 24 November" then arrive identically in every calendar app, and a
 * cancelled date stays in the feed as its own event with STATUS:CANCELLED, so a calendar that
 * already holds it shows the cancellation instead of silently dropping it. Every occurrence has
 * a stable UID (service id + schedule id + date: two services sharing a location's schedule stay
 * two events), so re-subscribing updates instead of duplicating.
 * Times are written with TZID=Europe/Amsterdam and a VTIMEZONE (CET/CEST rules); DTSTAMP in UTC
 * (`Z`, RFC 5545 3.8.7.2) and the text ends with CRLF like every other line (RFC 5545 3.1).
 *
 * Every value is cleaned here, whatever the database holds (the forms and the HSDS import refuse
 * control characters, but older rows or other paths may still have them): one-line values lose
 * every control character, descriptions keep only their line breaks, URIs are percent-encoded.
 * ical-generator escapes and folds event properties, but writes the calendar's NAME,
 * X-WR-CALNAME and URL as given: those are escaped here, so a line break in a service or area
 * name can never start a property of its own (`ATTENDEE:…`).
 */
import ical, { escape, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { occurrences, type ScheduleRule } from '../schedule.ts';
import { isoDate } from '../socialmap.schemas.ts';
import { ZONE } from '../../../platform/time.ts';

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

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_BUT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]+/g;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_IN_URI = /[\u0000-\u0020\u007f-\u009f\u2028\u2029"<>\\^`{|}]/g;

/** A one-line value: every run of control characters becomes one space. */
export function icalLine(s: string): string {
  return s.replace(CONTROL, ' ').trim();
}

/** A multi-line value (descriptions): line breaks kept as `\n` (written as the escape `\n`), other control characters become spaces. */
export function icalMultiLine(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(CONTROL_BUT_LF, ' ').trim();
}

/** A URI value: characters a URI may not hold (controls, spaces, quotes…) are percent-encoded. */
export function icalUri(s: string): string {
  return s.trim().replace(NOT_IN_URI, (c) => encodeURIComponent(c));
}

/** Default window of a feed around `now`. */
export function feedWindow(now: Date): { from: Date; to: Date } {
  const local = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  return { from: local.minus({ days: 31 }).toJSDate(), to: local.plus({ days: 183 }).toJSDate() };
}

/** The longest range a feed may ask for (`?van=&tot=`), in days. */
export const FEED_MAX_DAYS = 366;
/** Days a feed covers from `van` when `tot` is not given (and before `tot` when `van` is not given). */
const FEED_DEFAULT_DAYS = 214;

const day = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).startOf('day');

/**
 * Query of a feed: `van` and `tot` (YYYY-MM-DD, both days included, Europe/Amsterdam), at most
 * FEED_MAX_DAYS apart. Either may be left out (see feedRange).
 */
export const feedQuery = z.object({ van: isoDate.optional(), tot: isoDate.optional() }).superRefine((q, ctx) => {
  if (!q.van || !q.tot) return;
  const days = day(q.tot).diff(day(q.van), 'days').days + 1;
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['tot'], message: 'socialmap.find.feed.rangeOrder' });
  else if (days > FEED_MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['tot'], message: 'socialmap.find.feed.rangeTooLong' });
});
export type FeedQuery = z.output<typeof feedQuery>;

/**
 * The window of a feed: the default around `now` without `van`/`tot`; from `van` on for
 * FEED_DEFAULT_DAYS days; up to and including `tot` for as many days before it; or exactly van–tot.
 */
export function feedRange(now: Date, q: FeedQuery = {}): { from: Date; to: Date } {
  if (!q.van && !q.tot) return feedWindow(now);
  const from = q.van ? day(q.van) : day(q.tot!).plus({ days: 1 - FEED_DEFAULT_DAYS });
  const to = q.tot ? day(q.tot).plus({ days: 1 }) : from.plus({ days: FEED_DEFAULT_DAYS });
  return { from: from.toJSDate(), to: to.toJSDate() };
}

/** Build an iCalendar (RFC 5545) text with one event per occurrence of every service's schedules. */
export function buildCalendar(input: CalendarInput): string {
  const window = feedWindow(input.now);
  const from = input.from ?? window.from;
  const to = input.to ?? window.to;
  // Written as given by ical-generator: escaped here (TEXT) and percent-encoded (URI).
  // No calendar-wide zone name: ical-generator would then write DTSTAMP as a local time without
  // `Z`. Each event carries TZID=Europe/Amsterdam, the generator adds its VTIMEZONE, and
  // X-WR-TIMEZONE still tells calendar apps the feed's zone.
  const cal = ical({
    name: escape(icalLine(input.name), false),
    prodId: { company: 'Samenhang', product: 'Sociale kaart', language: 'NL' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: (tz) => (tz === ZONE ? AMSTERDAM_VTIMEZONE : null) },
    x: { 'X-WR-TIMEZONE': ZONE },
    ttl: 60 * 60 * 6,
    ...(input.url ? { url: icalUri(input.url) } : {}),
  });
  const cancelledPrefix = icalLine(input.cancelledPrefix ?? 'Vervalt:');
  for (const svc of input.services) {
    const name = icalLine(svc.name);
    const description = svc.description ? icalMultiLine(svc.description) : '';
    const location = svc.location ? icalLine(svc.location) : '';
    const url = svc.url ? icalUri(svc.url) : '';
    const rules = svc.schedules.map((s, i) => ({ ...s, id: s.id ?? `${svc.id}-${i}` }));
    for (const o of occurrences(rules, from, to)) {
      const start = DateTime.fromJSDate(o.start, { zone: ZONE });
      const end = DateTime.fromJSDate(o.end, { zone: ZONE });
      cal.createEvent({
        id: `${svc.id}-${o.scheduleId}-${o.date}@samenhang`,
        start,
        end,
        allDay: o.allDay,
        timezone: ZONE,
        stamp: input.now,
        summary: o.cancelled ? `${cancelledPrefix} ${name}` : name,
        status: o.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        ...(description ? { description } : {}),
        ...(location ? { location } : {}),
        ...(url ? { url } : {}),
      });
    }
  }
  // ical-generator ends the last line without CRLF.
  return `${cal.toString()}\r\n`;
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
