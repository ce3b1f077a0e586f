import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { useTestDb } from '../../../test/helpers/app.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { createTenant, importDemoAreas } from '../areas/areas.service.ts';
import { createOrganisation } from '../people/people.service.ts';
import { DEMO_ORGANISATIONS } from '../../seed/demo.ts';
import { socialmapDemoSeed } from './demo.ts';
import { DEMO_SOCIALMAP } from './demo-data.ts';
import { exportJson } from './hsds/export.ts';
import { hsdsValidator } from './hsds/validate.test-support.ts';

const TENANTS = [
  { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' },
  { id: 'GM1980', slug: 'heerhugowaard', name: 'Heerhugowaard' },
  { id: 'GM0014', slug: 'groningen', name: 'Groningen' },
];

describe('social map demo data', () => {
  const ctx = useTestDb();

  it('places every demo place inside its area, links providers, marks demo data and leaves white spots and stale entries', async () => {
    const db = ctx.database.db;
    const now = new Date('2026-11-23T10:00:00Z');
    const organisations = new Map<string, Map<string, string>>();
    await inTransaction(db, async (trx) => {
      for (const t of TENANTS) await createTenant(trx, t);
      await importDemoAreas(trx, { now: new Date('2026-11-23T10:00:00Z'), tenants: TENANTS, dataDir: 'seed-data/cbs' });
      for (const t of TENANTS) {
        const m = new Map<string, string>();
        for (const o of DEMO_ORGANISATIONS[t.id] ?? []) {
          m.set(o.name, (await createOrganisation(trx, { tenantId: t.id, name: o.name, kind: o.kind })).id);
        }
        organisations.set(t.id, m);
      }
      const started = Date.now();
      await socialmapDemoSeed(trx, { tenants: TENANTS, organisations, users: new Map(), now });
      const ms = Date.now() - started;
      if (process.env.SHOW_TIMING) console.log(`socialmap demo seed: ${ms} ms`);
      assert.ok(ms < 20_000, 'the seed stays fast');
    });

    for (const t of TENANTS) {
      const data = DEMO_SOCIALMAP[t.id]!;
      const locs = await sql<{
        name: string;
        buurt_code: string | null;
        wijk_code: string | null;
        is_demo: boolean;
      }>`select name, buurt_code, wijk_code, is_demo from socialmap_locations where tenant_id = ${t.id}`.execute(db);
      assert.equal(locs.rows.length, data.places.length);
      for (const p of data.places) {
        const row = locs.rows.find((r) => r.name === p.name)!;
        assert.ok(row.is_demo);
        assert.ok(
          p.area.startsWith('BU') ? row.buurt_code === p.area : row.wijk_code === p.area,
          `${p.name} lies in ${p.area}: ${row.wijk_code}/${row.buurt_code}`,
        );
      }
      const svcs = await sql<{
        n: number;
        stale: number;
        demo: number;
      }>`select count(*)::int as n, count(*) filter (where last_checked_at < ${new Date('2026-02-23T10:00:00Z')})::int as stale, count(*) filter (where is_demo)::int as demo from socialmap_services where tenant_id = ${t.id}`.execute(
        db,
      );
      assert.equal(svcs.rows[0]!.n, data.activities.length);
      assert.equal(svcs.rows[0]!.demo, data.activities.length);
      assert.ok(svcs.rows[0]!.stale >= 1, `${t.id} has stale entries`);
      const linked = await sql<{
        n: number;
      }>`select count(*)::int as n from socialmap_organizations where tenant_id = ${t.id} and people_organisation_id is not null`.execute(
        db,
      );
      assert.ok(linked.rows[0]!.n >= 3, 'providers are linked to people organisations');
    }
    const wijken = await sql<{
      n: number;
    }>`select count(distinct wijk_code)::int as n from socialmap_locations where tenant_id = 'GM0014'`.execute(db);
    assert.ok(wijken.rows[0]!.n >= 6 && wijken.rows[0]!.n < 20, 'covered wijken and white spots');
    const cancelled = await sql<{
      n: number;
    }>`select count(*)::int as n from socialmap_schedule_exceptions where tenant_id = 'GM0542'`.execute(db);
    assert.equal(cancelled.rows[0]!.n, 1);

    const v = hsdsValidator();
    const exported = await exportJson(db, 'GM1980', now);
    for (const s of exported.services as unknown[]) assert.deepEqual(v.errors('service', s), []);
  });
});
