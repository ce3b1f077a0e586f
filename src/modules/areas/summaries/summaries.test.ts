import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { h, type VNode } from 'preact';
import { sql } from 'kysely';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { refreshAreaSummaries } from '../../../../test/helpers/summaries.ts';
import type { SummarySection } from '../../../platform/module.ts';
import { testConfig } from '../../../platform/config.ts';
import { allJobHandlers } from '../../../platform/jobs/handlers.ts';
import { runDueJobs, enqueueJob } from '../../../platform/jobs/worker.ts';
import { MODULES } from '../../index.ts';
import { importDemoAreas, listAreas } from '../areas.service.ts';
import { SUMMARIES_JOB } from './summaries.module.ts';
import { refreshTenantSummaries } from './summaries.service.ts';
import { setSummaryCacheClock, SUMMARY_TTL_MS } from './summaries.cache.ts';

const KRIMPEN = { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' };

/** A test section showing a value the test controls, through the stored summary only. */
function probe(id: string, value: () => string): SummarySection<{ value: string }> {
  return {
    id,
    order: 2000,
    summarize: async () => ({ value: value() }),
    render: ({ data }) => h('p', { id }, `${id}=${data.value}`) as VNode,
  };
}

describe('area summaries job', () => {
  const ctx = useTestApp();
  let areaCount = 0;
  before(async () => {
    await importDemoAreas(ctx.database.db, { now: ctx.clock.now(), tenants: [KRIMPEN], dataDir: 'seed-data/cbs' });
    areaCount = (await listAreas(ctx.database.db, KRIMPEN.id)).length;
  });
  after(() => setSummaryCacheClock(() => performance.now()));

  it('the recurring job stores a summary of every section of every module for every area, and enqueues its next run', async () => {
    const now = ctx.clock.now();
    await enqueueJob(ctx.database.db, { kind: SUMMARIES_JOB, runAt: now });
    const ran = await runDueJobs(ctx.database.db, allJobHandlers(MODULES), { now, config: testConfig({ areaSummariesMinutes: 7 }) });
    assert.deepEqual(ran, { done: 1, failed: 0, retried: 0 });
    const sectionIds = MODULES.flatMap((m) => m.summarySections ?? []).map((s) => s.id);
    assert.ok(sectionIds.includes('socialmap-ontmoeten') && sectionIds.includes('helpen') && sectionIds.includes('signals'));
    const rows = await ctx.database.db.selectFrom('area_summaries').selectAll().where('tenant_id', '=', KRIMPEN.id).execute();
    assert.equal(rows.length, areaCount * sectionIds.length);
    for (const id of sectionIds) assert.equal(rows.filter((r) => r.section_id === id).length, areaCount, id);
    assert.ok(rows.every((r) => new Date(r.computed_at).getTime() === now.getTime()));
    // The ontmoeten section has nothing for the municipality itself (JSON null), data for a wijk.
    assert.equal(rows.find((r) => r.section_id === 'socialmap-ontmoeten' && r.area_code === KRIMPEN.id)!.data, null);
    assert.equal(typeof rows.find((r) => r.section_id === 'socialmap-ontmoeten' && r.area_code === 'WK054200')!.data, 'object');
    const next = await ctx.database.db
      .selectFrom('jobs')
      .select('run_at')
      .where('kind', '=', SUMMARIES_JOB)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    assert.equal(new Date(next.run_at).getTime(), now.getTime() + 7 * 60_000);
  });

  it('a section that throws does not stop the others, and is logged without its message', async () => {
    const logged: string[] = [];
    const failing: SummarySection = {
      id: 'test-failing',
      order: 1,
      summarize: async ({ area }) => {
        if (area.level === 'district') throw new TypeError('Jan Jansen, Dorpsstraat 1 caused this');
        return { ok: true };
      },
      render: () => null,
    };
    const result = await refreshTenantSummaries(ctx.database.db, {
      tenantId: KRIMPEN.id,
      sections: [failing, probe('test-fine', () => 'x')],
      now: ctx.clock.now(),
      log: (m) => logged.push(m),
    });
    const districts = (await listAreas(ctx.database.db, KRIMPEN.id, { level: 'district' })).length;
    assert.ok(districts > 0);
    assert.equal(result.failed.length, districts);
    assert.equal(result.stored, areaCount * 2 - districts);
    const fine = await ctx.database.db.selectFrom('area_summaries').select('area_code').where('section_id', '=', 'test-fine').execute();
    assert.equal(fine.length, areaCount, 'the other section is stored for every area, the wijken included');
    assert.equal(logged.length, districts);
    assert.match(logged[0]!, /section test-failing, area WK\d{6} \(TypeError\)/);
    assert.ok(
      logged.every((m) => !/Jan|Dorpsstraat/.test(m)),
      'no message text (personal data) in the log',
    );
    // Sections no module brings any more are removed by the next run.
    await refreshAreaSummaries(ctx.app, KRIMPEN.id);
    const left = await ctx.database.db.selectFrom('area_summaries').select('section_id').distinct().execute();
    assert.ok(!left.some((r) => r.section_id.startsWith('test-')));
  });

  it('the page reads the summaries from a cache that a refresh invalidates and that expires after SUMMARY_TTL_MS', async () => {
    let clock = 1_000_000;
    setSummaryCacheClock(() => clock);
    let value = 'one';
    const sections = ctx.app.summarySections as SummarySection[];
    sections.push(probe('test-probe', () => value));
    try {
      const browser = new TestBrowser(ctx.app);
      const page = async () => /test-probe=(\w+)/.exec((await browser.get('/krimpen-aan-den-ijssel/wijken/WK054200')).body)?.[1];
      await refreshAreaSummaries(ctx.app, KRIMPEN.id);
      assert.equal(await page(), 'one');
      // A refresh in this process shows at once.
      value = 'two';
      await refreshAreaSummaries(ctx.app, KRIMPEN.id);
      assert.equal(await page(), 'two');
      // A write by another process (no invalidation here) shows once the cached entry has expired.
      await sql`update area_summaries set data = '{"value":"three"}'::jsonb where section_id = 'test-probe'`.execute(ctx.database.db);
      assert.equal(await page(), 'two', 'warm: served from the cache, no query');
      clock += SUMMARY_TTL_MS - 1;
      assert.equal(await page(), 'two');
      clock += 2;
      assert.equal(await page(), 'three');
    } finally {
      sections.pop();
    }
  });
});
