/**
 * HSDS API benchmark: p50/p95 of `GET /{tenant}/hsds/services` pages (through the real app with
 * inject, JSON serialisation included) over services spread over the Netherlands, as ratios
 * against a ceiling measured in the same run: the raw indexed query of one page (25 service rows
 * ordered by name, no joins, no serialisation).
 *
 *   npx tsx bench/socialmap-hsds.ts                        # 5 000 services, embedded PGlite (about a minute)
 *   BENCH_SERVICES=100000 npx tsx bench/socialmap-hsds.ts  # the full size of issue 4
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:54330/postgres npx tsx bench/socialmap-hsds.ts
 *
 * BENCH_QUERIES sets the number of timed requests per scenario (default 60).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { testConfig } from '../src/platform/config.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { openDatabase, type Db, type DbHandle } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { allMigrations } from '../src/modules/migrations.ts';
import { ensureDefaultTaxonomies } from '../src/modules/socialmap/taxonomy/taxonomy.service.ts';
import { systemPrincipal } from '../src/platform/principal.ts';
import { FUNCTIE, DOELGROEP } from '../src/modules/socialmap/taxonomy/taxonomy.ts';

const N = Number(process.env.BENCH_SERVICES ?? 2_000);
const Q = Number(process.env.BENCH_QUERIES ?? 60);
const TENANT = 'GM9999';
const SLUG = 'bench';
const CITIES: [number, number][] = [
  [52.3676, 4.9041],
  [51.9244, 4.4777],
  [52.0705, 4.3007],
  [52.0907, 5.1214],
  [51.4416, 5.4697],
  [53.2194, 6.5665],
  [51.5719, 4.7683],
  [51.8426, 5.8546],
  [52.2215, 6.8937],
  [52.1561, 5.3878],
  [51.6978, 5.3037],
  [52.5168, 6.083],
];
const WORDS = [
  'Open eettafel',
  'Koffieochtend',
  'Inloopspreekuur',
  'Wandelgroep',
  'Valpreventiecursus',
  'Huiskamer',
  'Taalcafé',
  'Repair café',
  'Mantelzorgcafé',
  'Beweegtuin',
  'Rollatorcheck',
  'Buurtmaaltijd',
];
const QUERY_WORDS = ['eettafels', 'koffie', 'wandelen', 'spreekuur', 'huiskamer', 'maaltijd'];
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

let seed = 7;
function rnd(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

async function open(): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) return { handle: await openDatabase({ databaseUrl: null, memory: {} }), drop: async () => undefined };
  const name = `sh_bench_hsds_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: u.toString(), poolSize: 4 });
  return {
    handle,
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists "${name}"`);
      await c.end();
    },
  };
}

/** A distinct Dutch postcode per location: 1000 AA, 1001 AA, …, then AB, … */
const postcodeOf = (i: number) =>
  `${1000 + (i % 8999)} ${String.fromCharCode(65 + (Math.floor(i / 8999) % 26))}${String.fromCharCode(65 + (Math.floor(i / 8999 / 26) % 26))}`;

/** N services, each at its own location with an address (a distinct postcode), a schedule and terms. */
async function load(db: Db): Promise<{ termId: string; postcode: string }> {
  await db
    .insertInto('tenants')
    .values({ id: TENANT, slug: SLUG, name: 'Benchmark', settings: JSON.stringify({}) })
    .execute();
  // The benchmark's setup acts as the system in its own municipality.
  const terms = await ensureDefaultTaxonomies(db, systemPrincipal(TENANT, new Date('2026-11-24T09:30:00Z')), TENANT);
  const functions = Object.values(FUNCTIE).map((c) => terms.get(c)!);
  const groups = Object.values(DOELGROEP).map((c) => terms.get(c)!);
  const orgs = Array.from({ length: 50 }, (_, i) => ({
    tenant_id: TENANT,
    id: randomUUID(),
    name: `Organisatie ${i}`,
    description: 'Welzijn',
  }));
  await db.insertInto('socialmap_organizations').values(orgs).execute();
  for (let start = 0; start < N; start += 1000) {
    const services = [],
      locations = [],
      sals = [],
      addresses = [],
      schedules = [],
      attributes = [];
    for (let i = start; i < Math.min(N, start + 1000); i++) {
      const id = randomUUID();
      const loc = randomUUID();
      const [lat, lon] = pick(CITIES);
      services.push({
        tenant_id: TENANT,
        id,
        organization_id: pick(orgs).id,
        name: `${pick(WORDS)} ${i}`,
        description: 'Samen in de buurt.',
        status: rnd() < 0.9 ? ('active' as const) : ('inactive' as const),
      });
      locations.push({
        tenant_id: TENANT,
        id: loc,
        name: `Plek ${i}`,
        latitude: lat + (rnd() - 0.5) * 0.08,
        longitude: lon + (rnd() - 0.5) * 0.12,
      });
      sals.push({ tenant_id: TENANT, id: randomUUID(), service_id: id, location_id: loc });
      addresses.push({
        tenant_id: TENANT,
        id: randomUUID(),
        location_id: loc,
        address_1: `Dorpsstraat ${i % 200}`,
        postal_code: postcodeOf(i),
        city: 'Plaats',
      });
      schedules.push({
        tenant_id: TENANT,
        id: randomUUID(),
        service_id: id,
        freq: 'WEEKLY' as const,
        byday: pick(DAYS),
        opens_at: '10:00',
        closes_at: '12:00',
      });
      attributes.push({ tenant_id: TENANT, id: randomUUID(), link_id: id, link_entity: 'service', taxonomy_term_id: pick(functions) });
      attributes.push({ tenant_id: TENANT, id: randomUUID(), link_id: id, link_entity: 'service', taxonomy_term_id: pick(groups) });
    }
    await db.insertInto('socialmap_services').values(services).execute();
    await db.insertInto('socialmap_locations').values(locations).execute();
    await db.insertInto('socialmap_service_at_locations').values(sals).execute();
    await db.insertInto('socialmap_addresses').values(addresses).execute();
    await db.insertInto('socialmap_schedules').values(schedules).execute();
    await db.insertInto('socialmap_attributes').values(attributes).execute();
  }
  await sql`analyze`.execute(db);
  return { termId: terms.get(FUNCTIE.ontmoeting)!, postcode: postcodeOf(0) };
}

