/**
 * The neighbourhood page at Groningen size (issue 13, speed): a municipality with 250,000 signals,
 * 5,000 social-map services, 20,000 help requests and ten years of 100 indicators for every area,
 * generated set-based (generate_series) where the schema allows. Measured in one run:
 *  - the ceiling: a bare Fastify hello-world server, 50 connections (autocannon in a child process);
 *  - one full run of the area-summaries job for the municipality (every section of every module,
 *    every area), in seconds;
 *  - the neighbourhood page `/groningen/wijken/WK001404`, anonymous, 50 connections: req/s and
 *    p50/p95/p99, and req/s as a share of bare Fastify.
 * PGlite always (fresh data directory); PostgreSQL too when BENCH_DATABASE_URL is set (a scratch
 * database, dropped afterwards; BENCH_ENGINES=postgres for that one only). BENCH_SIGNALS, BENCH_SERVICES, BENCH_HELP, BENCH_INDICATORS and
 * BENCH_YEARS change the sizes; BENCH_SECONDS (default 5) the measuring time; BENCH_PGLITE_DIR keeps
 * PGlite's data for a later run (see pglite()).
 * Run: npx tsx bench/area-page.ts
 */
import Fastify from 'fastify';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { sql } from 'kysely';
import type { LoadResult } from './load.ts';
import { loadInChild } from './load-child.ts';
import { buildApp } from '../src/app.ts';
import { testConfig } from '../src/platform/config.ts';
import { openDatabase, type Db, type DbHandle } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { systemPrincipal } from '../src/platform/principal.ts';
import { allMigrations } from '../src/modules/migrations.ts';
import { listAreas } from '../src/modules/areas/areas.service.ts';
import { refreshTenantSummaries } from '../src/modules/areas/summaries/summaries.service.ts';
import { setupTenant } from '../src/modules/signals/signals.test-support.ts';
import { ensureDefaultTaxonomies } from '../src/modules/socialmap/taxonomy/taxonomy.service.ts';
import { FUNCTIE } from '../src/modules/socialmap/taxonomy/taxonomy.ts';

const SIGNALS = Number(process.env.BENCH_SIGNALS ?? 250_000);
const SERVICES = Number(process.env.BENCH_SERVICES ?? 5_000);
const HELP = Number(process.env.BENCH_HELP ?? 20_000);
const INDICATORS = Number(process.env.BENCH_INDICATORS ?? 100);
const YEARS = Number(process.env.BENCH_YEARS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;
const NOW = new Date('2026-11-23T10:00:00Z');
const GRONINGEN = { id: 'GM0014', slug: 'groningen', name: 'Groningen' };
const PATH = `/${GRONINGEN.slug}/wijken/WK001404`;

function log(msg: string): void {
  process.stderr.write(`[area-page] ${msg}\n`);
}

const load = (url: string, headers: Record<string, string> = {}): Promise<LoadResult> => loadInChild(url, CONNECTIONS, SECONDS, headers);
/** What a browser sends: every browser takes gzip, so the page is measured as browsers get it (and once without). */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };

