/**
 * Issue 17: the result cards take their next date and "nu open" from the precomputed occurrences
 * when the stored window covers the moment. These tests hold the cards to what expanding the
 * schedules gives (what every card did before): the same next occurrence (start, end, date, all
 * day, schedule) and the same "nu open", for the demo data and for edge cases — ties between two
 * schedules, a next date beyond the stored window, cancelled dates, past midnight, both DST changes,
 * a place's opening hours, no schedule at all, and a moment the stored window does not cover.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { createTenant, importDemoAreas } from '../../areas/areas.service.ts';
import { createOrganisation } from '../../people/people.service.ts';
import { DEMO_ORGANISATIONS } from '../../../seed/demo.ts';
import { socialmapDemoSeed } from '../demo.ts';
import { isOpenAt, nextOccurrences, type Occurrence } from '../schedule.ts';
import { refreshServiceOccurrences, refreshTenantOccurrences, storedWindow, windowRange } from '../occurrences/occurrences.service.ts';
import { schedulesOfServices } from './find.store.ts';
import { EMPTY_SEARCH, searchServices, type SearchInput } from './find.service.ts';
import { addService } from './find.test-support.ts';
import { ensureDefaultTaxonomies } from '../taxonomy/taxonomy.service.ts';
import { systemActor } from '../actor.ts';
import { FUNCTIE } from '../taxonomy/taxonomy.ts';

const base: SearchInput = { ...EMPTY_SEARCH, pageSize: 100 };

const key = (o: Occurrence | null | undefined) =>
  o ? [o.scheduleId, o.start.toISOString(), o.end.toISOString(), o.date, o.allDay, o.cancelled].join('|') : 'none';

/** Every active service's card (page by page) against the expander: next date and "nu open". Returns how many had a next date. */
async function compareCards(db: DbOrTrx, tenantId: string, at: Date): Promise<number> {
  let withNext = 0;
  let checked = 0;
  for (let page = 1; ; page++) {
    const r = await searchServices(db, tenantId, { ...base, page }, at);
    if (r.items.length === 0) break;
    const rules = await schedulesOfServices(
      db,
      tenantId,
      r.items.map((i) => i.id),
    );
    for (const item of r.items) {
      const list = rules.get(item.id) ?? [];
      const [next] = nextOccurrences(list, at, 1, { includeCancelled: false, horizonDays: 120 });
      assert.equal(key(item.next), key(next), `next date of ${item.name} at ${at.toISOString()}`);
      assert.equal(item.openNow, isOpenAt(list, at), `"nu open" of ${item.name} at ${at.toISOString()}`);
      if (next) withNext++;
      checked++;
    }
    if (checked >= r.total) break;
  }
  const active = await db
    .selectFrom('socialmap_services')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  assert.equal(checked, Number(active.n), 'every active service was checked');
  return withNext;
}

