import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { buildCalendar, icsFileName } from './ical.ts';

interface Parsed {
  uid: string;
  summary: string;
  status: string | null;
  start: Date;
  end: Date;
  localHour: number;
  tzid: string | null;
  location: string | null;
}

/** Parse the feed back with ical.js, resolving TZID through the feed's own VTIMEZONE. */
function parse(text: string): { events: Parsed[]; calendar: ICAL.Component } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
  const events = calendar.getAllSubcomponents('vevent').map((c) => {
    const ev = new ICAL.Event(c);
    return {
      uid: ev.uid,
      summary: ev.summary,
      status: (c.getFirstPropertyValue('status') as string | null) ?? null,
      start: ev.startDate.toJSDate(),
      end: ev.endDate.toJSDate(),
      localHour: ev.startDate.hour,
      tzid: (c.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null,
      location: ev.location ?? null,
    };
  });
  return { events, calendar };
}

describe('iCalendar feeds', () => {
  const service = {
    id: '7d0f5a0e-0000-4000-8000-000000000001',
    name: 'Open eettafel De Link',
    description: 'Samen eten voor €5.',
    url: 'https://example.nl/heerhugowaard/sociale-kaart/aanbod/7d0f5a0e-0000-4000-8000-000000000001',
    location: 'Buurthuis De Link, Middenweg 1, Heerhugowaard',
    schedules: [
      { id: 'sch-1', freq: 'WEEKLY', byday: 'SU', opens_at: '12:00', closes_at: '13:30', cancelled: ['2026-11-01'] },
    ],
  };

  it('keeps 12:00 local across the October change and carries the Amsterdam zone', () => {
    const text = buildCalendar({
      name: 'Open eettafel',
      services: [service],
      now: new Date('2026-10-10T10:00:00Z'),
      from: new Date('2026-10-12T00:00:00Z'),
      to: new Date('2026-11-03T00:00:00Z'),
    });
    assert.match(text, /BEGIN:VTIMEZONE\r\nTZID:Europe\/Amsterdam/);
    const { events, calendar } = parse(text);
    assert.equal(calendar.getFirstPropertyValue('method'), 'PUBLISH');
    assert.deepEqual(
      events.map((e) => e.start.toISOString()),
      ['2026-10-18T10:00:00.000Z', '2026-10-25T11:00:00.000Z', '2026-11-01T11:00:00.000Z'],
      'summer time +02:00, then winter time +01:00',
    );
    for (const e of events) {
      assert.equal(e.localHour, 12);
      assert.equal(e.tzid, 'Europe/Amsterdam');
      assert.equal(e.end.getTime() - e.start.getTime(), 90 * 60_000);
      assert.equal(e.location, service.location);
    }
    assert.equal(events[0]!.uid, 'sch-1-2026-10-18@samenhang');
  });

  it('keeps 12:00 local across the March change', () => {
    const text = buildCalendar({
      name: 'x',
      services: [service],
      now: new Date('2027-03-01T10:00:00Z'),
      from: new Date('2027-03-20T00:00:00Z'),
      to: new Date('2027-04-05T00:00:00Z'),
    });
    const { events } = parse(text);
    assert.deepEqual(
      events.map((e) => e.start.toISOString()),
      ['2027-03-21T11:00:00.000Z', '2027-03-28T10:00:00.000Z', '2027-04-04T10:00:00.000Z'],
    );
  });

  it('writes a cancelled date as a cancelled event, not as a gap', () => {
    const { events } = parse(
      buildCalendar({ name: 'x', services: [service], now: new Date('2026-10-10T10:00:00Z'), from: new Date('2026-10-30T00:00:00Z'), to: new Date('2026-11-10T00:00:00Z') }),
    );
    assert.deepEqual(
      events.map((e) => [e.start.toISOString().slice(0, 10), e.status, e.summary]),
      [
        ['2026-11-01', 'CANCELLED', 'Vervalt: Open eettafel De Link'],
        ['2026-11-08', 'CONFIRMED', 'Open eettafel De Link'],
      ],
    );
  });

  it('uses a default window around now and combines services (buurt feed)', () => {
    const other = { id: 'svc-2', name: 'Inloop Stip', schedules: [{ freq: 'MONTHLY', byday: '1TU,3TU', opens_at: '09:30', closes_at: '11:00' }] };
    const { events } = parse(buildCalendar({ name: 'Buurt', services: [service, other], now: new Date('2026-11-23T10:00:00Z') }));
    const stip = events.filter((e) => e.summary === 'Inloop Stip');
    // From 23 Oct 2026 to 25 May 2027: two per month, about 14.
    assert.ok(stip.length >= 13 && stip.length <= 15, String(stip.length));
    assert.ok(events.some((e) => e.summary === 'Open eettafel De Link'));
    assert.equal(new Set(events.map((e) => e.uid)).size, events.length, 'unique UIDs');
  });

  it('an empty feed is still a valid calendar', () => {
    const { events, calendar } = parse(buildCalendar({ name: 'Leeg', services: [], now: new Date('2026-11-23T10:00:00Z') }));
    assert.equal(events.length, 0);
    assert.equal(calendar.name, 'vcalendar');
  });

  it('makes safe file names', () => {
    assert.equal(icsFileName('Open eettafel – Café ’t Hoekje!'), 'open-eettafel-cafe-t-hoekje.ics');
    assert.equal(icsFileName('***'), 'agenda.ics');
  });
});