async function bareFastify(): Promise<LoadResult> {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ hello: 'world' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    return await load(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`);
  } finally {
    await app.close();
  }
}

/** Social-map services in batches (ids and schedules are easier in JS), each at a location in a buurt. */
async function seedServices(db: Db, buurten: readonly { code: string; wijk: string | null; lon: number; lat: number }[]): Promise<void> {
  const terms = await ensureDefaultTaxonomies(db, systemPrincipal(GRONINGEN.id, NOW), GRONINGEN.id);
  const functions = Object.values(FUNCTIE).map((c) => terms.get(c)!);
  const meeting = terms.get(FUNCTIE.ontmoeting)!;
  const orgId = randomUUID();
  await db.insertInto('socialmap_organizations').values({ tenant_id: GRONINGEN.id, id: orgId, name: 'Bench', description: '' }).execute();
  const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  for (let start = 0; start < SERVICES; start += 500) {
    const services = [];
    const locations = [];
    const sals = [];
    const schedules = [];
    const attributes = [];
    for (let i = start; i < Math.min(SERVICES, start + 500); i++) {
      const b = buurten[i % buurten.length]!;
      const id = randomUUID();
      const loc = randomUUID();
      services.push({ tenant_id: GRONINGEN.id, id, organization_id: orgId, name: `Activiteit ${i}`, description: 'Benchmark' });
      locations.push({
        tenant_id: GRONINGEN.id,
        id: loc,
        organization_id: orgId,
        name: `Plek ${i}`,
        latitude: b.lat,
        longitude: b.lon,
        buurt_code: b.code,
        wijk_code: b.wijk,
      });
      sals.push({ tenant_id: GRONINGEN.id, id: randomUUID(), service_id: id, location_id: loc });
      schedules.push({
        tenant_id: GRONINGEN.id,
        id: randomUUID(),
        service_id: id,
        freq: 'WEEKLY' as const,
        byday: `${DAYS[i % 7]},${DAYS[(i + 3) % 7]}`,
        opens_at: '10:00',
        closes_at: '12:00',
      });
      const term = i % 3 === 0 ? meeting : functions[i % functions.length]!;
      attributes.push({ tenant_id: GRONINGEN.id, id: randomUUID(), link_id: id, link_entity: 'service', taxonomy_term_id: term });
    }
    await db.insertInto('socialmap_services').values(services).execute();
    await db.insertInto('socialmap_locations').values(locations).execute();
    await db.insertInto('socialmap_service_at_locations').values(sals).execute();
    await db.insertInto('socialmap_schedules').values(schedules).execute();
    await db.insertInto('socialmap_attributes').values(attributes).execute();
  }
}

/** The Groningen-size data set (also used by bench/area-summaries.ts). */
export async function seed(handle: DbHandle): Promise<{ areas: number; seconds: number }> {
  const db = handle.db;
  const started = performance.now();
  await migrateToLatest(db, allMigrations());
  const fx = await setupTenant(db, GRONINGEN);
  const areas = await listAreas(db, GRONINGEN.id);
  const buurten = areas
    .filter((a) => a.level === 'neighbourhood')
    .map((b) => ({ code: b.code, wijk: b.parentCode, lon: b.label?.[0] ?? 6.56, lat: b.label?.[1] ?? 53.22 }));
  const buurtJson = JSON.stringify(buurten);
  // Signals: spread over every buurt and category over the last ~2.4 years, 30 % open.
  await sql`
    with cats as (
      select c.id, c.sensitive, c.service_code, row_number() over (order by c.service_code) - 1 as i, count(*) over () as n
      from signals_categories c where c.tenant_id = ${GRONINGEN.id}
    ), b as (
      select x.code, x.wijk, x.lon, x.lat, row_number() over (order by x.code) - 1 as i, count(*) over () as n
      from jsonb_to_recordset(${buurtJson}::jsonb) as x(code text, wijk text, lon float8, lat float8)
    )
    insert into signals_signals (tenant_id, public_id, category_id, description, latitude, longitude, address, buurt_code, wijk_code,
      reporter_email, state, organisation_id, deadline_at, created_at, updated_at, closed_at, source, is_demo)
    select ${GRONINGEN.id}, 'SIG-2025-' || lpad(g::text, 7, '0'), cats.id, 'Benchmark melding ' || g,
      b.lat, b.lon, 'Benchmarkstraat ' || (g % 300), b.code, b.wijk, 'melder' || (g % 1000) || '@example.nl',
      case when g % 10 = 0 then 'gemeld' when g % 10 = 1 then 'in_behandeling' when g % 10 = 2 then 'ingepland' when g % 10 = 3 then 'geannuleerd' else 'afgehandeld' end,
      case when cats.sensitive then ${fx.welfare}::uuid when cats.service_code = 'burenoverlast' then ${fx.housing}::uuid else ${fx.municipality}::uuid end,
      ${NOW}::timestamptz - (g * interval '5 minutes') + interval '7 days',
      ${NOW}::timestamptz - (g * interval '5 minutes'), ${NOW}::timestamptz - (g * interval '5 minutes'),
      case when g % 10 >= 3 then ${NOW}::timestamptz - (g * interval '5 minutes') + interval '3 days' end,
      'web', true
    from generate_series(1, ${SIGNALS}) as g
    join cats on cats.i = g % cats.n
    join b on b.i = (g / 7) % b.n
  `.execute(db);
  log(`${SIGNALS} signals`);
  await seedServices(db, buurten);
  log(`${SERVICES} services`);
  await sql`
    with b as (
      select x.code, x.wijk, x.lon, x.lat, row_number() over (order by x.code) - 1 as i, count(*) over () as n
      from jsonb_to_recordset(${buurtJson}::jsonb) as x(code text, wijk text, lon float8, lat float8)
    )
    insert into help_requests (tenant_id, category, help_type, summary, schedule_kind, lon, lat, buurt_code, wijk_code, state, expires_at, created_at)
    select ${GRONINGEN.id}, 'boodschappen', (array['latent','incidental','structural'])[1 + g % 3], 'Benchmark hulpvraag ' || g, 'once',
      b.lon, b.lat, b.code, b.wijk, (array['open','matched','done','withdrawn','expired'])[1 + g % 5],
      ${NOW}::timestamptz + interval '14 days' - (g * interval '30 minutes'), ${NOW}::timestamptz - (g * interval '30 minutes')
    from generate_series(1, ${HELP}) as g
    join b on b.i = g % b.n
  `.execute(db);
  log(`${HELP} help requests`);
  await sql`
    insert into monitor_indicators (tenant_id, code, name_nl, name_en, unit, direction, source, theme)
    select ${GRONINGEN.id}, 'bench_' || i, 'Indicator ' || i, 'Indicator ' || i, 'percent', 'up', 'import',
      (array['meet','know','help','together'])[1 + i % 4]
    from generate_series(1, ${INDICATORS}) as i
  `.execute(db);
  const codes = JSON.stringify(areas.map((a) => a.code));
  await sql`
    insert into monitor_measurements (tenant_id, indicator_code, area_code, period, period_start, period_end, value, is_demo)
    select ${GRONINGEN.id}, 'bench_' || i, a.code, y::text, y || '-01-01', y || '-12-31', 20 + (i * 7 + y) % 60, true
    from generate_series(1, ${INDICATORS}) as i
    cross join generate_series(2025 - ${YEARS} + 1, 2025) as y
    cross join jsonb_array_elements_text(${codes}::jsonb) as a(code)
  `.execute(db);
  log(`${INDICATORS} indicators × ${YEARS} years × ${areas.length} areas`);
  await sql`analyze`.execute(db);
  return { areas: areas.length, seconds: (performance.now() - started) / 1000 };
}

interface EngineResult {
  engine: string;
  areas: number;
  seedSeconds: number;
  jobSeconds: number;
  summaries: number;
  failed: number;
  page: LoadResult | null;
  /** The same page without compression (a client that sends no Accept-Encoding). */
  plain: LoadResult | null;
}

/** What a kept PGlite directory remembers of the run that generated it (BENCH_PGLITE_DIR). */
interface Prepared {
  areas: number;
  seedSeconds: number;
  job: { ms: number; stored: number; failed: number };
}

async function measure(
  engine: string,
  handle: DbHandle,
  prepared?: { read: () => Prepared | null; write: (p: Prepared) => void },
): Promise<EngineResult> {
  const earlier = prepared?.read() ?? null;
  let seeded: { areas: number; seconds: number };
  if (earlier) {
    seeded = { areas: earlier.areas, seconds: earlier.seedSeconds };
    log(`${engine}: data and summaries generated by an earlier run (BENCH_PGLITE_DIR), reused`);
  } else {
    log(`${engine}: seeding…`);
    seeded = await seed(handle);
    log(`${engine}: seeded ${seeded.areas} areas in ${seeded.seconds.toFixed(1)} s; running the summaries job…`);
  }
  const app = await buildApp({ config: testConfig({ logLevel: 'silent' }), database: handle, clock: fixedClock(NOW.toISOString()) });
  try {
    const job = earlier
      ? { ms: earlier.job.ms, stored: earlier.job.stored, failed: { length: earlier.job.failed } }
      : await refreshTenantSummaries(handle.db, { tenantId: GRONINGEN.id, sections: app.summarySections, now: NOW, log });
    log(`${engine}: job ${(job.ms / 1000).toFixed(1)} s, ${job.stored} summaries, ${job.failed.length} failed`);
    if (!earlier) {
      prepared?.write({
        areas: seeded.areas,
        seedSeconds: seeded.seconds,
        job: { ms: job.ms, stored: job.stored, failed: job.failed.length },
      });
    }
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}${PATH}`;
    const probe = await fetch(url);
    const body = await probe.text();
    // One visitor alone: the page's size and the time of a single warm request, before the load.
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) await (await fetch(url)).text();
    if (process.env.BENCH_DUMP) (await import('node:fs')).writeFileSync(process.env.BENCH_DUMP, body);
    log(`${engine}: page ${Math.round(body.length / 1024)} KB; one request alone ${((performance.now() - t0) / 20).toFixed(1)} ms`);
    let page: LoadResult | null = null;
    let plain: LoadResult | null = null;
    if (probe.status === 200 && body.includes('Meldingen')) {
      const zipped = await fetch(url, { headers: BROWSER });
      log(`${engine}: as browsers get it: ${zipped.headers.get('content-encoding') ?? 'not compressed'}`);
      log(`${engine}: ${PATH}, ${SECONDS} s with ${CONNECTIONS} connections, as a browser…`);
      page = await load(url, BROWSER);
      log(`${engine}: ${PATH}, ${SECONDS} s with ${CONNECTIONS} connections, without compression…`);
      plain = await load(url);
    } else log(`${engine}: ${PATH}: HTTP ${probe.status} or no sections, not measured`);
    return {
      engine,
      areas: seeded.areas,
      seedSeconds: seeded.seconds,
      jobSeconds: job.ms / 1000,
      summaries: job.stored,
      failed: job.failed.length,
      page,
      plain,
    };
  } finally {
    await app.close();
  }
}

