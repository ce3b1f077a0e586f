import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { createTenant, importDemoAreas } from '../../areas/areas.service.ts';
import { createOrganisation } from '../../people/people.service.ts';
import { DEMO_ORGANISATIONS } from '../../../seed/demo.ts';
import { socialmapDemoSeed } from '../demo.ts';
import { schedulesOfServices } from '../find/find.store.ts';
import { searchServices, type SearchInput, type When } from '../find/find.service.ts';
import { addService } from '../find/find.test-support.ts';
import { occurrences, isOpenAt } from '../schedule.ts';
import { createSchedule, updateSchedule, addScheduleException } from '../records/schedules.service.ts';
import { systemActor } from '../actor.ts';
import { remainingRange } from '../find/find.service.ts';
import {
  OCCURRENCES_JOB,
  occurrencesJob,
  refreshServiceOccurrences,
  refreshTenantOccurrences,
  storedWindow,
  windowRange,
} from './occurrences.service.ts';
import type { Config } from '../../../platform/config.ts';

const TENANTS = [
  { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' },
  { id: 'GM1980', slug: 'heerhugowaard', name: 'Heerhugowaard' },
  { id: 'GM0014', slug: 'groningen', name: 'Groningen' },
];

/** Every occurrence the expander gives the tenant's services over its stored window, as comparable keys. */
async function expected(db: DbOrTrx, tenantId: string): Promise<string[]> {
  const w = (await storedWindow(db, tenantId))!;
  const range = windowRange(w);
  const ids = (await db.selectFrom('socialmap_services').select('id').where('tenant_id', '=', tenantId).execute()).map((r) => r.id);
  const rules = await schedulesOfServices(db, tenantId, ids);
  const out: string[] = [];
  for (const [serviceId, list] of rules) {
    for (const o of occurrences(list, range.from, range.to)) {
      out.push([serviceId, o.scheduleId, o.start.toISOString(), o.end.toISOString(), o.date, o.allDay, o.cancelled].join('|'));
    }
  }
  return out.sort();
}

async function stored(db: DbOrTrx, tenantId: string): Promise<string[]> {
  const rows = await db.selectFrom('socialmap_occurrences').selectAll().where('tenant_id', '=', tenantId).execute();
  return rows
    .map((r) =>
      [
        r.service_id,
        r.schedule_id,
        new Date(r.starts_at).toISOString(),
        new Date(r.ends_at).toISOString(),
        r.date,
        r.all_day,
        r.cancelled,
      ].join('|'),
    )
    .sort();
}

const base: SearchInput = {
  text: '',
  functions: [],
  targetGroups: [],
  accessibility: [],
  when: null,
  point: null,
  radius: 3000,
  page: 1,
  pageSize: 100,
};

/** The services the expander says match a time filter at `now` (what the search did before issue 17). */
async function expandedMatches(db: DbOrTrx, tenantId: string, when: When, now: Date): Promise<string[]> {
  const ids = (
    await db.selectFrom('socialmap_services').select('id').where('tenant_id', '=', tenantId).where('status', '=', 'active').execute()
  ).map((r) => r.id);
  const rules = await schedulesOfServices(db, tenantId, ids);
  return ids
    .filter((id) => {
      const r = rules.get(id) ?? [];
      if (when === 'nu') return isOpenAt(r, now);
      const range = remainingRange(when, now);
      return occurrences(r, range.from, range.to).some((o) => !o.cancelled);
    })
    .sort();
}

async function searchedMatches(db: DbOrTrx, tenantId: string, when: When, now: Date): Promise<string[]> {
  const r = await searchServices(db, tenantId, { ...base, when }, now);
  assert.equal(r.capped, false, 'the test data stays under the count limit');
  return r.items.map((i) => i.id).sort();
}

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
