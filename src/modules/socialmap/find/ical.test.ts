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
    schedules: [{ id: 'sch-1', freq: 'WEEKLY', byday: 'SU', opens_at: '12:00', closes_at: '13:30', cancelled: ['2026-11-01'] }],
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
    assert.equal(events[0]!.uid, `${service.id}-sch-1-2026-10-18@samenhang`, 'service, schedule and date');
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
      buildCalendar({
        name: 'x',
        services: [service],
        now: new Date('2026-10-10T10:00:00Z'),
        from: new Date('2026-10-30T00:00:00Z'),
        to: new Date('2026-11-10T00:00:00Z'),
      }),
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
    const other = {
      id: 'svc-2',
      name: 'Inloop Stip',
      schedules: [{ freq: 'MONTHLY', byday: '1TU,3TU', opens_at: '09:30', closes_at: '11:00' }],
    };
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

  it('never lets a control character in any value start a line of its own (injection)', () => {
    const evil = 'Koffie\r\nATTENDEE:mailto:aanvaller@example.org\nX-INJECTED:1\rORGANIZER:x\u0000\u000b\u0085\u2028END:VEVENT';
    const text = buildCalendar({
      name: `Buurt ${evil}`,
      url: `https://example.nl/agenda${evil}`,
      services: [
        {
          id: 'svc-evil',
          name: `Inloop ${evil}`,
          description: `Regel een\r\nRegel twee ${evil}`,
          location: `Buurthuis ${evil}`,
          url: `https://example.nl/aanbod${evil}`,
          schedules: [{ id: 'sch-evil', freq: 'WEEKLY', byday: 'MO', opens_at: '10:00', closes_at: '11:00', cancelled: ['2026-10-19'] }],
        },
      ],
      now: new Date('2026-10-10T10:00:00Z'),
      from: new Date('2026-10-12T00:00:00Z'),
      to: new Date('2026-10-20T00:00:00Z'),
      cancelledPrefix: `Vervalt${evil}:`,
    });
    // Raw: lines end with CRLF only, every line is a known property or a folded continuation.
    // eslint-disable-next-line no-control-regex -- looking for control characters
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n\u0000\u000b\u0085\u2028]/, 'no bare CR, LF or other control character');
    const lines = text.split('\r\n');
    const names = lines.filter((l) => !l.startsWith(' ')).map((l) => /^[A-Z-]+/.exec(l)?.[0]);
    for (const injected of ['ATTENDEE', 'X-INJECTED', 'ORGANIZER']) assert.ok(!names.includes(injected), `no ${injected} line`);
    assert.equal(
      names.filter((n) => n === 'END').length,
      lines.filter((l) => /^END:(VEVENT|VCALENDAR|VTIMEZONE|DAYLIGHT|STANDARD)$/.test(l)).length,
      'every END line is one of ours',
    );
    for (const l of lines) assert.ok(Buffer.byteLength(l) <= 75, `folded: ${l}`);
    // Parsed: one calendar, two events, the injected text only inside values.
    const { events, calendar } = parse(text);
    assert.equal(events.length, 2);
    assert.equal(calendar.getAllProperties('attendee').length, 0);
    for (const c of calendar.getAllSubcomponents('vevent')) {
      assert.deepEqual(c.getAllProperties('attendee'), []);
      assert.deepEqual(c.getAllProperties('organizer'), []);
      assert.deepEqual(c.getAllProperties('x-injected'), []);
    }
    const clean = 'Koffie ATTENDEE:mailto:aanvaller@example.org X-INJECTED:1 ORGANIZER:x END:VEVENT';
    assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), `Buurt ${clean}`);
    assert.equal(events[0]!.summary, `Inloop ${clean}`);
    assert.equal(events[1]!.summary, `Vervalt${clean}: Inloop ${clean}`);
    assert.equal(events[0]!.location, `Buurthuis ${clean}`);
    const ev = new ICAL.Event(calendar.getAllSubcomponents('vevent')[0]!);
    assert.equal(
      ev.description,
      `Regel een\nRegel twee Koffie\nATTENDEE:mailto:aanvaller@example.org\nX-INJECTED:1\nORGANIZER:x END:VEVENT`,
      'line breaks of a description stay, escaped',
    );
    // eslint-disable-next-line no-control-regex -- looking for control characters
    assert.doesNotMatch(String(calendar.getAllSubcomponents('vevent')[0]!.getFirstPropertyValue('url')), /[\s\u0000-\u001f]/);
  });

  it('makes safe file names', () => {
    assert.equal(icsFileName('Open eettafel – Café ’t Hoekje!'), 'open-eettafel-cafe-t-hoekje.ics');
    assert.equal(icsFileName('***'), 'agenda.ics');
  });
});
