/**
 * The professional list with many signals: p50/p95 of the list query (capped count + one page of
 * 50 by keyset, the service function the page uses) on the first page and on a deep page (reached
 * by following the "volgende pagina" cursor DEEP_PAGES times, default 200), and of the whole HTML
 * page through the app (app.inject), beside a ceiling measured in the same run on the same table:
 * a raw indexed `select … order by created_at desc, id desc limit 50`.
 * Goal (issue 17): p95 under 100 ms on PostgreSQL for the first and the deep page.
 * Seeds SIGNALS (default 20 000; SIGNALS=250000 for the full size) in Krimpen with set-based SQL
 * (generate_series) across the demo categories (so three organisations) and every buurt; 30 % open.
 * PGlite always (fresh data directory); PostgreSQL too when BENCH_DATABASE_URL is set (a scratch
 * database, dropped afterwards). LIST_SAMPLES (default 30) timed calls per measurement.
 * Run: npx tsx bench/signals-list.ts
 */
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { testConfig } from '../src/platform/config.ts';
import type { DbHandle } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { allMigrations } from '../src/modules/migrations.ts';
import { listAreas } from '../src/modules/areas/areas.service.ts';
import { KRIMPEN, setupTenant } from '../src/modules/signals/signals.test-support.ts';
import { filterFor, listPage, parseListQuery } from '../src/modules/signals/list/list.service.ts';
import { listCategories } from '../src/modules/signals/config/categories.service.ts';
import { principalOf } from '../src/platform/principal.ts';
import { TestBrowser } from '../test/helpers/app.ts';
import { signInAs } from '../test/helpers/people.ts';
import { onScratchPglite, onScratchPostgres } from './scratch.ts';

const N = Number(process.env.SIGNALS ?? 20_000);
const SAMPLES = Number(process.env.LIST_SAMPLES ?? 30);
const DEEP_PAGES = Number(process.env.DEEP_PAGES ?? 200);
const GOAL_MS = 100;
const NOW = new Date('2026-11-23T10:00:00Z');

function log(msg: string): void {
  process.stderr.write(`[signals-list] ${msg}\n`);
}

interface Timing {
  label: string;
  p50: number;
  p95: number;
}

async function timeIt(label: string, fn: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 3; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!;
  return { label, p50: at(0.5), p95: at(0.95) };
}

