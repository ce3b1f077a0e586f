import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  hasOccurrenceIn,
  isOpenAt,
  nextOccurrences,
  occurrences,
  parseTime,
  thisWeekRange,
  todayRange,
  type ScheduleRule,
} from './schedule.ts';
import { ZONE } from '../../platform/time.ts';

const d = (s: string) => new Date(s);
const dates = (rule: ScheduleRule, from: string, to: string) => occurrences(rule, d(from), d(to)).map((o) => o.date);
const local = (x: Date) => DateTime.fromJSDate(x, { zone: ZONE }).toFormat("yyyy-MM-dd'T'HH:mm");

describe('schedule occurrences', () => {
  it('open eettafel on the first and third Tuesday (1TU,3TU)', () => {
    const rule: ScheduleRule = { freq: 'MONTHLY', byday: '1TU,3TU', opens_at: '12:00', closes_at: '13:30', dtstart: '2026-01-01' };
    assert.deepEqual(dates(rule, '2026-11-01T00:00:00Z', '2026-12-31T00:00:00Z'), ['2026-11-03', '2026-11-17', '2026-12-01', '2026-12-15']);
    const [first] = occurrences(rule, d('2026-11-01T00:00:00Z'), d('2026-11-30T00:00:00Z'));
    assert.equal(local(first!.start), '2026-11-03T12:00');
    assert.equal(local(first!.end), '2026-11-03T13:30');
    assert.equal(first!.start.toISOString(), '2026-11-03T11:00:00.000Z');
  });

  it('last Friday (-1FR) and last day of the month (bymonthday -1)', () => {
    assert.deepEqual(dates({ freq: 'MONTHLY', byday: '-1FR', opens_at: '10:00' }, '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z'), [
      '2026-11-27',
    ]);
    assert.deepEqual(dates({ freq: 'MONTHLY', bymonthday: '-1,15', opens_at: '10:00' }, '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z'), [
      '2026-11-15',
      '2026-11-30',
    ]);
  });

  it('byweekno and byyearday filter the days (also negative: from the end of the year)', () => {
    const mondays: ScheduleRule = { freq: 'WEEKLY', byday: 'MO', byweekno: '41,-1', opens_at: '10:00' };
    assert.deepEqual(dates(mondays, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'), ['2026-10-05', '2026-12-28']);
    const yearDays: ScheduleRule = { freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU', byyearday: '1,60,-1', opens_at: '10:00' };
    assert.deepEqual(dates(yearDays, '2027-12-30T00:00:00Z', '2028-12-31T23:00:00Z'), [
      '2027-12-31',
      '2028-01-01',
      '2028-02-29',
      '2028-12-31',
    ]);
  });

  it('honours Z, an offset on a time and HSDS timezone: "open now" at the UTC instant, past midnight too', () => {
    const utc: ScheduleRule = { freq: 'WEEKLY', byday: 'MO', opens_at: '09:00Z', closes_at: '10:00Z' };
    // Monday 23 November 2026 is winter time: 09:00Z is 10:00 in Amsterdam.
    assert.equal(isOpenAt(utc, d('2026-11-23T09:30:00Z')), true);
    assert.equal(isOpenAt(utc, d('2026-11-23T08:30:00Z')), false, '09:30 local, before it opens');
    const tz: ScheduleRule = { freq: 'WEEKLY', byday: 'SU', opens_at: '23:00', closes_at: '01:00', timezone: -5 };
    // Sunday 23:00 at UTC-5 is Monday 04:00Z (05:00 in Amsterdam) until 06:00Z.
    const [o] = occurrences(tz, d('2026-11-23T00:00:00Z'), d('2026-11-24T00:00:00Z'));
    assert.deepEqual(
      [o!.date, o!.start.toISOString(), o!.end.toISOString()],
      ['2026-11-23', '2026-11-23T04:00:00.000Z', '2026-11-23T06:00:00.000Z'],
    );
    assert.equal(isOpenAt(tz, d('2026-11-23T05:00:00Z')), true);
  });

  it('fortnightly from dtstart, with valid_to and count', () => {
    const rule: ScheduleRule = { freq: 'WEEKLY', interval: 2, byday: 'MO', dtstart: '2026-11-02', opens_at: '09:00', closes_at: '10:00' };
    assert.deepEqual(dates(rule, '2026-11-01T00:00:00Z', '2026-12-08T00:00:00Z'), ['2026-11-02', '2026-11-16', '2026-11-30']);
    assert.deepEqual(dates({ ...rule, valid_to: '2026-11-20' }, '2026-11-01T00:00:00Z', '2026-12-08T00:00:00Z'), [
      '2026-11-02',
      '2026-11-16',
    ]);
    assert.deepEqual(dates({ ...rule, count: 2 }, '2026-11-10T00:00:00Z', '2027-01-01T00:00:00Z'), ['2026-11-16']);
    assert.deepEqual(dates({ ...rule, until: '2026-11-02' }, '2026-11-01T00:00:00Z', '2027-01-01T00:00:00Z'), ['2026-11-02']);
  });

  it('daily with interval, weekly without byday takes the weekday of dtstart, and one-off events', () => {
    assert.deepEqual(
      dates({ freq: 'DAILY', interval: 3, dtstart: '2026-11-01', opens_at: '09:00' }, '2026-11-01T00:00:00Z', '2026-11-10T00:00:00Z'),
      ['2026-11-01', '2026-11-04', '2026-11-07'],
    );
    assert.deepEqual(dates({ freq: 'WEEKLY', dtstart: '2026-11-05', opens_at: '09:00' }, '2026-11-01T00:00:00Z', '2026-11-20T00:00:00Z'), [
      '2026-11-05',
      '2026-11-12',
      '2026-11-19',
    ]);
    assert.deepEqual(
      dates({ dtstart: '2026-11-12', opens_at: '19:30', closes_at: '21:00' }, '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z'),
      ['2026-11-12'],
    );
  });

  it('marks cancelled dates and skips them for "open now"', () => {
    const rule: ScheduleRule = { freq: 'WEEKLY', byday: 'TU', opens_at: '12:00', closes_at: '13:30', cancelled: ['2026-11-24'] };
    const occ = occurrences(rule, d('2026-11-16T00:00:00Z'), d('2026-11-30T00:00:00Z'));
    assert.deepEqual(
      occ.map((o) => [o.date, o.cancelled]),
      [
        ['2026-11-17', false],
        ['2026-11-24', true],
      ],
    );
    assert.equal(isOpenAt(rule, d('2026-11-17T11:30:00Z')), true);
    assert.equal(isOpenAt(rule, d('2026-11-24T11:30:00Z')), false);
    const next = nextOccurrences(rule, d('2026-11-18T00:00:00Z'), 2, { includeCancelled: false });
    assert.deepEqual(
      next.map((o) => o.date),
      ['2026-12-01', '2026-12-08'],
    );
  });

  it('runs past midnight when closing is before opening', () => {
    const rule: ScheduleRule = { freq: 'WEEKLY', byday: 'SA', opens_at: '22:00', closes_at: '01:00' };
    assert.equal(isOpenAt(rule, d('2026-11-28T21:30:00Z')), true, 'Saturday 22:30 local');
    assert.equal(isOpenAt(rule, d('2026-11-28T23:30:00Z')), true, 'Sunday 00:30 local, still Saturday night');
    assert.equal(isOpenAt(rule, d('2026-11-29T00:30:00Z')), false, 'Sunday 01:30 local');
  });

  it('a schedule without opening times lasts the whole day', () => {
    const [o] = occurrences({ dtstart: '2026-11-25' }, d('2026-11-20T00:00:00Z'), d('2026-11-30T00:00:00Z'));
    assert.equal(o!.allDay, true);
    assert.equal(local(o!.start), '2026-11-25T00:00');
  });

  it('parses times strictly', () => {
    assert.equal(parseTime('12:30'), 750);
    assert.equal(parseTime('09:05:00+01:00'), 545);
    assert.equal(parseTime('25:00'), null);
    assert.equal(parseTime('12:75'), null);
    assert.equal(parseTime(''), null);
  });
});

describe('daylight saving (Europe/Amsterdam)', () => {
  const sundayNoon: ScheduleRule = { freq: 'WEEKLY', byday: 'SU', opens_at: '12:00', closes_at: '13:00' };

  it('"open now" on the last Sunday of October (back to winter time)', () => {
    // 18 Oct 2026: summer time, 12:00 local = 10:00Z. 25 Oct 2026: winter time, 12:00 local = 11:00Z.
    assert.equal(isOpenAt(sundayNoon, d('2026-10-18T10:30:00Z')), true);
    assert.equal(isOpenAt(sundayNoon, d('2026-10-18T11:30:00Z')), false);
    assert.equal(isOpenAt(sundayNoon, d('2026-10-25T10:30:00Z')), false, '11:30 local, before opening');
    assert.equal(isOpenAt(sundayNoon, d('2026-10-25T11:30:00Z')), true, '12:30 local');
    assert.equal(isOpenAt(sundayNoon, d('2026-10-25T12:00:00Z')), false, '13:00 local, closed');
  });

  it('"open now" on the last Sunday of March (to summer time)', () => {
    // 21 Mar 2027: winter time, 12:00 = 11:00Z. 28 Mar 2027: summer time, 12:00 = 10:00Z.
    assert.equal(isOpenAt(sundayNoon, d('2027-03-21T11:30:00Z')), true);
    assert.equal(isOpenAt(sundayNoon, d('2027-03-28T10:30:00Z')), true, '12:30 local');
    assert.equal(isOpenAt(sundayNoon, d('2027-03-28T11:30:00Z')), false, '13:30 local');
  });

  it('keeps the wall-clock time of every occurrence across both changes', () => {
    const occ = occurrences(sundayNoon, d('2026-10-01T00:00:00Z'), d('2027-04-30T00:00:00Z'));
    assert.ok(occ.length > 25);
    for (const o of occ) {
      assert.equal(DateTime.fromJSDate(o.start, { zone: ZONE }).toFormat('HH:mm'), '12:00');
      assert.equal(o.end.getTime() - o.start.getTime(), 3_600_000);
    }
  });

  it('an activity that spans the change in the night lasts an hour more or less', () => {
    const night: ScheduleRule = { dtstart: '2026-10-25', opens_at: '01:00', closes_at: '04:00' };
    const [o] = occurrences(night, d('2026-10-24T00:00:00Z'), d('2026-10-26T00:00:00Z'));
    assert.equal(o!.end.getTime() - o!.start.getTime(), 4 * 3_600_000);
    const spring: ScheduleRule = { dtstart: '2027-03-28', opens_at: '01:00', closes_at: '04:00' };
    const [p] = occurrences(spring, d('2027-03-27T00:00:00Z'), d('2027-03-29T00:00:00Z'));
    assert.equal(p!.end.getTime() - p!.start.getTime(), 2 * 3_600_000);
  });

  it('"today" is 23 or 25 hours long on the change days, "this week" ends on Sunday night', () => {
    const march = todayRange(d('2027-03-28T09:00:00Z'));
    assert.equal(march.to.getTime() - march.from.getTime(), 23 * 3_600_000);
    const october = todayRange(d('2026-10-25T09:00:00Z'));
    assert.equal(october.to.getTime() - october.from.getTime(), 25 * 3_600_000);
    const week = thisWeekRange(d('2026-11-25T09:00:00Z'));
    assert.equal(local(week.from), '2026-11-25T00:00');
    assert.equal(local(week.to), '2026-11-30T00:00');
    assert.equal(hasOccurrenceIn(sundayNoon, week), true);
    assert.equal(hasOccurrenceIn({ ...sundayNoon, cancelled: ['2026-11-29'] }, week), false);
  });

  it('property: a weekly HH:MM activity always starts at HH:MM local time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-01-01T00:00:00Z'), noInvalidDate: true }),
        (wd, h, m, from) => {
          // Skip the hour that does not exist on the spring-forward night.
          fc.pre(h !== 2);
          const hhmm = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          const rule: ScheduleRule = { freq: 'WEEKLY', byday: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][wd]!, opens_at: hhmm };
          const occ = occurrences(rule, from, new Date(from.getTime() + 21 * 86_400_000));
          assert.ok(occ.length >= 2);
          for (const o of occ) assert.equal(DateTime.fromJSDate(o.start, { zone: ZONE }).toFormat('HH:mm'), hhmm);
        },
      ),
      { numRuns: 200 },
    );
  });
});
