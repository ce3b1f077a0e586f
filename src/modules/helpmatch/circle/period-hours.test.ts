/**
 * volunteerHoursIn (helpmatch.service.ts): only hours the ledger counts, in the areas and period
 * asked — one-off matches both sides confirmed, confirmed weeks of weekly help, done circle turns.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { volunteerHoursIn } from '../helpmatch.service.ts';
import { NOW, T, seedAreas } from '../test-support.ts';

const WIJK = 'WK054200';
const WEST = 'BU05420000';
const EAST = 'BU05420001';
const stamp = (day: string) => new Date(`${day}T12:00:00Z`);

async function request(db: DbOrTrx, o: { buurt: string; kind: 'once' | 'weekly'; onDate?: string }): Promise<string> {
  const r = await db
    .insertInto('help_requests')
    .values({
      tenant_id: T.id,
      category: 'tuin',
      help_type: 'incidental',
      summary: 'test',
      schedule_kind: o.kind,
      on_date: o.onDate ?? null,
      slots: JSON.stringify([]),
      lon: 4.6,
      lat: 51.92,
      buurt_code: o.buurt,
      wijk_code: WIJK,
      expires_at: NOW,
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

async function match(
  db: DbOrTrx,
  requestId: string,
  o: { state: 'done' | 'accepted'; hours: number | null; confirmed: [string | null, string | null] },
): Promise<string> {
  const r = await db
    .insertInto('help_matches')
    .values({
      tenant_id: T.id,
      request_id: requestId,
      state: o.state,
      explanation: JSON.stringify([]),
      hours: o.hours,
      hours_confirmed_volunteer_at: o.confirmed[0] ? stamp(o.confirmed[0]) : null,
      hours_confirmed_requester_at: o.confirmed[1] ? stamp(o.confirmed[1]) : null,
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

describe('helpmatch: volunteer hours in areas and a period', () => {
  const ctx = useTestDb();

  before(async () => {
    const db = ctx.database.db;
    await seedAreas(db);
    // One-off help on a day in the period, both confirmed: counts (2.5 h).
    await match(db, await request(db, { buurt: WEST, kind: 'once', onDate: '2026-03-10' }), {
      state: 'done',
      hours: 2.5,
      confirmed: ['2026-03-11', '2026-03-12'],
    });
    // Without a day of help: the day both had confirmed counts (1 h, in the period).
    await match(db, await request(db, { buurt: EAST, kind: 'once' }), { state: 'done', hours: 1, confirmed: ['2026-04-01', '2026-04-02'] });
    // Confirmed by one side only: not counted.
    await match(db, await request(db, { buurt: WEST, kind: 'once', onDate: '2026-03-10' }), {
      state: 'accepted',
      hours: 4,
      confirmed: ['2026-03-11', null],
    });
    // Outside the period: not counted.
    await match(db, await request(db, { buurt: WEST, kind: 'once', onDate: '2025-12-31' }), {
      state: 'done',
      hours: 8,
      confirmed: ['2026-01-02', '2026-01-02'],
    });
    // Weekly help: two confirmed weeks in the period count (1.5 + 2), one unconfirmed and one outside do not.
    const weekly = await match(db, await request(db, { buurt: WEST, kind: 'weekly' }), {
      state: 'accepted',
      hours: 3.5,
      confirmed: ['2026-05-01', '2026-05-01'],
    });
    const week = (week_start: string, hours: number, both: boolean) => ({
      tenant_id: T.id,
      match_id: weekly,
      week_start,
      hours,
      confirmed_volunteer_at: stamp(week_start),
      confirmed_requester_at: both ? stamp(week_start) : null,
    });
    await db
      .insertInto('help_match_sessions')
      .values([
        week('2026-04-06', 1.5, true),
        week('2026-04-13', 2, true),
        week('2026-04-20', 5, false),
        week('2027-01-04', 7, true),
      ] as never)
      .execute();
    // A care circle in the east buurt: a done turn with hours counts, one not done does not.
    const circle = await db
      .insertInto('helpmatch_circles')
      .values({ tenant_id: T.id, person_name: 'Iemand', area_code: EAST, created_as: 'self', updated_at: NOW } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    const task = await db
      .insertInto('helpmatch_circle_tasks')
      .values({ tenant_id: T.id, circle_id: circle.id, title: 'Koken', recurrence: 'weekly', starts_on: '2026-01-05' } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('helpmatch_circle_turns')
      .values([
        { tenant_id: T.id, circle_id: circle.id, task_id: task.id, occurs_on: '2026-02-02', taken_at: NOW, done_at: NOW, hours: 3 },
        { tenant_id: T.id, circle_id: circle.id, task_id: task.id, occurs_on: '2026-02-09', taken_at: NOW, done_at: null, hours: null },
      ] as never)
      .execute();
  });

  it('counts only confirmed hours in the period, per source', async () => {
    const h = await volunteerHoursIn(ctx.database.db, T.id, { areaCodes: [WIJK, WEST, EAST], from: '2026-01-01', to: '2026-12-31' });
    assert.deepEqual(h, {
      matches: { hours: 3.5, count: 2 },
      weeks: { hours: 3.5, count: 2 },
      circles: { hours: 3, count: 1 },
    });
  });

  it('counts only the areas asked: a buurt, or a wijk for its requests', async () => {
    const db = ctx.database.db;
    const west = await volunteerHoursIn(db, T.id, { areaCodes: [WEST], from: '2026-01-01', to: '2026-12-31' });
    assert.deepEqual(west, { matches: { hours: 2.5, count: 1 }, weeks: { hours: 3.5, count: 2 }, circles: { hours: 0, count: 0 } });
    const wijk = await volunteerHoursIn(db, T.id, { areaCodes: [WIJK], from: '2026-01-01', to: '2026-12-31' });
    assert.equal(wijk.matches.hours, 3.5);
    assert.equal(wijk.circles.hours, 0, 'a circle counts by its own area code (the caller adds the buurten of a wijk)');
    assert.deepEqual(await volunteerHoursIn(db, T.id, { areaCodes: [], from: '2026-01-01', to: '2026-12-31' }), {
      matches: { hours: 0, count: 0 },
      weeks: { hours: 0, count: 0 },
      circles: { hours: 0, count: 0 },
    });
  });

  it('counts the period with both ends included, and nothing of another municipality', async () => {
    const db = ctx.database.db;
    const day = await volunteerHoursIn(db, T.id, { areaCodes: [WEST], from: '2026-03-10', to: '2026-04-06' });
    assert.deepEqual(day.matches, { hours: 2.5, count: 1 });
    assert.deepEqual(day.weeks, { hours: 1.5, count: 1 });
    const other = await volunteerHoursIn(db, 'GM0014', { areaCodes: [WIJK, WEST, EAST], from: '2000-01-01', to: '2100-01-01' });
    assert.equal(other.matches.hours + other.weeks.hours + other.circles.hours, 0);
  });
});