async function seed(handle: DbHandle): Promise<{ housing: string }> {
  const db = handle.db;
  await migrateToLatest(db, allMigrations());
  const fx = await setupTenant(db, KRIMPEN);
  const buurten = (await listAreas(db, KRIMPEN.id, { level: 'neighbourhood' })).map((b) => ({
    code: b.code,
    wijk: b.parentCode ?? '',
    lon: b.label?.[0] ?? 4.6,
    lat: b.label?.[1] ?? 51.915,
  }));
  const started = performance.now();
  await sql`
    with cats as (
      select c.id, c.sensitive, c.service_code, row_number() over (order by c.service_code) - 1 as i, count(*) over () as n from signals_categories c where c.tenant_id = ${KRIMPEN.id}
    ), b as (
      select x.code, x.wijk, x.lon, x.lat, row_number() over (order by x.code) - 1 as i, count(*) over () as n
      from jsonb_to_recordset(${JSON.stringify(buurten)}::jsonb) as x(code text, wijk text, lon float8, lat float8)
    )
    insert into signals_signals (tenant_id, public_id, category_id, description, latitude, longitude, address, buurt_code, wijk_code,
      reporter_email, state, organisation_id, deadline_at, created_at, updated_at, closed_at, source, is_demo)
    select ${KRIMPEN.id}, 'SIG-2025-' || lpad(g::text, 6, '0'), cats.id, 'Benchmark melding ' || g,
      b.lat + ((g % 97) - 48) * 0.00002, b.lon + ((g % 89) - 44) * 0.00003, 'Benchmarkstraat ' || (g % 300), b.code, nullif(b.wijk, ''),
      'melder' || (g % 1000) || '@example.nl',
      case when g % 10 = 0 then 'gemeld' when g % 10 = 1 then 'in_behandeling' when g % 10 = 2 then 'ingepland' when g % 10 = 3 then 'geannuleerd' else 'afgehandeld' end,
      case when cats.sensitive then ${fx.welfare}::uuid when cats.service_code = 'burenoverlast' then ${fx.housing}::uuid else ${fx.municipality}::uuid end,
      ${NOW}::timestamptz - (g * interval '5 minutes') + interval '7 days',
      ${NOW}::timestamptz - (g * interval '5 minutes'), ${NOW}::timestamptz - (g * interval '5 minutes'),
      case when g % 10 >= 3 then ${NOW}::timestamptz - (g * interval '5 minutes') + interval '3 days' end,
      'web', true
    from generate_series(1, ${N}) as g
    join cats on cats.i = g % cats.n
    join b on b.i = (g / 7) % b.n
  `.execute(db);
  // Network actions: the housing corporation has an action on 1 % of the care signals.
  await sql`
    insert into signals_actions (tenant_id, signal_id, organisation_id, description, status)
    select s.tenant_id, s.id, ${fx.housing}::uuid, 'Huisbezoek', 'open'
    from signals_signals s join signals_categories c on c.tenant_id = s.tenant_id and c.id = s.category_id
    where s.tenant_id = ${KRIMPEN.id} and c.sensitive and right(s.public_id, 2) = '00'
  `.execute(db);
  await sql`analyze`.execute(db);
  log(`seeded ${N} signals in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { housing: fx.housing };
}

async function measure(engine: string, handle: DbHandle): Promise<{ engine: string; rows: Timing[] }> {
  const { housing } = await seed(handle);
  const db = handle.db;
  const clock = fixedClock(NOW.toISOString());
  const app = await buildApp({ config: testConfig({ logLevel: 'silent' }), database: handle, clock });
  await app.ready();
  try {
    const categories = await listCategories(db, KRIMPEN.id);
    const as = (role: 'coordinator' | 'professional', organisationId: string | null) =>
      principalOf({ id: 'bench', mfaVerified: true, memberships: [{ tenantId: KRIMPEN.id, organisationId, role }] }, KRIMPEN.id, NOW);
    const coordinator = as('coordinator', null);
    const professional = as('professional', housing);
    const coordOpen = filterFor(parseListQuery({ status: 'open' }), categories, NOW);
    const proAll = filterFor(parseListQuery({ status: '' }), categories, NOW);
    const proOpen = filterFor(parseListQuery({ status: 'open' }), categories, NOW);
    /** The cursor reached by following "volgende pagina" `pages` times (or as far as the list goes). */
    const deepCursor = async (principal: typeof coordinator, filter: typeof coordOpen, pages: number) => {
      let cursor: string | null = null;
      let n = 1;
      for (; n <= pages; n++) {
        const next: string | null = (await listPage(db, principal, KRIMPEN.id, filter, { after: cursor })).next;
        if (!next) break;
        cursor = next;
      }
      return { cursor, page: n };
    };
    const deepCoord = await deepCursor(coordinator, coordOpen, DEEP_PAGES);
    const deepPro = await deepCursor(professional, proAll, DEEP_PAGES);
    const coord = new TestBrowser(app);
    await signInAs({ database: handle, clock }, coord, { tenantId: KRIMPEN.id, role: 'coordinator' });
    const pro = new TestBrowser(app);
    await signInAs({ database: handle, clock }, pro, { tenantId: KRIMPEN.id, role: 'professional', organisationId: housing });
    const page = async (b: TestBrowser, url: string) => {
      const r = await b.get(url);
      if (r.statusCode !== 200) throw new Error(`${url}: HTTP ${r.statusCode}`);
    };
    const base = `/${KRIMPEN.slug}/meldingen/behandelen`;
    const rows = [
      await timeIt('ceiling: raw indexed select … limit 50', () =>
        sql`select id, public_id, state, created_at from signals_signals where tenant_id = ${KRIMPEN.id} order by created_at desc, id desc limit 50`.execute(
          db,
        ),
      ),
      await timeIt('service: coordinator, open, page 1', () => listPage(db, coordinator, KRIMPEN.id, coordOpen)),
      await timeIt(`service: coordinator, open, page ${deepCoord.page} (cursor)`, () =>
        listPage(db, coordinator, KRIMPEN.id, coordOpen, { after: deepCoord.cursor }),
      ),
      await timeIt('service: professional (housing), all states, page 1', () => listPage(db, professional, KRIMPEN.id, proAll)),
      await timeIt(`service: professional (housing), all states, page ${deepPro.page} (cursor)`, () =>
        listPage(db, professional, KRIMPEN.id, proAll, { after: deepPro.cursor }),
      ),
      await timeIt('service: professional (housing), open, page 1', () => listPage(db, professional, KRIMPEN.id, proOpen)),
      await timeIt('HTTP page: coordinator, open, page 1', () => page(coord, `${base}?status=open`)),
      await timeIt('HTTP page: professional, open, page 1', () => page(pro, `${base}?status=open`)),
      await timeIt('HTTP page: coordinator, map view, page 1', () => page(coord, `${base}?status=open&weergave=kaart`)),
      await timeIt(`HTTP page: coordinator, open, page ${deepCoord.page} (cursor)`, () =>
        page(coord, `${base}?status=open&na=${deepCoord.cursor ?? ''}`),
      ),
    ];
    for (const r of rows) log(`${engine}: ${r.label}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`);
    return { engine, rows };
  } finally {
    await app.close();
  }
}

async function pglite() {
  return onScratchPglite('samenhang-bench-list-', (handle) => measure('PGlite (data directory)', handle));
}

async function postgres(adminUrl: string) {
  return onScratchPostgres(adminUrl, `bench_signals_list_${process.pid}`, (handle) => measure('PostgreSQL', handle));
}

async function main(): Promise<void> {
  const results = [await pglite()];
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (url) results.push(await postgres(url));
  const lines = ['', `## Professional list with ${N.toLocaleString('en')} signals (bench/signals-list.ts, ${SAMPLES} samples)`, ''];
  for (const { engine, rows } of results) {
    const ceiling = rows[0]!;
    lines.push(`### ${engine}`, '', '| measurement | p50 ms | p95 ms | p95 ÷ ceiling p95 |', '| --- | ---: | ---: | ---: |');
    for (const r of rows) lines.push(`| ${r.label} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${(r.p95 / ceiling.p95).toFixed(1)}× |`);
    lines.push('');
    if (engine === 'PostgreSQL') {
      const goalRows = rows.filter((r) => r.label.startsWith('service: ') || r.label.startsWith('HTTP page: coordinator, open'));
      const worst = goalRows.reduce((a, b) => (b.p95 > a.p95 ? b : a));
      lines.push(
        `Goal (issue 17): PostgreSQL, ${N.toLocaleString('en')} signals, first and deep page p95 < ${GOAL_MS} ms (ceiling p95 ${ceiling.p95.toFixed(1)} ms): worst ${worst.p95.toFixed(1)} ms (${worst.label}) → ${worst.p95 < GOAL_MS ? 'goal met' : 'goal not met'}`,
        '',
      );
    }
  }
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`signals-list benchmark failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
