import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { createTenant, importDemoAreas } from '../../areas/areas.service.ts';
import { createOrganisation } from '../../people/people.service.ts';
import { DEMO_ORGANISATIONS } from '../../../seed/demo.ts';
import { socialmapDemoSeed } from '../demo.ts';
import { searchServices } from '../find/find.service.ts';
import { addService } from '../find/find.test-support.ts';
import { createSchedule, updateSchedule, addScheduleException, deleteSchedule } from '../records/schedules.service.ts';
import { raceOnlyOnPostgres } from '../../../../test/helpers/db.ts';
import { systemActor } from '../actor.ts';
import { OCCURRENCES_JOB, occurrencesJob } from './occurrences.job.ts';
import { refreshServiceOccurrences, refreshTenantOccurrences, storedWindow, windowAt } from './occurrences.service.ts';
import type { Config } from '../../../platform/config.ts';
import {
  TENANTS,
  expected,
  stored,
  base,
  expandedMatches,
  searchedMatches,
  varied,
  night,
  waitingForLock,
  until,
} from './occurrences.test-support.ts';

describe('precomputed occurrences', () => {
  const ctx = useTestDb();

  it('equal the expander for the demo data, and the search answers "nu", "vandaag" and "week" as the expander does', async () => {
    const db = ctx.database.db;
    const now = new Date('2026-11-23T10:00:00Z');
    await inTransaction(db, async (trx) => {
      for (const t of TENANTS) await createTenant(trx, t);
      await importDemoAreas(trx, { now, tenants: TENANTS, dataDir: 'seed-data/cbs' });
      const organisations = new Map<string, Map<string, string>>();
      for (const t of TENANTS) {
        const m = new Map<string, string>();
        for (const o of DEMO_ORGANISATIONS[t.id] ?? []) {
          m.set(o.name, (await createOrganisation(trx, { tenantId: t.id, name: o.name, kind: o.kind })).id);
        }
        organisations.set(t.id, m);
      }
      await socialmapDemoSeed(trx, { tenants: TENANTS, organisations, users: new Map(), now });
    });
    for (const t of TENANTS) {
      // The seed computed them: a fresh install answers its first request from the table.
      assert.ok(await storedWindow(db, t.id), `window of ${t.id}`);
      const want = await expected(db, t.id);
      assert.ok(want.length > 20, `demo occurrences of ${t.id}: ${want.length}`);
      assert.deepEqual(await stored(db, t.id), want);
      let seen = 0;
      for (const at of ['2026-11-23T10:00:00Z', '2026-11-24T11:15:00Z', '2026-11-26T18:30:00Z', '2026-11-29T22:59:00Z']) {
        for (const when of ['nu', 'vandaag', 'week'] as const) {
          const exp = await expandedMatches(db, t.id, when, new Date(at));
          seen += exp.length;
          assert.deepEqual(await searchedMatches(db, t.id, when, new Date(at)), exp, `${t.id} ${when} at ${at}`);
        }
      }
      assert.ok(seen > 0);
    }
  });

  it('equal the expander for intervals, byweekno, past midnight, a time zone offset, location hours and cancelled dates across both DST changes', async () => {
    const db = ctx.database.db;
    const T = 'GM9001';
    await createTenant(db, { id: T, slug: 'randgevallen', name: 'Randgevallen' });
    for (const at of ['2026-10-22T10:00:00Z', '2027-03-25T10:00:00Z']) {
      const now = new Date(at);
      await refreshTenantOccurrences(db, T, now);
      const add = (name: string, schedules: Record<string, unknown>[], cancelled: string[] = []) =>
        addService(db, T, {
          name: `${name} ${at}`,
          location: { name: 'Plek', lat: 52.66, lon: 4.83, address_1: 'Weg 1', postal_code: '1701 AB', city: 'Heerhugowaard' },
          schedules: schedules.map((s, i) => ({ ...s, ...(i === 0 ? { cancelled } : {}) }) as never),
        });
      const day = at.slice(0, 10);
      // Both days are Thursdays: the Saturday after is the night of the clock change (cancelled here).
      const saturday = new Date(now.getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
      // The table allows WEEKLY and MONTHLY only (no DAILY): every other week, from the first day.
      await add('Om de week', [{ freq: 'WEEKLY', interval: 2, byday: 'TH,SU', dtstart: day, opens_at: '09:30', closes_at: '10:30' }]);
      await add('Weeknummers', [{ freq: 'WEEKLY', byday: 'SA,SU', byweekno: '43,44,12,13', opens_at: '02:00', closes_at: '03:30' }]);
      await add('Nachtcafé', [{ freq: 'WEEKLY', byday: 'SA,SU', opens_at: '22:00', closes_at: '02:00' }], [saturday]);
      await add('UTC-tijden', [{ freq: 'WEEKLY', byday: 'SU,MO', opens_at: '23:30Z', closes_at: '01:00Z' }]);
      await add('Hele dag', [{ freq: 'WEEKLY', byday: 'SU' }]);
      await add('Maandelijks laatste vrijdag', [
        { freq: 'MONTHLY', byday: '-1FR', opens_at: '19:00', closes_at: '21:00', count: 3, dtstart: day },
      ]);
      // A place with opening hours and a service there without its own schedule: it inherits them.
      const place = await addService(db, T, {
        name: `Buurthuis ${at}`,
        location: { name: 'Buurthuis', lat: 52.66, lon: 4.83, address_1: 'Weg 2', postal_code: '1701 AB', city: 'Heerhugowaard' },
      });
      await db
        .insertInto('socialmap_schedules')
        .values({
          tenant_id: T,
          location_id: place.locationId!,
          freq: 'WEEKLY',
          byday: 'MO,TU,WE,TH,FR',
          opens_at: '09:00',
          closes_at: '17:00',
        })
        .execute();
      await refreshServiceOccurrences(db, T, [place.serviceId]);
      assert.deepEqual(await stored(db, T), await expected(db, T), `edge cases around ${at}`);
      for (const h of [0, 26, 50, 75, 99, 122, 146]) {
        const moment = new Date(now.getTime() + h * 3_600_000);
        for (const when of ['nu', 'vandaag', 'week'] as const) {
          assert.deepEqual(
            await searchedMatches(db, T, when, moment),
            await expandedMatches(db, T, when, moment),
            `${when} at ${moment.toISOString()}`,
          );
        }
      }
    }
  });

  it('follow an edit at once (same transaction), and the job moves the window and schedules its next night', async () => {
    const db = ctx.database.db;
    const T = 'GM9002';
    await createTenant(db, { id: T, slug: 'bewerken', name: 'Bewerken' });
    // Tuesday 24 November 2026, 10:30 in Amsterdam.
    const now = new Date('2026-11-24T09:30:00Z');
    const actor = systemActor(now, T);
    const { serviceId } = await addService(db, T, {
      name: 'Eettafel',
      schedules: [{ freq: 'WEEKLY', byday: 'WE', opens_at: '12:00', closes_at: '13:30' }],
    });
    const today = (at = now) => searchServices(db, T, { ...base, when: 'vandaag' }, at);
    assert.equal((await today()).items.length, 0, 'Wednesdays only');
    const added = await createSchedule(
      db,
      T,
      { service_id: serviceId, freq: 'WEEKLY', byday: 'TU', opens_at: '17:00', closes_at: '19:00' },
      actor,
    );
    assert.deepEqual(
      (await today()).items.map((i) => i.id),
      [serviceId],
      'a new Tuesday schedule shows today at once',
    );
    await addScheduleException(db, T, { schedule_id: added.id, date: '2026-11-24' }, actor);
    assert.equal((await today()).items.length, 0, 'cancelled today');
    await updateSchedule(db, T, added.id, { byday: 'TH' }, actor);
    const thursday = new Date('2026-11-26T09:30:00Z');
    assert.deepEqual(
      (await today(thursday)).items.map((i) => i.id),
      [serviceId],
      'moved to Thursday',
    );
    assert.deepEqual(await stored(db, T), await expected(db, T));

    // The nightly job: a week later the window starts a day before that day, and the next run is 03:00 the next night.
    const later = new Date('2026-12-01T02:00:00Z');
    await occurrencesJob({ db, config: {} as Config, payload: {}, tenantId: null, now: later });
    assert.deepEqual(await storedWindow(db, T), { firstDay: '2026-11-30', lastDay: '2027-01-05' });
    assert.deepEqual(await stored(db, T), await expected(db, T));
    const next = await db
      .selectFrom('jobs')
      .select(['run_at'])
      .where('kind', '=', OCCURRENCES_JOB)
      .where('status', '=', 'pending')
      .execute();
    assert.deepEqual(
      next.map((j) => new Date(j.run_at).toISOString()),
      ['2026-12-02T02:00:00.000Z'],
    );
  });
});

describe('the nightly occurrences job, incremental', () => {
  const ctx = useTestDb();

  it('adds only the new days, and over several nights (clock changes, a missed week, edits between runs) equals a full recompute', async () => {
    const db = ctx.database.db;
    const T = 'GM9003';
    await createTenant(db, { id: T, slug: 'nachten', name: 'Nachten' });
    const ids = await varied(db, T);
    const first = await refreshTenantOccurrences(db, T, night('2026-10-20'));
    assert.equal(first.mode, 'full', 'nothing stored yet');
    const actor = (day: string) => systemActor(new Date(`${day}T12:00:00Z`), T);
    const edits: Record<string, () => Promise<unknown>> = {
      // Between runs: moved to other days; a cancelled date beyond the window (it enters later); a schedule removed; a new service.
      '2026-10-22': () => updateSchedule(db, T, ids.weekly, { byday: 'MO,WE,FR' }, actor('2026-10-21')),
      '2026-10-26': () => addScheduleException(db, T, { schedule_id: ids.weekly, date: '2026-12-04' }, actor('2026-10-25')),
      '2026-11-03': () => deleteSchedule(db, T, ids.monthly, actor('2026-11-02')),
      '2026-11-04': () =>
        addService(db, T, {
          name: 'Nieuw',
          schedules: [{ freq: 'MONTHLY', bymonthday: '1,15', opens_at: '14:00', closes_at: '16:00' } as never],
        }),
    };
    // Every night around the autumn clock change, then a missed week (the window moves seven days at once),
    // then over a month missed (a full recompute), then the spring clock change.
    const nights = [
      '2026-10-21',
      '2026-10-22',
      '2026-10-24',
      '2026-10-25',
      '2026-10-26',
      '2026-10-27',
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
    ];
    nights.push('2027-03-26', '2027-03-27', '2027-03-28', '2027-03-29');
    const before = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    let last = '2026-10-20';
    for (const day of nights) {
      await edits[day]?.();
      const r = await refreshTenantOccurrences(db, T, night(day));
      const gap = (Date.parse(day) - Date.parse(last)) / 86_400_000;
      assert.equal(r.mode, gap > 36 ? 'full' : 'incremental', `mode after ${gap} days on ${day}`);
      last = day;
      assert.deepEqual(await storedWindow(db, T), { firstDay: before(day), lastDay: windowAt(night(day)).lastDay }, `window of ${day}`);
      const incremental = await stored(db, T);
      assert.deepEqual(incremental, await expected(db, T), `the expander over the window after ${day}`);
      const full = await refreshTenantOccurrences(db, T, night(day), { full: true });
      assert.equal(full.mode, 'full');
      assert.deepEqual(await stored(db, T), incremental, `a full recompute after ${day}`);
      if (r.mode === 'incremental') {
        assert.ok(r.occurrences > 0 && r.occurrences < full.occurrences / 4, `only the new days: ${r.occurrences} of ${full.occurrences}`);
      }
      // A second run the same night has nothing to add.
      const again = await refreshTenantOccurrences(db, T, night(day));
      assert.equal(again.mode, 'none');
      assert.deepEqual(await stored(db, T), incremental);
    }
    // The job itself (incremental by default) on the next night, and its `full` form.
    await occurrencesJob({ db, config: {} as Config, payload: {}, tenantId: T, now: night('2027-03-30') });
    const viaJob = await stored(db, T);
    assert.deepEqual(viaJob, await expected(db, T));
    await occurrencesJob({ db, config: {} as Config, payload: { full: true }, tenantId: T, now: night('2027-03-30') });
    assert.deepEqual(await stored(db, T), viaJob);
  });

  it('a run stopped halfway leaves the window as it was; edits meanwhile write the days being added; the next run completes it', async () => {
    const db = ctx.database.db;
    const T = 'GM9004';
    await createTenant(db, { id: T, slug: 'gestopt', name: 'Gestopt' });
    const ids = await varied(db, T);
    await refreshTenantOccurrences(db, T, night('2026-11-10'));
    const stop = new AbortController();
    const r = await refreshTenantOccurrences(db, T, night('2026-11-13'), {
      signal: stop.signal,
      afterRead: async () => stop.abort(),
    });
    assert.equal(r.done, false);
    assert.deepEqual(await storedWindow(db, T), { firstDay: '2026-11-09', lastDay: '2026-12-15' }, 'not moved');
    // An edit while the days up to 18 December are being added: it writes them too.
    await updateSchedule(db, T, ids.weekly, { byday: 'WE' }, systemActor(new Date('2026-11-13T08:00:00Z'), T));
    const row = await db.selectFrom('socialmap_occurrence_windows').selectAll().where('tenant_id', '=', T).executeTakeFirstOrThrow();
    assert.deepEqual([row.fill_first_day, row.fill_last_day], ['2026-11-12', '2026-12-18']);
    const added = await db
      .selectFrom('socialmap_occurrences')
      .select('date')
      .where('tenant_id', '=', T)
      .where('service_id', '=', ids.weeklyService)
      .where('date', '>', '2026-12-15')
      .execute();
    assert.deepEqual(
      added.map((d) => d.date),
      ['2026-12-16'],
      'the new Wednesday of the days being added, and not the old Thursday the stopped run wrote',
    );
    const done = await refreshTenantOccurrences(db, T, night('2026-11-13'));
    assert.equal(done.mode, 'incremental');
    assert.deepEqual(await stored(db, T), await expected(db, T));
    await refreshTenantOccurrences(db, T, night('2026-11-13'), { full: true });
    assert.deepEqual(await stored(db, T), await expected(db, T));
  });
});

describe('the occurrences job and an edit at the same moment', { skip: raceOnlyOnPostgres() }, () => {
  const ctx = useTestDb();

  it('an edit made while a job batch has read the schedules waits for the batch, so the job never writes the dates from before it', async () => {
    const db = ctx.database.db;
    const T = 'GM9005';
    await createTenant(db, { id: T, slug: 'tegelijk', name: 'Tegelijk' });
    const { serviceId } = await addService(db, T, {
      name: 'Inloop',
      schedules: [{ freq: 'WEEKLY', byday: 'TU', opens_at: '10:00', closes_at: '12:00' } as never],
    });
    const scheduleId = (
      await db
        .selectFrom('socialmap_schedules')
        .select('id')
        .where('tenant_id', '=', T)
        .where('service_id', '=', serviceId)
        .executeTakeFirstOrThrow()
    ).id;
    await refreshTenantOccurrences(db, T, night('2026-11-10'));
    let edit: Promise<unknown> = Promise.resolve();
    let editDone = false;
    let blocked = false;
    // The job adds Wednesday 16 December. Inside its batch, after it read the schedule (Tuesdays
    // only) and before it writes, a second connection moves the activity to every day.
    const r = await refreshTenantOccurrences(db, T, night('2026-11-11'), {
      afterRead: async () => {
        edit = updateSchedule(db, T, scheduleId, { byday: 'MO,TU,WE,TH,FR,SA,SU' }, systemActor(new Date('2026-11-11T02:00:00Z'), T)).then(
          () => {
            editDone = true;
          },
        );
        // Either the edit commits (nothing holds it back: the race) or it waits for the batch's lock.
        await until(async () => editDone || (blocked = (await waitingForLock(db)) > 0));
      },
    });
    await edit;
    assert.equal(r.mode, 'incremental');
    const december16 = await db
      .selectFrom('socialmap_occurrences')
      .select('date')
      .where('tenant_id', '=', T)
      .where('date', '=', '2026-12-16')
      .execute();
    assert.equal(december16.length, 1, 'the new day has the edited (daily) activity');
    assert.deepEqual(await stored(db, T), await expected(db, T));
    assert.equal(blocked, true, 'the edit waited for the job');
  });
});