describe('result cards from the precomputed occurrences', () => {
  const ctx = useTestDb();

  it('show the same next date and "nu open" as expanding the schedules, for the demo data', async () => {
    const db = ctx.database.db;
    const TENANTS = [
      { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' },
      { id: 'GM0014', slug: 'groningen', name: 'Groningen' },
    ];
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
      assert.ok(await storedWindow(db, t.id), `the seed computed the window of ${t.id}`);
      let withNext = 0;
      for (const at of ['2026-11-23T10:00:00Z', '2026-11-24T11:15:00Z', '2026-11-26T18:30:00Z', '2026-11-29T22:59:00Z']) {
        withNext += await compareCards(db, t.id, new Date(at));
      }
      assert.ok(withNext > 20, `demo services with a next date in ${t.id}: ${withNext}`);
    }
  });

  it('show the same next date and "nu open" for ties, dates beyond the window, cancelled dates, past midnight and both DST changes', async () => {
    const db = ctx.database.db;
    const T = 'GM9003';
    await createTenant(db, { id: T, slug: 'kaarten', name: 'Kaarten' });
    for (const at of ['2026-10-22T10:00:00Z', '2027-03-25T10:00:00Z']) {
      const now = new Date(at);
      await refreshTenantOccurrences(db, T, now);
      const day = at.slice(0, 10);
      const saturday = new Date(now.getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
      const thursday = new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
      const later = new Date(now.getTime() + 50 * 86_400_000).toISOString().slice(0, 10);
      const add = (name: string, schedules: Record<string, unknown>[], cancelled: string[] = []) =>
        addService(db, T, {
          name: `${name} ${at}`,
          location: { name: 'Plek', lat: 52.66, lon: 4.83, address_1: 'Weg 1', postal_code: '1701 AB', city: 'Heerhugowaard' },
          schedules: schedules.map((s, i) => ({ ...s, ...(i === 0 ? { cancelled } : {}) }) as never),
        });
      // Two schedules that start at the same moment (different ends): the tie goes to the first rule.
      await add('Twee roosters', [
        { freq: 'WEEKLY', byday: 'TH', opens_at: '10:00', closes_at: '12:00' },
        { freq: 'WEEKLY', byday: 'TH', opens_at: '10:00', closes_at: '11:00' },
        { freq: 'WEEKLY', byday: 'TH', opens_at: '10:00Z', closes_at: '10:30Z' },
      ]);
      // Next week's date is cancelled, and this week's has passed at some of the moments.
      await add('Vervalt', [{ freq: 'WEEKLY', byday: 'TH', opens_at: '09:00', closes_at: '09:30' }], [day, thursday]);
      // The first date is 50 days away: beyond the stored window, so the card expands the schedule.
      await add('Later', [{ freq: 'WEEKLY', byday: 'MO', dtstart: later, valid_from: later, opens_at: '14:00', closes_at: '15:00' }]);
      await add('Nachtcafé', [{ freq: 'WEEKLY', byday: 'SA,SU', opens_at: '22:00', closes_at: '02:00' }], [saturday]);
      await add('UTC-tijden', [{ freq: 'WEEKLY', byday: 'SU,MO', opens_at: '23:30Z', closes_at: '01:00Z' }]);
      await add('Hele dag', [{ freq: 'WEEKLY', byday: 'SU' }]);
      await add('Elke maand', [{ freq: 'MONTHLY', byday: '-1FR', opens_at: '19:00', closes_at: '21:00' }]);
      await add('Geen rooster', []);
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
      const w = windowRange((await storedWindow(db, T))!);
      let withNext = 0;
      for (const h of [0, 1, 26, 50, 61, 75, 99, 122, 146, 200]) {
        const moment = new Date(now.getTime() + h * 3_600_000);
        assert.ok(moment >= w.from && moment < w.to, 'inside the stored window');
        withNext += await compareCards(db, T, moment);
      }
      assert.ok(withNext > 50, `cards with a next date: ${withNext}`);
      // 60 days on, without the job: the stored window no longer covers the moment; the cards expand the schedules.
      const after = new Date(now.getTime() + 60 * 86_400_000);
      assert.ok(after >= w.to);
      await compareCards(db, T, after);
    }
  });

  it('count a search without words, place or time up to 1000 ("ten minste"), exactly below it, and page in name order', async () => {
    const db = ctx.database.db;
    const T = 'GM9004';
    await createTenant(db, { id: T, slug: 'veel', name: 'Veel' });
    const terms = await ensureDefaultTaxonomies(db, systemActor(new Date('2026-11-23T10:00:00Z'), T), T);
    const org = await db
      .insertInto('socialmap_organizations')
      .values({ tenant_id: T, name: 'Org', description: '' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = Array.from({ length: 1005 }, (_, i) => ({
      tenant_id: T,
      organization_id: org.id,
      name: `Activiteit ${String((i * 7919) % 1005).padStart(4, '0')}`,
      status: i % 100 === 3 ? ('inactive' as const) : ('active' as const),
    }));
    const ids = (await db.insertInto('socialmap_services').values(rows).returning(['id', 'status']).execute()).filter(
      (r) => r.status === 'active',
    );
    // Twelve active services carry a function term.
    await db
      .insertInto('socialmap_attributes')
      .values(
        ids
          .slice(0, 12)
          .map((r) => ({ tenant_id: T, link_id: r.id, link_entity: 'service', taxonomy_term_id: terms.get(FUNCTIE.ontmoeting)! })),
      )
      .execute();
    const active = ids.length;
    assert.equal(active, 994);
    const now = new Date('2026-11-23T10:00:00Z');
    const order = (
      await db
        .selectFrom('socialmap_services')
        .select('id')
        .where('tenant_id', '=', T)
        .where('status', '=', 'active')
        .orderBy('name')
        .orderBy('id')
        .execute()
    ).map((r) => r.id);
    // 994 active services: below the limit, so exact.
    const first = await searchServices(db, T, { ...base, pageSize: 20 }, now);
    assert.deepEqual([first.total, first.capped], [994, false]);
    assert.deepEqual(
      first.items.map((i) => i.id),
      order.slice(0, 20),
    );
    // Seven more: above the limit, "ten minste 1000".
    await db
      .insertInto('socialmap_services')
      .values(Array.from({ length: 7 }, (_, i) => ({ tenant_id: T, organization_id: org.id, name: `Extra ${i}` })))
      .execute();
    const all = (
      await db
        .selectFrom('socialmap_services')
        .select('id')
        .where('tenant_id', '=', T)
        .where('status', '=', 'active')
        .orderBy('name')
        .orderBy('id')
        .execute()
    ).map((r) => r.id);
    const capped = await searchServices(db, T, { ...base, pageSize: 20, page: 3 }, now);
    assert.deepEqual([capped.total, capped.capped], [1000, true]);
    assert.deepEqual(
      capped.items.map((i) => i.id),
      all.slice(40, 60),
    );
    // Page 50 counts through page 51's end: the pager still offers the next page.
    const fifty = await searchServices(db, T, { ...base, pageSize: 20, page: 50 }, now);
    assert.deepEqual([fifty.total, fifty.capped], [1001, false]);
    assert.deepEqual(
      fifty.items.map((i) => i.id),
      all.slice(980, 1000),
    );
    // The last page: exact.
    const last = await searchServices(db, T, { ...base, pageSize: 20, page: 51 }, now);
    assert.deepEqual([last.total, last.capped], [1001, false]);
    assert.deepEqual(
      last.items.map((i) => i.id),
      all.slice(1000),
    );
    // A term narrows it: exact.
    const narrow = await searchServices(db, T, { ...base, functions: [FUNCTIE.ontmoeting] }, now);
    assert.deepEqual([narrow.total, narrow.capped, narrow.items.length], [12, false, 12]);
  });
});