/**
 * PGlite on a fresh directory, removed afterwards; with BENCH_PGLITE_DIR the directory is kept and
 * a later run reuses its data and summaries (generating them takes ~20 minutes on PGlite), so the
 * load can be measured again on a quiet machine. The first run's seed and job times are reported.
 */
async function pglite(): Promise<EngineResult> {
  const kept = process.env.BENCH_PGLITE_DIR;
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'samenhang-bench-area-'));
  const marker = join(dir, 'bench-area-page.json');
  const handle = await openDatabase({ databaseUrl: null, dataDir: join(dir, 'data') });
  try {
    return await measure(
      'PGlite',
      handle,
      kept
        ? {
            read: () => (existsSync(marker) ? (JSON.parse(readFileSync(marker, 'utf8')) as Prepared) : null),
            write: (p) => writeFileSync(marker, JSON.stringify(p)),
          }
        : undefined,
    );
  } finally {
    await handle.close();
    if (!kept) rmSync(dir, { recursive: true, force: true });
  }
}

async function postgres(adminUrl: string): Promise<EngineResult> {
  const name = `bench_area_page_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
  try {
    return await measure('PostgreSQL', handle);
  } finally {
    await handle.close();
    await admin.query(`drop database if exists "${name}"`);
    await admin.end();
  }
}

const ms = (x: number) => x.toFixed(1);

async function main(): Promise<void> {
  log(`bare Fastify: ${SECONDS} s with ${CONNECTIONS} connections…`);
  const bare = await bareFastify();
  // BENCH_ENGINES=postgres skips PGlite (its data set takes longest to generate).
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
  const results: EngineResult[] = [];
  if (engines.includes('pglite')) results.push(await pglite());
  const url = process.env.BENCH_DATABASE_URL;
  if (url && engines.includes('postgres')) results.push(await postgres(url));
  const lines = [
    '',
    `## Neighbourhood page at Groningen size (bench/area-page.ts, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores)`,
    '',
    `${SIGNALS.toLocaleString('en')} signals, ${SERVICES.toLocaleString('en')} services, ${HELP.toLocaleString('en')} help requests, ` +
      `${INDICATORS} indicators × ${YEARS} years for each of ${results[0]?.areas ?? 0} areas; ${CONNECTIONS} connections, ${SECONDS} s.`,
    '',
    '| target | req/s | p50 ms | p95 ms | p99 ms | non-2xx | req/s ÷ bare Fastify |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| bare Fastify hello world | ${Math.round(bare.requestsPerSecond)} | ${ms(bare.p50Ms)} | ${ms(bare.p95Ms)} | ${ms(bare.p99Ms)} | ${bare.non2xx} | 1.000 |`,
  ];
  for (const r of results) {
    for (const [p, how] of [
      [r.page, 'as a browser (gzip)'],
      [r.plain, 'without compression'],
    ] as const) {
      lines.push(
        p
          ? `| ${r.engine}: \`${PATH}\`, ${how} | ${Math.round(p.requestsPerSecond)} | ${ms(p.p50Ms)} | ${ms(p.p95Ms)} | ${ms(p.p99Ms)} | ${p.non2xx} | ${(p.requestsPerSecond / bare.requestsPerSecond).toFixed(3)} |`
          : `| ${r.engine}: \`${PATH}\`, ${how} | not measured | | | | | |`,
      );
    }
  }
  lines.push(
    '',
    '| engine | data set generated (s) | summaries job, whole municipality (s) | summaries stored | sections failed |',
    '| --- | ---: | ---: | ---: | ---: |',
  );
  for (const r of results) {
    lines.push(`| ${r.engine} | ${r.seedSeconds.toFixed(1)} | ${r.jobSeconds.toFixed(1)} | ${r.summaries} | ${r.failed} |`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}

// Run only as a script (bench/area-summaries.ts imports `seed`).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    process.stderr.write(`area-page benchmark failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
