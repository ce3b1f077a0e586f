/**
 * The reciprocity ledger on known data: done matches count only with hours confirmed by both
 * sides; circle turns only when done; totals per area; and the reciprocity answer.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp, TestBrowser } from '../../../../test/helpers/app.ts';
import { ensureTenant, signInAs } from '../../../../test/helpers/people.ts';
import { createUser } from '../../people/people.service.ts';
import { addTask, createCircle, getCircle } from './circle.service.ts';
import { ledgerTotals, myLedger } from './ledger.ts';
import { actorIn } from '../actor.ts';

const A = { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' };
const B = { id: 'GM0014', slug: 'groningen', name: 'Groningen' };

describe('reciprocity ledger', () => {
  const ctx = useTestApp();
  const u = {} as Record<'vol1' | 'vol2' | 'res1' | 'res2' | 'carer', string>;
  let res1Browser: TestBrowser;

  async function request(tenantId: string, requester: string | null, buurt: string, wijk: string): Promise<string> {
    const row = await ctx.database.db
      .insertInto('help_requests')
      .values({
        tenant_id: tenantId,
        requester_user_id: requester,
        created_by_user_id: requester,
        category: 'boodschappen',
        help_type: 'incidental',
        summary: 'Boodschappen',
        schedule_kind: 'once',
        slots: JSON.stringify([]) as never,
        lon: 4.6,
        lat: 51.9,
        buurt_code: buurt,
        wijk_code: wijk,
        expires_at: new Date('2026-12-31T00:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function match(
    tenantId: string,
    requestId: string,
    volunteer: string,
    hours: number | null,
    confirmed: 'both' | 'volunteer' | 'none',
    state: 'done' | 'accepted' = 'done',
  ) {
    const at = new Date('2026-11-20T12:00:00Z');
    await ctx.database.db
      .insertInto('help_matches')
      .values({
        tenant_id: tenantId,
        request_id: requestId,
        volunteer_user_id: volunteer,
        state,
        explanation: JSON.stringify([]) as never,
        hours,
        hours_confirmed_volunteer_at: confirmed !== 'none' ? at : null,
        hours_confirmed_requester_at: confirmed === 'both' ? at : null,
      })
      .execute();
  }

  before(async () => {
    const db = ctx.database.db;
    await ensureTenant(db, A);
    await ensureTenant(db, B);
    for (const k of ['vol1', 'vol2', 'res2', 'carer'] as const) u[k] = (await createUser(db, { email: `${k}@example.nl`, name: k })).id;
    res1Browser = new TestBrowser(ctx.app);
    u.res1 = await signInAs(ctx, res1Browser, { tenantId: A.id, role: 'resident', email: 'res1@example.nl' });

    // Matches in A: buurt BU05420001 of wijk WK054200, buurt BU05420101 of wijk WK054201.
    const r1 = await request(A.id, u.res1, 'BU05420001', 'WK054200');
    await match(A.id, r1, u.vol1, 2, 'both'); // counts: 2 h vol1 → res1
    const r2 = await request(A.id, u.res1, 'BU05420001', 'WK054200');
    await match(A.id, r2, u.vol2, 5, 'volunteer'); // not confirmed by the requester: does not count
    const r3 = await request(A.id, null, 'BU05420101', 'WK054201'); // on behalf of someone without an account
    await match(A.id, r3, u.vol2, 1.5, 'both'); // counts: 1.5 h vol2 → (r3)
    const r4 = await request(A.id, u.res2, 'BU05420101', 'WK054201');
    await match(A.id, r4, u.vol1, 3, 'both', 'accepted'); // not done: does not count
    // Another tenant: never counted in A.
    const rb = await request(B.id, u.res1, 'BU00140001', 'WK001400');
    await match(B.id, rb, u.vol1, 7, 'both');

    // A circle in A around a person without an account, in buurt BU05420101; vol1 does 1.25 h, an open turn of vol2 does not count.
    const circleId = await createCircle(db, A.id, actorIn(A.id, u.carer, ['resident'], { now: ctx.clock.now() }), {
      personName: 'Mevrouw',
      personDetails: '',
      createdAs: 'carer',
      areaCode: null,
      now: ctx.clock.now(),
    });
    await db.updateTable('helpmatch_circles').set({ area_code: 'BU05420101' }).where('id', '=', circleId).execute();
    const circle = await getCircle(db, A.id, circleId, actorIn(A.id, u.carer, ['resident'], { now: ctx.clock.now() }));
    const taskId = await addTask(db, circle, actorIn(A.id, u.carer, ['resident'], { now: ctx.clock.now() }), {
      title: 'Wandelen',
      notes: '',
      recurrence: 'weekly',
      startsOn: '2026-11-23',
      timeOfDay: null,
      now: ctx.clock.now(),
    });
    await db
      .insertInto('helpmatch_circle_turns')
      .values({
        tenant_id: A.id,
        circle_id: circleId,
        task_id: taskId,
        occurs_on: '2026-11-23',
        taken_by: u.vol1,
        taken_at: ctx.clock.now(),
        done_at: ctx.clock.now(),
        hours: 1.25,
      })
      .execute();
    await db
      .insertInto('helpmatch_circle_turns')
      .values({
        tenant_id: A.id,
        circle_id: circleId,
        task_id: taskId,
        occurs_on: '2026-11-30',
        taken_by: u.vol2,
        taken_at: ctx.clock.now(),
      })
      .execute();
    // A circle around res1 themself (self): vol2 gives 0.5 h to res1.
    const own = await createCircle(db, A.id, actorIn(A.id, u.res1, ['resident'], { now: ctx.clock.now() }), {
      personName: 'Res1',
      personDetails: '',
      createdAs: 'self',
      areaCode: null,
      now: ctx.clock.now(),
    });
    const ownCircle = await getCircle(db, A.id, own, actorIn(A.id, u.res1, ['resident'], { now: ctx.clock.now() }));
    const ownTask = await addTask(db, ownCircle, actorIn(A.id, u.res1, ['resident'], { now: ctx.clock.now() }), {
      title: 'Koken',
      notes: '',
      recurrence: 'once',
      startsOn: '2026-11-23',
      timeOfDay: null,
      now: ctx.clock.now(),
    });
    await db
      .insertInto('helpmatch_circle_turns')
      .values({
        tenant_id: A.id,
        circle_id: own,
        task_id: ownTask,
        occurs_on: '2026-11-23',
        taken_by: u.vol2,
        taken_at: ctx.clock.now(),
        done_at: ctx.clock.now(),
        hours: 0.5,
      })
      .execute();
  });

  it('counts a person’s hours given and received per source', async () => {
    const db = ctx.database.db;
    assert.deepEqual((await myLedger(db, A.id, actorIn(A.id, u.vol1, [], { now: ctx.clock.now() }))).given, {
      matches: 2,
      circles: 1.25,
      total: 3.25,
    });
    assert.deepEqual((await myLedger(db, A.id, actorIn(A.id, u.vol2, [], { now: ctx.clock.now() }))).given, {
      matches: 1.5,
      circles: 0.5,
      total: 2,
    });
    const res1 = await myLedger(db, A.id, actorIn(A.id, u.res1, [], { now: ctx.clock.now() }));
    assert.deepEqual(res1.received, { matches: 2, circles: 0.5, total: 2.5 });
    assert.deepEqual(res1.given, { matches: 0, circles: 0, total: 0 });
    assert.deepEqual((await myLedger(db, B.id, actorIn(B.id, u.vol1, [], { now: ctx.clock.now() }))).given, {
      matches: 7,
      circles: 0,
      total: 7,
    });
    assert.deepEqual((await myLedger(db, A.id, actorIn(A.id, u.res2, [], { now: ctx.clock.now() }))).received.total, 0);
  });

  it('totals hours and people for the municipality and per area', async () => {
    const db = ctx.database.db;
    assert.deepEqual(await ledgerTotals(db, A.id, null), {
      hoursGiven: 5.25,
      hoursReceived: 5.25,
      matchHours: 3.5,
      circleHours: 1.75,
      peopleGiving: 2,
      peopleReceiving: 3,
    });
    assert.deepEqual(await ledgerTotals(db, A.id, ['WK054200', 'BU05420001']), {
      hoursGiven: 2,
      hoursReceived: 2,
      matchHours: 2,
      circleHours: 0,
      peopleGiving: 1,
      peopleReceiving: 1,
    });
    assert.deepEqual(await ledgerTotals(db, A.id, ['WK054201', 'BU05420101']), {
      hoursGiven: 2.75,
      hoursReceived: 2.75,
      matchHours: 1.5,
      circleHours: 1.25,
      peopleGiving: 2,
      peopleReceiving: 2,
    });
    assert.deepEqual(await ledgerTotals(db, A.id, []), {
      hoursGiven: 0,
      hoursReceived: 0,
      matchHours: 0,
      circleHours: 0,
      peopleGiving: 0,
      peopleReceiving: 0,
    });
    assert.deepEqual(await ledgerTotals(db, B.id, null), {
      hoursGiven: 7,
      hoursReceived: 7,
      matchHours: 7,
      circleHours: 0,
      peopleGiving: 1,
      peopleReceiving: 1,
    });
  });

  it('shows my hours and asks what I could offer in return; saves, changes and removes the answer', async () => {
    const page = await res1Browser.get(`/${A.slug}/hulp/uren`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-testid="uren-gekregen">2,5 uur/);
    assert.match(page.body, /Wat kunt u zelf doen\?/);
    assert.match(page.body, new RegExp(`href="/${A.slug}/hulp/aanbod"`));
    const tooLong = await res1Browser.post(`/${A.slug}/hulp/uren/wederkerigheid`, { answer: 'x'.repeat(1001) });
    assert.equal(tooLong.statusCode, 422);
    const saved = await res1Browser.post(`/${A.slug}/hulp/uren/wederkerigheid`, { answer: 'Ik kan goed bakken en Pools spreken' });
    assert.equal(saved.statusCode, 303);
    assert.match((await res1Browser.get(saved.headers.location as string)).body, /Ik kan goed bakken en Pools spreken/);
    assert.equal(
      (await myLedger(ctx.database.db, A.id, actorIn(A.id, u.res1, [], { now: ctx.clock.now() }))).answer?.text,
      'Ik kan goed bakken en Pools spreken',
    );
    assert.equal(
      (await myLedger(ctx.database.db, B.id, actorIn(B.id, u.res1, [], { now: ctx.clock.now() }))).answer,
      null,
      'answers are per municipality',
    );
    const removed = await res1Browser.post(`/${A.slug}/hulp/uren/wederkerigheid`, { answer: '  ' });
    assert.equal(removed.statusCode, 303);
    assert.equal((await myLedger(ctx.database.db, A.id, actorIn(A.id, u.res1, [], { now: ctx.clock.now() }))).answer, null);
  });

  it('does not ask someone who has received nothing', async () => {
    const b = new TestBrowser(ctx.app);
    await signInAs(ctx, b, { tenantId: A.id, role: 'volunteer' });
    const page = await b.get(`/${A.slug}/hulp/uren`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /Wat kunt u zelf doen\?/);
    assert.equal((await new TestBrowser(ctx.app).get(`/${A.slug}/hulp/uren`)).statusCode, 401);
  });
});
