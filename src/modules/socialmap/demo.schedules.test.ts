/**
 * Demo schedules as a calendar library reads them (issue 12, item 11): in RFC 5545 DTSTART is the
 * first occurrence, so a weekly Thursday course whose dtstart fell on a Sunday shows an extra
 * Sunday lesson in many calendar apps. Checked with ical.js for a seed on every day of the week.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { scheduleFields } from './demo.ts';
import { DEMO_SOCIALMAP } from './demo-data.ts';

const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

describe('demo schedules', () => {
  it('start on a day of their own rule, whatever day the demo is seeded (the fall-prevention course on Thursdays)', () => {
    const weekly = Object.values(DEMO_SOCIALMAP)
      .flatMap((t) => t.activities)
      .filter((a) => a.schedule?.startInDays !== undefined && a.schedule.freq === 'WEEKLY' && a.schedule.byday);
    assert.ok(weekly.some((a) => a.name === 'Valpreventiecursus'));
    for (let d = 0; d < 7; d++) {
      const now = new Date(Date.UTC(2026, 10, 22 + d, 10)); // Sunday 22 November 2026 and the six days after
      for (const a of weekly) {
        const f = scheduleFields(a.schedule!, now);
        const text = [
          'BEGIN:VCALENDAR',
          'VERSION:2.0',
          'PRODID:-//test//EN',
          'BEGIN:VEVENT',
          'UID:x',
          'DTSTAMP:20261122T100000Z',
          `DTSTART:${f.dtstart!.replace(/-/g, '')}T${f.opens_at!.replace(':', '')}00`,
          `RRULE:FREQ=WEEKLY;BYDAY=${f.byday};UNTIL=${f.valid_to!.replace(/-/g, '')}T235959`,
          'END:VEVENT',
          'END:VCALENDAR',
        ].join('\r\n');
        const ev = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
        const iter = ev.iterator();
        const first = iter.next();
        // RFC 5545 3.8.5.3: DTSTART is the first instance and should match the rule (ical.js skips one that does not).
        assert.equal(first?.toString(), ev.startDate.toString(), `${a.name} seeded ${now.toISOString()}: dtstart ${f.dtstart}`);
        const weekdays = new Set<string>();
        for (let t = first; t; t = iter.next()) weekdays.add(DAYS[t.dayOfWeek() - 1]!);
        for (const w of weekdays) assert.ok(f.byday!.split(',').includes(w), `${a.name} seeded ${now.toISOString()}: a lesson on ${w}`);
        assert.ok(f.valid_from! >= new Date(now.getTime() + a.schedule!.startInDays! * 86_400_000).toISOString().slice(0, 10));
      }
    }
  });
});
