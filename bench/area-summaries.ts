/**
 * The neighbourhood summaries job (`areas.summaries`) at Groningen size, before and after issue 17,
 * in one run and on the same data:
 *  - before (the ceiling to beat): every section computed for every area on its own, one area
 *    after another, as the job did until issue 17;
 *  - after: `refreshTenantSummaries` as the job runs it now (reads that do not depend on the area
 *    shared by the run; on PostgreSQL three areas at a time, as with the default pool of 10);
 *  - whether the two give exactly the same summaries (every area, every section);
 *  - seconds per area and per municipality, and what that means for a national round of ~13,500
 *    areas (docs/scaling.md) against the 10-minute interval (AREA_SUMMARIES_MINUTES).
 * The data set is bench/area-page.ts's (91 areas, indicators, services, help requests), with
 * BENCH_SIGNALS signals (default here 50,000, so PGlite generates it in minutes; 250,000 as in
 * area-page.ts with BENCH_SIGNALS=250000). PGlite always; PostgreSQL too with BENCH_DATABASE_URL
 * (a scratch database, dropped afterwards); BENCH_ENGINES=postgres or pglite for one of them.
 * Run: npx tsx bench/area-summaries.ts
 */
import { cpus, loadavg } from 'node:os';
import type { AreaSummaryArgs } from '../src/platform/module.ts';
import type { DbHandle } from '../src/platform/db/database.ts';
import { onScratchPglite, onScratchPostgres } from './scratch.ts';

process.env.BENCH_SIGNALS ??= '50000';
const { seed } = await import('./area-page.ts');
const { buildApp } = await import('../src/app.ts');
const { testConfig } = await import('../src/platform/config.ts');
const { fixedClock } = await import('../src/platform/clock.ts');
const { listAreasWithoutGeometry } = await import('../src/modules/areas/areas.store.ts');
const { refreshTenantSummaries } = await import('../src/modules/areas/summaries/summaries.service.ts');

const NOW = new Date('2026-11-23T10:00:00Z');
const TENANT = 'GM0014';
const NATIONAL_AREAS = 13_500;
const INTERVAL_MINUTES = 10;

function log(msg: string): void {
  process.stderr.write(`[area-summaries] ${msg}\n`);
}

interface Result {
  engine: string;
  areas: number;
  beforeS: number;
  afterS: number;
  concurrency: number;
  identical: boolean;
  differing: number;
}

async function measure(engine: string, handle: DbHandle, concurrency: number): Promise<Result> {
  log(`${engine}: generating the data set (${process.env.BENCH_SIGNALS} signals)…`);
  const seeded = await seed(handle);
  log(`${engine}: ${seeded.areas} areas in ${seeded.seconds.toFixed(1)} s`);
  const app = await buildApp({ config: testConfig({ logLevel: 'silent' }), database: handle, clock: fixedClock(NOW.toISOString()) });
  try {
    const db = handle.db;
    const sections = app.summarySections;
    const all = await listAreasWithoutGeometry(db, TENANT);
    // Before: as the job did until issue 17.
    log(`${engine}: before (every section per area, alone)…`);
    const t0 = performance.now();
    const before = new Map<string, string>();
    for (const a of all) {
      const below =
        a.level === 'municipality'
          ? all.filter((b) => b.code !== a.code).map((b) => b.code)
          : a.level === 'district'
            ? all.filter((b) => b.parent_code === a.code).map((b) => b.code)
            : [];
      const args: AreaSummaryArgs = {
        db,
        tenantId: TENANT,
        area: { code: a.code, level: a.level, name: a.name },
        areaCodes: [a.code, ...below.sort()],
        now: NOW,
      };
      for (const s of sections) before.set(`${a.code}|${s.id}`, JSON.stringify((await s.summarize(args)) ?? null));
    }
    const beforeS = (performance.now() - t0) / 1000;
    log(`${engine}: before ${beforeS.toFixed(1)} s; after (the job as it runs now, ${concurrency} at a time)…`);
    const result = await refreshTenantSummaries(db, { tenantId: TENANT, sections, now: NOW, concurrency });
    const afterS = result.ms / 1000;
    log(`${engine}: after ${afterS.toFixed(1)} s (${result.stored} stored, ${result.failed.length} failed)`);
    // Compare through JSON parsing (the stored jsonb has its own key order).
    const stored = await db
      .selectFrom('area_summaries')
      .select(['area_code', 'section_id', 'data'])
      .where('tenant_id', '=', TENANT)
      .execute();
    const canon = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(canon)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([k, x]) => [k, canon(x)]),
            )
          : v;
    let differing = Math.abs(before.size - stored.length) + result.failed.length;
    for (const r of stored) {
      const was = before.get(`${r.area_code}|${r.section_id}`);
      if (was === undefined || JSON.stringify(canon(JSON.parse(was))) !== JSON.stringify(canon(r.data))) differing += 1;
    }
    return { engine, areas: all.length, beforeS, afterS, concurrency, identical: differing === 0, differing };
  } finally {
    await app.close();
  }
}

async function pglite(): Promise<Result> {
  return onScratchPglite('samenhang-bench-summaries-', (handle) => measure('PGlite', handle, 1));
}

async function postgres(adminUrl: string): Promise<Result> {
  // As the job runs with the default DATABASE_POOL_SIZE of 10 (summaries.module.ts).
  return onScratchPostgres(adminUrl, `bench_area_summaries_${process.pid}`, (handle) => measure('PostgreSQL', handle, 3));
}

async function main(): Promise<void> {
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
  const load = loadavg()[0]!.toFixed(1);
  const results: Result[] = [];
  if (engines.includes('pglite')) results.push(await pglite());
  const url = process.env.BENCH_DATABASE_URL;
  if (url && engines.includes('postgres')) results.push(await postgres(url));
  const s = (x: number) => x.toFixed(2);
  const lines = [
    '',
    `## The neighbourhood summaries job (bench/area-summaries.ts, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, load ${load} at the start)`,
    '',
    `Groningen size: ${results[0]?.areas ?? 0} areas, ${Number(process.env.BENCH_SIGNALS).toLocaleString('en')} signals. Ceiling: the job as it was (every section per area, alone), same run, same data.`,
    '',
    '| engine | before: s per municipality | before: s per area | after: s per municipality | after: s per area | after ÷ before | areas at a time | same summaries | national round (13,500 areas) after |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
  ];
  for (const r of results) {
    const national = ((r.afterS / r.areas) * NATIONAL_AREAS) / 60;
    lines.push(
      `| ${r.engine} | ${s(r.beforeS)} | ${s(r.beforeS / r.areas)} | ${s(r.afterS)} | ${s(r.afterS / r.areas)} | ${(r.afterS / r.beforeS).toFixed(3)} | ${r.concurrency} | ${r.identical ? 'yes' : `NO (${r.differing} differ)`} | ${national.toFixed(1)} min |`,
    );
  }
  lines.push('');
  for (const r of results) {
    const national = ((r.afterS / r.areas) * NATIONAL_AREAS) / 60;
    lines.push(
      `- ${r.engine}: faster than before (after ÷ before < 1) with the same summaries: ${r.afterS < r.beforeS && r.identical ? 'goal met' : 'goal not met'}; ` +
        `a national round within the ${INTERVAL_MINUTES}-minute interval on one such process: ${national <= INTERVAL_MINUTES ? 'goal met' : 'goal not met'} (${national.toFixed(1)} min).`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
  if (results.some((r) => !r.identical)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`area-summaries benchmark failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
