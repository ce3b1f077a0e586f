import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../../../test/helpers/app.ts';
import type { AreaSummaryArgs } from '../../../platform/module.ts';
import { DEMO_TENANTS } from '../../../seed/demo-accounts.ts';
import { listAreasWithoutGeometry } from '../areas.store.ts';
import { refreshTenantSummaries } from './summaries.service.ts';

/**
 * The summaries job shares reads between areas (AreaSummaryArgs.shared) and computes several areas
 * at once (issue 17). Its summaries must be exactly what every section computes for every area on
 * its own, as the job did before: here on the whole demo data, every section, every area.
 */
describe('area summaries: shared reads and concurrency give the same summaries', () => {
  // The demo data, seeded once per run into a template (test/helpers/db.ts).
  const ctx = useTestApp({}, { demo: true });

  it('stores, for every area and section of the demo municipalities, what the section computes alone', async () => {
    const db = ctx.database.db;
    const now = ctx.clock.now();
    const sections = ctx.app.summarySections;
    let compared = 0;
    for (const t of DEMO_TENANTS) {
      // The old way: each section for each area on its own, no shared reads, one area after another.
      const all = await listAreasWithoutGeometry(db, t.id);
      const expected = new Map<string, unknown>();
      for (const a of all) {
        const below =
          a.level === 'municipality'
            ? all.filter((b) => b.code !== a.code).map((b) => b.code)
            : a.level === 'district'
              ? all.filter((b) => b.parent_code === a.code).map((b) => b.code)
              : [];
        const args: AreaSummaryArgs = {
          db,
          tenantId: t.id,
          area: { code: a.code, level: a.level, name: a.name },
          areaCodes: [a.code, ...below.sort()],
          now,
        };
        for (const s of sections) expected.set(`${a.code}|${s.id}`, JSON.parse(JSON.stringify((await s.summarize(args)) ?? null)));
      }
      // The new way, as the job runs on PostgreSQL (three areas at a time) and in one connection.
      for (const concurrency of [3, 1]) {
        await db.deleteFrom('area_summaries').where('tenant_id', '=', t.id).execute();
        const result = await refreshTenantSummaries(db, { tenantId: t.id, sections, now, concurrency });
        assert.deepEqual(result.failed, [], `${t.slug}: no section failed`);
        assert.equal(result.stored, all.length * sections.length);
        const stored = await db
          .selectFrom('area_summaries')
          .select(['area_code', 'section_id', 'data'])
          .where('tenant_id', '=', t.id)
          .execute();
        assert.equal(stored.length, expected.size, `${t.slug}: a summary for every area and section`);
        for (const r of stored) {
          const key = `${r.area_code}|${r.section_id}`;
          assert.ok(expected.has(key), key);
          assert.deepStrictEqual(r.data, expected.get(key), `${t.slug} ${key} (${concurrency} at a time)`);
          compared += 1;
        }
      }
    }
    // Not an empty comparison: every demo municipality has areas and every module its section.
    assert.ok(sections.length >= 10 && compared >= 2 * DEMO_TENANTS.length * sections.length, `compared ${compared}`);
  });
});
