/**
 * Help's live indicators on the real database: hand-placed requests, matches, weekly hours and a
 * circle turn give hand-computed figures per buurt, wijk, municipality and quarter; the median
 * and the Gini are suppressed below five cases.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { TEST_NOW } from '../../../../test/helpers/factories.ts';
import type { IndicatorMeasurement } from '../../../platform/module.ts';
import type { HelpType } from '../helpmatch.tables.ts';
import { createRequest } from '../requests/requests.service.ts';
import { makeActor, seedAreas, T, WEST, EAST } from '../test-support.ts';
import type { Actor } from '../actor.ts';
import { computeHelpIndicators, helpIndicators } from './indicators.ts';

const WIJK = 'WK054200';
const WEST_BUURT = 'BU05420000';
const EAST_BUURT = 'BU05420001';
const day = (d: string) => new Date(`${d}T09:00:00Z`);

describe('help live indicators', () => {
  const ctx = useTestDb();
  const db = () => ctx.database.db;
  let result: IndicatorMeasurement[] = [];

  const fig = (code: string, area: string, period: string) => {
    const found = result.filter((m) => m.indicatorCode === code && m.areaCode === area && m.period === period);
    assert.equal(found.length, 1, `${code} ${area} ${period}: one measurement`);
    return found[0]!;
  };
  const value = (code: string, area: string, period: string) => {
    const m = fig(code, area, period);
    return m.status === 'ok' ? m.value : m.status;
  };

  async function request(requester: Actor, at: string, helpType: HelpType, where: [number, number], once: boolean): Promise<string> {
    const { id } = await createRequest(
      db(),
      T.id,
      requester,
      {
        category: 'tuin',
        helpType,
        summary: 'Heg snoeien',
        remarks: null,
        schedule: once
          ? { kind: 'once', date: new Date(day(at).getTime() + 7 * 86_400_000).toISOString().slice(0, 10), from: '10:00', to: '12:00' }
          : { kind: 'weekly', slots: [{ weekday: 2, from: '14:00', to: '16:00' }] },
        address: 'Geheimstraat 12',
        lon: where[0],
        lat: where[1],
        radiusM: null,
        urgency: 'normal',
        vulnerable: false,
      },
      day(at),
    );
    await sql`update help_requests set created_at = ${day(at)} where id = ${id}`.execute(db());
    return id;
  }

  async function match(
    requestId: string,
    volunteer: Actor,
    acceptedOn: string,
    done?: { closedOn: string; hours: number | null; state?: 'done' | 'cancelled' },
  ): Promise<string> {
    const r = await sql<{ id: string }>`
      insert into help_matches (tenant_id, request_id, volunteer_user_id, state, accepted_at, closed_at, hours,
        hours_confirmed_volunteer_at, hours_confirmed_requester_at)
      values (${T.id}, ${requestId}, ${volunteer.userId}, ${done ? (done.state ?? 'done') : 'accepted'}, ${day(acceptedOn)},
        ${done ? day(done.closedOn) : null}, ${done ? done.hours : null},
        ${done?.hours ? day(done.closedOn) : null}, ${done?.hours ? day(done.closedOn) : null})
      returning id`.execute(db());
    return r.rows[0]!.id;
  }

  before(async () => {
    await seedAreas(db());
    const resident = await makeActor(db(), 'resident', 'Vrager', TEST_NOW);
    const v = [];
    for (let i = 1; i <= 5; i++) v.push(await makeActor(db(), 'volunteer', `Vrijwilliger ${i}`, TEST_NOW));
    const [v1, v2, v3, v4, v5] = v as [Actor, Actor, Actor, Actor, Actor];

    // West buurt, 2026-Q4: six requests of 1 October, first matched after 2, 4, 1, 6, 10 and 8 days.
    const r1 = await request(resident, '2026-10-01', 'latent', WEST, true);
    const r2 = await request(resident, '2026-10-01', 'incidental', WEST, true);
    const r3 = await request(resident, '2026-10-01', 'incidental', WEST, true);
    const r4 = await request(resident, '2026-10-01', 'incidental', WEST, true);
    const r5 = await request(resident, '2026-10-01', 'structural', WEST, false);
    const r6 = await request(resident, '2026-10-01', 'structural', WEST, false);
    await match(r1, v1, '2026-10-03');
    await match(r2, v1, '2026-10-05', { closedOn: '2026-10-10', hours: 2 });
    await match(r3, v2, '2026-10-02');
    await match(r4, v3, '2026-10-07');
    // v1 also took r4 after v3, then it was called off: a match that came about, in effect in Q4.
    await match(r4, v1, '2026-10-08', { closedOn: '2026-10-09', hours: null, state: 'cancelled' });
    const weekly = await match(r5, v4, '2026-10-11');
    await match(r6, v5, '2026-10-09');
    // Weekly hours: one week confirmed by both (1.5 h), one not yet confirmed by the asking side.
    await sql`insert into help_match_sessions (tenant_id, match_id, week_start, hours, confirmed_volunteer_at, confirmed_requester_at)
      values (${T.id}, ${weekly}, '2026-10-12', 1.5, ${day('2026-10-18')}, ${day('2026-10-19')}),
             (${T.id}, ${weekly}, '2026-10-19', 1.5, ${day('2026-10-25')}, null)`.execute(db());
    // East buurt, 2026-Q3: one request, matched after 2 days, done with 3 hours in August.
    const r7 = await request(resident, '2026-08-01', 'incidental', EAST, true);
    await match(r7, v2, '2026-08-03', { closedOn: '2026-08-20', hours: 3 });
    // A request without a buurt (municipality only), and one before the eight quarters.
    const r8 = await request(resident, '2026-11-01', 'incidental', WEST, true);
    await sql`update help_requests set buurt_code = null, wijk_code = null where id = ${r8}`.execute(db());
    await request(resident, '2024-12-01', 'incidental', WEST, true);
    // A care circle in the west buurt: one turn of 1 hour done on 2 November.
    const circle = await sql<{ id: string }>`insert into helpmatch_circles (tenant_id, person_name, area_code, created_as)
      values (${T.id}, 'Mevrouw Jansen', ${WEST_BUURT}, 'carer') returning id`.execute(db());
    const circleId = circle.rows[0]!.id;
    const task = await sql<{ id: string }>`insert into helpmatch_circle_tasks (tenant_id, circle_id, title, recurrence, starts_on)
      values (${T.id}, ${circleId}, 'Boodschappen', 'once', '2026-11-02') returning id`.execute(db());
    await sql`insert into helpmatch_circle_turns (tenant_id, circle_id, task_id, occurs_on, taken_by, taken_at, done_at, hours)
      values (${T.id}, ${circleId}, ${task.rows[0]!.id}, '2026-11-02', ${v3.userId}, ${day('2026-10-30')}, ${day('2026-11-02')}, 1)`.execute(
      db(),
    );

    result = await computeHelpIndicators({ db: db(), tenantId: T.id, now: TEST_NOW });
  });

  it('defines the fixed codes as platform indicators with a small case threshold', () => {
    assert.deepEqual(
      helpIndicators.definitions.map((d) => d.code),
      [
        'help_requests',
        'help_matches_latent',
        'help_matches_incidental',
        'help_matches_structural',
        'help_hours',
        'help_days_to_match',
        'help_active_volunteers',
        'help_gini_matches',
      ],
    );
    for (const d of helpIndicators.definitions) assert.deepEqual([d.source, d.minRespondents], ['platform', 5]);
  });

  it('gives every indicator for the municipality, the wijk and both buurten in each of the last eight quarters', () => {
    assert.equal(result.length, 8 * 8 * 4);
    assert.deepEqual(new Set(result.map((m) => m.areaCode)), new Set([T.id, WIJK, WEST_BUURT, EAST_BUURT]));
  });

  it('counts requests and matches by kind per buurt, wijk and municipality per quarter', () => {
    assert.equal(value('help_requests', WEST_BUURT, '2026-Q4'), 6);
    assert.equal(value('help_requests', WIJK, '2026-Q4'), 6);
    assert.equal(value('help_requests', T.id, '2026-Q4'), 7);
    assert.equal(value('help_requests', EAST_BUURT, '2026-Q3'), 1);
    assert.equal(value('help_requests', EAST_BUURT, '2026-Q4'), 0);
    assert.equal(value('help_requests', T.id, '2025-Q1'), 0);
    assert.equal(value('help_matches_latent', WEST_BUURT, '2026-Q4'), 1);
    assert.equal(value('help_matches_incidental', WEST_BUURT, '2026-Q4'), 4);
    assert.equal(value('help_matches_structural', WIJK, '2026-Q4'), 2);
    assert.equal(value('help_matches_incidental', WIJK, '2026-Q3'), 1);
    assert.equal(value('help_matches_incidental', T.id, '2026-Q3'), 1);
    // A match made in Q3 and closed in August is no new match in Q4.
    assert.equal(value('help_matches_incidental', EAST_BUURT, '2026-Q4'), 0);
  });

  it('adds up confirmed hours: one-off when done, weekly per confirmed week, circle turns', () => {
    // West Q4: 2 (one-off) + 1.5 (one confirmed week) + 1 (circle turn).
    assert.equal(value('help_hours', WEST_BUURT, '2026-Q4'), 4.5);
    assert.equal(value('help_hours', WIJK, '2026-Q4'), 4.5);
    assert.equal(value('help_hours', T.id, '2026-Q4'), 4.5);
    assert.equal(value('help_hours', EAST_BUURT, '2026-Q3'), 3);
    assert.equal(value('help_hours', T.id, '2026-Q3'), 3);
  });

  it('gives the median days to a first match, suppressed below five requests', () => {
    // First matches after 1, 2, 4, 6, 8, 10 days → 5 (v1's later match on r4 does not count).
    assert.equal(value('help_days_to_match', WEST_BUURT, '2026-Q4'), 5);
    assert.equal(value('help_days_to_match', T.id, '2026-Q4'), 5);
    const east = fig('help_days_to_match', EAST_BUURT, '2026-Q3');
    assert.deepEqual([east.status, east.value, east.respondents], ['suppressed', null, 1]);
  });

  it('counts active volunteers and the Gini of their matches in effect, suppressed below five volunteers', () => {
    // Q4 west: v1 has 3 matches (r1, r2, r4), v2…v5 one each → [1,1,1,1,3]: Σ(2i−n−1)x = 8, / (5·7) = 8/35.
    assert.equal(value('help_active_volunteers', WEST_BUURT, '2026-Q4'), 5);
    assert.equal(value('help_active_volunteers', T.id, '2026-Q4'), 5);
    assert.equal(value('help_gini_matches', WEST_BUURT, '2026-Q4'), Math.round((8 / 35) * 1000) / 1000);
    assert.equal(value('help_gini_matches', T.id, '2026-Q4'), Math.round((8 / 35) * 1000) / 1000);
    // Q3: only v2 (east) → one volunteer: suppressed; not active in Q4 in the east any more.
    assert.equal(value('help_active_volunteers', EAST_BUURT, '2026-Q3'), 1);
    assert.deepEqual(
      [fig('help_gini_matches', EAST_BUURT, '2026-Q3').status, fig('help_gini_matches', EAST_BUURT, '2026-Q3').respondents],
      ['suppressed', 1],
    );
    assert.equal(value('help_active_volunteers', EAST_BUURT, '2026-Q4'), 0);
  });
});