async function measure(run: (i: number) => Promise<number>): Promise<{ p50: number; p95: number; hits: number }> {
  for (let i = 0; i < 10; i++) await run(i);
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < Q; i++) {
    const t0 = performance.now();
    hits += await run(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95), hits: hits / Q };
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const { handle, drop } = await open();
  try {
    await migrateToLatest(handle.db, allMigrations());
    const { termId, postcode } = await load(handle.db);
    const loadSeconds = (performance.now() - t0) / 1000;
    const app = await buildApp({ config: testConfig(), database: handle, clock: fixedClock('2026-11-24T09:30:00Z') });
    await app.ready();
    const pages = Math.max(1, Math.floor((N * 0.9) / 25));
    const get = async (url: string) => {
      const res = await app.inject({ method: 'GET', url });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return (res.json() as { size: number }).size;
    };
    const ceiling = await measure(async (i) => {
      const r = await sql<{
        id: string;
      }>`select id, name, description, status from socialmap_services where tenant_id = ${TENANT} and status = 'active'
        order by name, id limit 25 offset ${(i % pages) * 25}`.execute(handle.db);
      return r.rows.length;
    });
    const base = `/${SLUG}/hsds/services`;
    const scenarios: [string, (i: number) => Promise<number>][] = [
      ['page of 25 (any page)', (i) => get(`${base}?page=${((i * 37) % pages) + 1}`)],
      ['page of 25, full=true', (i) => get(`${base}?full=true&page=${((i * 37) % pages) + 1}`)],
      ['search (Dutch stemming)', (i) => get(`${base}?search=${encodeURIComponent(QUERY_WORDS[i % QUERY_WORDS.length]!)}`)],
      ['taxonomy_term_id', (i) => get(`${base}?taxonomy_term_id=${termId}&page=${(i % 5) + 1}`)],
      ['postcode + proximity 5 km', () => get(`${base}?postcode=${encodeURIComponent(postcode)}&proximity=5000`)],
      [
        'modified_after + search + term',
        (i) => get(`${base}?modified_after=2020-01-01T00:00:00Z&search=${QUERY_WORDS[i % QUERY_WORDS.length]!}&taxonomy_term_id=${termId}`),
      ],
    ];
    const fmt = (n: number) => n.toFixed(1).padStart(8);
    console.log(
      `\nHSDS /services — ${N} services over the Netherlands, ${Q} requests per scenario, ${handle.engine}, load ${loadSeconds.toFixed(0)} s`,
    );
    console.log(
      `${'scenario'.padEnd(40)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'size'.padStart(8)} ${'p95/ceiling'.padStart(12)}`,
    );
    console.log(
      `${'ceiling: raw indexed page query'.padEnd(40)} ${fmt(ceiling.p50)} ${fmt(ceiling.p95)} ${fmt(ceiling.hits)} ${'1.0'.padStart(12)}`,
    );
    for (const [name, run] of scenarios) {
      const s = await measure(run);
      console.log(`${name.padEnd(40)} ${fmt(s.p50)} ${fmt(s.p95)} ${fmt(s.hits)} ${(s.p95 / ceiling.p95).toFixed(1).padStart(12)}`);
    }
    await app.close();
  } finally {
    await handle.close();
    await drop();
  }
}

await main();
