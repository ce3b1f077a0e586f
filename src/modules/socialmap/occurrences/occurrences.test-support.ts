/**
 * Helpers of occurrences.test.ts: the expander's answer and the table's as comparable keys, the
 * search's matches, a tenant with every kind of rule, the nightly job's moment, waiting on locks.
 */
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { schedulesOfServices } from '../find/find.store.ts';
import { EMPTY_SEARCH, remainingRange, searchServices, type SearchInput, type When } from '../find/find.service.ts';
import { addService } from '../find/find.test-support.ts';
import { occurrences, isOpenAt } from '../schedule.ts';
import { refreshServiceOccurrences, storedWindow, windowRange } from './occurrences.service.ts';

export const TENANTS = [
  { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' },
  { id: 'GM1980', slug: 'heerhugowaard', name: 'Heerhugowaard' },
  { id: 'GM0014', slug: 'groningen', name: 'Groningen' },
];

/** Every occurrence the expander gives the tenant's services over its stored window, as comparable keys. */
export async function expected(db: DbOrTrx, tenantId: string): Promise<string[]> {
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

export async function stored(db: DbOrTrx, tenantId: string): Promise<string[]> {
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

export const base: SearchInput = { ...EMPTY_SEARCH, pageSize: 100 };

/** The services the expander says match a time filter at `now` (what the search did before issue 17). */
export async function expandedMatches(db: DbOrTrx, tenantId: string, when: When, now: Date): Promise<string[]> {
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

export async function searchedMatches(db: DbOrTrx, tenantId: string, when: When, now: Date): Promise<string[]> {
  const r = await searchServices(db, tenantId, { ...base, when }, now);
  assert.equal(r.capped, false, 'the test data stays under the count limit');
  return r.items.map((i) => i.id).sort();
}

/** A tenant with services that cover the expander's cases: monthly rules, past midnight, UTC times, all day, location hours. */
export async function varied(db: DbOrTrx, T: string): Promise<{ weekly: string; weeklyService: string; monthly: string }> {
  const place = { name: 'Plek', lat: 52.66, lon: 4.83, address_1: 'Weg 1', postal_code: '1701 AB', city: 'Heerhugowaard' };
  const weekly = await addService(db, T, {
    name: 'Inloop',
    location: place,
    schedules: [{ freq: 'WEEKLY', byday: 'TU,TH', opens_at: '10:00', closes_at: '12:00', cancelled: ['2026-10-27'] } as never],
  });
  await addService(db, T, {
    name: 'Om de week',
    schedules: [{ freq: 'WEEKLY', interval: 2, byday: 'WE', dtstart: '2026-10-07' } as never],
  });
  const monthly = await addService(db, T, {
    name: 'Maandelijks',
    schedules: [
      { freq: 'MONTHLY', byday: '-1FR', opens_at: '19:00', closes_at: '21:00' } as never,
      { freq: 'MONTHLY', byday: '1TU,3TU', opens_at: '13:00', closes_at: '15:00', count: 6, dtstart: '2026-10-01' } as never,
    ],
  });
  await addService(db, T, {
    name: 'Nachtcafé',
    schedules: [
      { freq: 'WEEKLY', byday: 'SA,SU', opens_at: '22:00', closes_at: '02:00', cancelled: ['2026-10-24', '2027-03-27'] } as never,
    ],
  });
  await addService(db, T, {
    name: 'UTC-tijden',
    schedules: [{ freq: 'WEEKLY', byday: 'SU,MO', opens_at: '23:30Z', closes_at: '01:00Z' } as never],
  });
  await addService(db, T, { name: 'Hele dag', schedules: [{ freq: 'WEEKLY', byday: 'SU' } as never] });
  const hall = await addService(db, T, { name: 'Buurthuis', location: { ...place, name: 'Buurthuis', address_1: 'Weg 2' } });
  await db
    .insertInto('socialmap_schedules')
    .values({ tenant_id: T, location_id: hall.locationId!, freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00' })
    .execute();
  await refreshServiceOccurrences(db, T, [hall.serviceId]);
  const scheduleOf = async (serviceId: string) =>
    (
      await db
        .selectFrom('socialmap_schedules')
        .select('id')
        .where('tenant_id', '=', T)
        .where('service_id', '=', serviceId)
        .orderBy('opens_at')
        .execute()
    )[0]!.id;
  return { weekly: await scheduleOf(weekly.serviceId), weeklyService: weekly.serviceId, monthly: await scheduleOf(monthly.serviceId) };
}

/** The nightly job at 03:00 in Amsterdam on this day (CET or CEST). */
export function night(day: string): Date {
  return new Date(`${day}T03:00:00${day >= '2026-10-25' && day < '2027-03-28' ? '+01:00' : '+02:00'}`);
}

/** Backends of this database waiting for a lock (another connection's row or table lock). */
export async function waitingForLock(db: DbOrTrx): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
  return r.rows[0]!.n;
}

/** Poll a condition until it holds (a wait for another connection, not a timed assertion). */
export async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 3000; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the other connection never got there');
}
