/**
 * The feeds as independent calendar libraries read them (issue 12, item 11): ical.js parses every
 * feed; rrule (a port of python-dateutil) is the oracle for `byweekno`, which ical.js does not expand.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { createRequire } from 'node:module';
import { buildCalendar, feedQuery, feedRange, type IcalService } from './ical.ts';

// rrule ships CommonJS (UMD) without named ESM exports.
const { rrulestr } = createRequire(import.meta.url)('rrule') as typeof import('rrule');

interface Parsed {
  uid: string;
  summary: string;
  start: Date;
  end: Date;
  localHour: number;
  date: string;
}

function parse(text: string): { events: Parsed[]; calendar: ICAL.Component } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
  const events = calendar.getAllSubcomponents('vevent').map((c) => {
    const ev = new ICAL.Event(c);
    const d = ev.startDate;
    return {
      uid: ev.uid,
      summary: ev.summary,
      start: d.toJSDate(),
      end: ev.endDate.toJSDate(),
      localHour: d.hour,
      date: `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`,
    };
  });
  return { events, calendar };
}

const svc = (id: string, schedules: IcalService['schedules'], name = `Activiteit ${id}`): IcalService => ({ id, name, schedules });
const feed = (services: IcalService[], from: string, to: string, now = '2026-06-01T08:30:00Z') =>
  buildCalendar({ name: 'Test', services, now: new Date(now), from: new Date(from), to: new Date(to) });

describe('iCalendar feeds read by independent libraries', () => {
  it('writes DTSTAMP in UTC with Z (RFC 5545 3.8.7.2), also on a server in another zone', () => {
    const tz = process.env.TZ;
    process.env.TZ = 'America/New_York';
    let text: string;
    try {
      text = feed(
        [svc('a', [{ id: 's', freq: 'WEEKLY', byday: 'MO', opens_at: '10:00', closes_at: '11:00' }])],
        '2026-06-01',
        '2026-06-09',
      );
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    const lines = text.split('\r\n').filter((l) => l.startsWith('DTSTAMP'));
    assert.ok(lines.length >= 1);
    for (const l of lines) assert.equal(l, 'DTSTAMP:20260601T083000Z');
    const stamp = parse(text).calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstamp') as ICAL.Time;
    assert.equal(stamp.zone?.tzid, 'UTC', 'ical.js reads it as UTC');
    assert.equal(stamp.toJSDate().toISOString(), '2026-06-01T08:30:00.000Z');
    assert.match(text, /\r\nX-WR-TIMEZONE:Europe\/Amsterdam\r\n/, 'the feed still names its zone');
  });

  it('ends with CRLF, like every other line (RFC 5545 3.1)', () => {
    for (const services of [[], [svc('a', [{ id: 's', freq: 'WEEKLY', byday: 'MO', opens_at: '10:00' }])]]) {
      const text = feed(services, '2026-06-01', '2026-06-09');
      assert.ok(text.endsWith('END:VCALENDAR\r\n'), JSON.stringify(text.slice(-20)));
      assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'no bare CR or LF');
      assert.equal(parse(text).calendar.name, 'vcalendar');
    }
  });

  it('gives two services sharing one location schedule their own, stable UIDs', () => {
    const shared = { id: 'loc-schedule', freq: 'WEEKLY', byday: 'WE', opens_at: '14:00', closes_at: '16:00' };
    const services = [svc('svc-koffie', [shared], 'Koffie-inloop'), svc('svc-biljart', [shared], 'Biljartclub')];
    const text = feed(services, '2026-06-01', '2026-06-15');
    const { events } = parse(text);
    assert.equal(events.length, 4, 'two Wednesdays for each service');
    assert.equal(new Set(events.map((e) => e.uid)).size, 4, 'no UID twice');
    assert.deepEqual(events.map((e) => e.summary).sort(), ['Biljartclub', 'Biljartclub', 'Koffie-inloop', 'Koffie-inloop']);
    assert.ok(events.some((e) => e.uid === 'svc-koffie-loc-schedule-2026-06-03@samenhang'));
    assert.deepEqual(
      parse(feed(services, '2026-06-01', '2026-06-15', '2026-06-02T12:00:00Z')).events.map((e) => e.uid),
      events.map((e) => e.uid),
      'the same UIDs on the next run',
    );
  });

  it('expands byweekno as rrule does (HSDS "41,42": two Mondays, not every Monday), across the year end', () => {
    const cases = [
      { byweekno: '41,42', byday: 'MO', wkst: null },
      { byweekno: '1,-1', byday: 'MO,TU', wkst: null },
      { byweekno: '1,-1', byday: 'MO,TU', wkst: 'SU' },
      { byweekno: '53', byday: 'TH', wkst: null },
    ];
    for (const c of cases) {
      const rule = { id: 'w', freq: 'WEEKLY', byday: c.byday, byweekno: c.byweekno, wkst: c.wkst, opens_at: '10:00', closes_at: '11:00' };
      const { events } = parse(feed([svc('a', [rule])], '2025-12-01T00:00:00Z', '2028-01-10T00:00:00Z'));
      const oracle = rrulestr(
        `DTSTART:20251201T100000Z\nRRULE:FREQ=YEARLY;BYWEEKNO=${c.byweekno};BYDAY=${c.byday}${c.wkst ? `;WKST=${c.wkst}` : ''}`,
      )
        .between(new Date('2025-12-01T00:00:00Z'), new Date('2028-01-10T00:00:00Z'), true)
        .map((d) => d.toISOString().slice(0, 10));
      assert.ok(oracle.length > 0);
      assert.deepEqual(
        events.map((e) => e.date),
        oracle,
        JSON.stringify(c),
      );
      for (const e of events) assert.equal(e.localHour, 10);
    }
    const mondays = parse(
      feed([svc('a', [{ id: 'w', freq: 'WEEKLY', byday: 'MO', byweekno: '41,42', opens_at: '10:00' }])], '2026-01-01', '2027-01-01'),
    );
    assert.deepEqual(
      mondays.events.map((e) => e.date),
      ['2026-10-05', '2026-10-12'],
    );
  });

  it('honours Z and UTC offsets on the times and HSDS timezone, on both sides of the October and March changes', () => {
    const rules = [
      { id: 'z', freq: 'WEEKLY', byday: 'SU', opens_at: '10:00Z', closes_at: '11:00Z' },
      { id: 'plus1', freq: 'WEEKLY', byday: 'SU', opens_at: '12:00+01:00', closes_at: '13:00+01:00' },
      { id: 'tz2', freq: 'WEEKLY', byday: 'SU', opens_at: '12:00', closes_at: '13:00', timezone: 2 },
      { id: 'local', freq: 'WEEKLY', byday: 'SU', opens_at: '12:00', closes_at: '13:00' },
    ];
    const utcHours = (id: string, from: string, to: string) =>
      parse(
        feed(
          [
            svc(
              id,
              rules.filter((r) => r.id === id),
            ),
          ],
          from,
          to,
        ),
      ).events.map((e) => [e.date, e.start.getUTCHours(), e.localHour]);
    // October: 18 Oct summer time (+2), 25 Oct the change, 1 Nov winter time (+1).
    const oct = ['2026-10-17T00:00:00Z', '2026-11-02T00:00:00Z'] as const;
    const march = ['2027-03-20T00:00:00Z', '2027-04-05T00:00:00Z'] as const;
    const OCT = ['2026-10-18', '2026-10-25', '2026-11-01'];
    const MAR = ['2027-03-21', '2027-03-28', '2027-04-04'];
    /** [date, hour in UTC, hour in Amsterdam] per occurrence. */
    const expect = (days: string[], utc: number, local: number[]) => days.map((d, i) => [d, utc, local[i]]);
    assert.deepEqual(utcHours('z', ...oct), expect(OCT, 10, [12, 11, 11]));
    assert.deepEqual(utcHours('z', ...march), expect(MAR, 10, [11, 12, 12]));
    assert.deepEqual(utcHours('plus1', ...oct), expect(OCT, 11, [13, 12, 12]));
    assert.deepEqual(utcHours('plus1', ...march), expect(MAR, 11, [12, 13, 13]));
    assert.deepEqual(utcHours('tz2', ...oct), expect(OCT, 10, [12, 11, 11]));
    assert.deepEqual(utcHours('tz2', ...march), expect(MAR, 10, [11, 12, 12]));
    assert.deepEqual(utcHours('local', ...oct), [
      ['2026-10-18', 10, 12],
      ['2026-10-25', 11, 12],
      ['2026-11-01', 11, 12],
    ]);
    assert.deepEqual(utcHours('local', ...march), [
      ['2027-03-21', 11, 12],
      ['2027-03-28', 10, 12],
      ['2027-04-04', 10, 12],
    ]);
  });

  it('runs past midnight into the next day, also with an offset and across the October change', () => {
    const rules = [
      { id: 'n', freq: 'WEEKLY', byday: 'SA', opens_at: '22:00', closes_at: '02:00' },
      { id: 'o', freq: 'WEEKLY', byday: 'SA', opens_at: '21:00Z', closes_at: '01:00Z' },
    ];
    const { events } = parse(feed([svc('a', rules)], '2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z'));
    const by = (uid: string) => events.find((e) => e.uid.includes(uid))!;
    // Saturday 24 October 22:00 (+2) until Sunday 02:00 (+1): the night of the change lasts an hour more.
    assert.equal(by('-n-').start.toISOString(), '2026-10-24T20:00:00.000Z');
    assert.equal(by('-n-').end.toISOString(), '2026-10-25T01:00:00.000Z');
    assert.equal(by('-o-').start.toISOString(), '2026-10-24T21:00:00.000Z');
    assert.equal(by('-o-').end.toISOString(), '2026-10-25T01:00:00.000Z');
  });

  it('takes a date range (van/tot), checked: order, at most 366 days, real dates', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    assert.deepEqual(feedRange(now, { van: '2027-03-01', tot: '2027-03-31' }), {
      from: new Date('2027-02-28T23:00:00Z'),
      to: new Date('2027-03-31T22:00:00Z'),
    });
    const vanOnly = feedRange(now, { van: '2027-01-01' });
    assert.equal(vanOnly.from.toISOString(), '2026-12-31T23:00:00.000Z');
    assert.equal(Math.round((vanOnly.to.getTime() - vanOnly.from.getTime()) / 86_400_000), 214);
    const totOnly = feedRange(now, { tot: '2027-01-31' });
    assert.equal(totOnly.to.toISOString(), '2027-01-31T23:00:00.000Z');
    assert.equal(Math.round((totOnly.to.getTime() - totOnly.from.getTime()) / 86_400_000), 214);
    assert.deepEqual(feedRange(now), { from: new Date('2026-10-22T22:00:00Z'), to: new Date('2027-05-24T22:00:00Z') });

    assert.ok(feedQuery.safeParse({ van: '2027-01-01', tot: '2027-12-31' }).success, '365 days');
    assert.ok(feedQuery.safeParse({ van: '2028-01-01', tot: '2028-12-31' }).success, '366 days in a leap year');
    const messages = (q: object) => {
      const r = feedQuery.safeParse(q);
      return r.success ? [] : [...new Set(r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`))];
    };
    assert.deepEqual(messages({ van: '2027-01-01', tot: '2028-01-02' }), ['tot:socialmap.find.feed.rangeTooLong']);
    assert.deepEqual(messages({ van: '2027-02-01', tot: '2027-01-31' }), ['tot:socialmap.find.feed.rangeOrder']);
    assert.deepEqual(messages({ van: '2027-02-30' }), ['van:socialmap.error.date']);
    assert.deepEqual(messages({ tot: 'morgen' }), ['tot:socialmap.error.date']);

    const rule = { id: 's', freq: 'WEEKLY', byday: 'MO', opens_at: '10:00' };
    const text = buildCalendar({
      name: 'x',
      services: [svc('a', [rule])],
      now,
      ...feedRange(now, { van: '2027-03-01', tot: '2027-03-31' }),
    });
    assert.deepEqual(
      parse(text).events.map((e) => [e.date, e.localHour]),
      [
        ['2027-03-01', 10],
        ['2027-03-08', 10],
        ['2027-03-15', 10],
        ['2027-03-22', 10],
        ['2027-03-29', 10],
      ],
      'only the range, 10:00 on both sides of the March change',
    );
  });
});
