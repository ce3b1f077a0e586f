/**
 * Open311 POST throughput as a ratio of the engine's raw insert + commit, both measured in this
 * run on the same database handle: PGlite (a fresh data directory, as `npm start` uses it) and
 * PostgreSQL when BENCH_DATABASE_URL is set (in a scratch database that is dropped afterwards).
 *  - ceiling: `insert into <scratch table>` of one row, each its own committed transaction, with
 *    the same number of clients as the measurement it is compared with (1, and OPEN311_CONCURRENCY
 *    through the same pool of 10 connections), on the same engine with the same durability
 *    settings (the server's synchronous_commit and fsync as they are, printed below);
 *  - Open311: `POST /{tenant}/open311/v2/requests.json` through the whole app (form parsing, key
 *    check, category, answers, point-in-area, routing, numbering, signal + history + tracking
 *    token + confirmation mail + job + audit in one transaction), one client after the other and
 *    with OPEN311_CONCURRENCY (default 8) requests in flight;
 *  - for scale: the core's createSignal called directly (no HTTP, no Open311 layer);
 *  - the floor of any HTTP write: a bare Fastify app (form parsing only) whose one route inserts
 *    the form's description as one row, called the same way as the Open311 POST. Its ratio to the
 *    raw insert is as close as a POST through HTTP can come to the goal on this machine.
 * Run: npx tsx bench/open311.ts (about a minute). OPEN311_SECONDS (default 5) per measurement.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import Fastify, { type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import { buildApp } from '../src/app.ts';
import { testConfig } from '../src/platform/config.ts';
import type { DbHandle } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { allMigrations } from '../src/modules/migrations.ts';
import { KRIMPEN, KRIMPEN_POINT, setupTenant } from '../src/modules/signals/signals.test-support.ts';
import { issueApiKey } from '../src/modules/signals/open311/apikeys.service.ts';
import { createSignal } from '../src/modules/signals/signals.service.ts';
import { onScratchPglite, onScratchPostgres } from './scratch.ts';

const SECONDS = Number(process.env.OPEN311_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.OPEN311_CONCURRENCY ?? 8);

interface Row {
  engine: string;
  rawPerSecond: number;
  rawConcurrent: number;
  durability: string;
  open311Sequential: number;
  open311Concurrent: number;
  coreDirect: number;
  bareConcurrent: number;
}

function log(msg: string): void {
  process.stderr.write(`[open311] ${msg}\n`);
}

/** Calls per second of `fn`, `inFlight` at a time, for `seconds`. */
async function rate(seconds: number, inFlight: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < end) await fn(n++);
    }),
  );
  return n / ((performance.now() - start) / 1000);
}

async function measure(engine: string, handle: DbHandle): Promise<Row> {
  await migrateToLatest(handle.db, allMigrations());
  await setupTenant(handle.db, KRIMPEN);
  const { key } = await issueApiKey(
    handle.db,
    // The largest limit (docs/open311.md, rate limits): the benchmark measures the work, not the limiter.
    {
      tenantId: KRIMPEN.id,
      clientName: 'Benchmark',
      canReport: true,
      canHandle: false,
      organisationId: null,
      rateLimit: 10_000,
      now: new Date(),
    },
    { actorUserId: null, ip: null },
  );
  const table = `bench_open311_raw_${process.pid}`;
  await sql
    .raw(`create table ${table} (id bigserial primary key, at timestamptz not null default now(), v text not null)`)
    .execute(handle.db);
  const app: FastifyInstance = await buildApp({ config: testConfig({ logLevel: 'silent' }), database: handle });
  await app.ready();
  try {
    const raw = () => sql`insert into ${sql.table(table)} (v) values (${'x'})`.execute(handle.db);
    await rate(0.5, 1, raw);
    const rawPerSecond = await rate(SECONDS, 1, raw);
    log(`${engine}: raw insert+commit ${rawPerSecond.toFixed(0)}/s`);
    const rawConcurrent = await rate(SECONDS, CONCURRENCY, raw);
    log(`${engine}: raw insert+commit ${rawConcurrent.toFixed(0)}/s (${CONCURRENCY} in flight)`);
    const settings = await sql<{ name: string; setting: string }>`
      select name, setting from pg_settings where name in ('synchronous_commit', 'fsync') order by name`.execute(handle.db);
    const durability = settings.rows.map((r) => `${r.name}=${r.setting}`).join(', ');

    const run = randomBytes(4).toString('hex');
    // The same work without HTTP and the Open311 layer: the core's createSignal, called directly.
    const direct = (i: number) =>
      createSignal(handle.db, {
        tenantId: KRIMPEN.id,
        category: { serviceCode: 'verlichting' },
        description: `Direct ${run}-${i}`,
        latitude: KRIMPEN_POINT.latitude,
        longitude: KRIMPEN_POINT.longitude,
        reporter: { email: `melder${i % 100}@example.nl` },
        wantsFeedback: true,
        source: 'open311',
        answers: { paalnummer: `KR-${i}` },
        idempotencyKey: `bench-${run}-${i}`,
        locale: 'nl',
        links: { baseUrl: 'http://localhost:3000', tenantSlug: KRIMPEN.slug },
        now: new Date(),
      });
    const coreDirect = await rate(SECONDS, 1, direct);
    log(`${engine}: core createSignal ${coreDirect.toFixed(0)}/s (1 client, no HTTP)`);
    const post = async (i: number) => {
      const body = new URLSearchParams({
        api_key: key,
        service_code: 'verlichting',
        lat: String(KRIMPEN_POINT.latitude + (i % 50) * 0.00001),
        long: String(KRIMPEN_POINT.longitude),
        description: `Lantaarnpaal ${run}-${i} brandt niet`,
        email: `melder${i % 100}@example.nl`,
        'attribute[paalnummer]': `KR-${i}`,
      }).toString();
      const res = await app.inject({
        method: 'POST',
        url: `/${KRIMPEN.slug}/open311/v2/requests.json`,
        payload: body,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      if (res.statusCode !== 200) throw new Error(`POST answered ${res.statusCode}: ${res.body}`);
    };
    // The floor: HTTP, form parsing and one insert, nothing else.
    const bare = Fastify({ logger: false });
    await bare.register(formbody);
    bare.post('/bare', async (req) => {
      await sql`insert into ${sql.table(table)} (v) values (${String((req.body as Record<string, unknown>).description)})`.execute(
        handle.db,
      );
      return { ok: true };
    });
    await bare.ready();
    const barePost = async (i: number) => {
      const res = await bare.inject({
        method: 'POST',
        url: '/bare',
        payload: new URLSearchParams({ service_code: 'verlichting', description: `Lantaarnpaal ${run}-${i} brandt niet` }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      if (res.statusCode !== 200) throw new Error(`bare POST answered ${res.statusCode}`);
    };
    await rate(0.5, CONCURRENCY, barePost);
    const bareConcurrent = await rate(SECONDS, CONCURRENCY, barePost);
    await bare.close();
    log(`${engine}: bare Fastify POST with one insert ${bareConcurrent.toFixed(0)}/s (${CONCURRENCY} in flight)`);
    await rate(0.5, 1, (i) => post(1_000_000 + i));
    const open311Sequential = await rate(SECONDS, 1, (i) => post(2_000_000 + i));
    log(`${engine}: Open311 POST ${open311Sequential.toFixed(0)}/s (1 client)`);
    const open311Concurrent = await rate(SECONDS, CONCURRENCY, (i) => post(3_000_000 + i));
    log(`${engine}: Open311 POST ${open311Concurrent.toFixed(0)}/s (${CONCURRENCY} in flight)`);
    return { engine, rawPerSecond, rawConcurrent, durability, open311Sequential, open311Concurrent, coreDirect, bareConcurrent };
  } finally {
    await app.close();
  }
}

async function pglite(): Promise<Row> {
  return onScratchPglite('samenhang-bench-open311-', (handle) => measure('PGlite (data directory)', handle));
}

async function postgres(adminUrl: string): Promise<Row> {
  return onScratchPostgres(adminUrl, `bench_open311_${process.pid}`, (handle) => measure('PostgreSQL', handle));
}

async function main(): Promise<void> {
  const rows = [await pglite()];
  if (process.env.BENCH_DATABASE_URL) rows.push(await postgres(process.env.BENCH_DATABASE_URL));
  const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)} %`;
  const goal = (r: Row) => (r.engine.startsWith('PGlite') ? 0.25 : 0.5);
  const lines = [
    '',
    '## Open311 POST throughput (bench/open311.ts)',
    '',
    `| engine | durability | raw insert+commit /s (1 client) | Open311 POST /s (1 client) | ratio | raw insert+commit /s (${CONCURRENCY} in flight) | Open311 POST /s (${CONCURRENCY} in flight) | ratio | core createSignal /s (no HTTP) | Open311 ÷ core |`,
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.engine} | ${r.durability} | ${r.rawPerSecond.toFixed(0)} | ${r.open311Sequential.toFixed(0)} | ${pct(r.open311Sequential, r.rawPerSecond)} | ${r.rawConcurrent.toFixed(0)} | ${r.open311Concurrent.toFixed(0)} | ${pct(r.open311Concurrent, r.rawConcurrent)} | ${r.coreDirect.toFixed(0)} | ${pct(r.open311Sequential, r.coreDirect)} |`,
    ),
    '',
    `| engine | raw insert+commit /s (${CONCURRENCY} in flight) | bare Fastify POST + 1 insert /s (${CONCURRENCY} in flight) | bare ÷ raw | Open311 POST ÷ bare |`,
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.engine} | ${r.rawConcurrent.toFixed(0)} | ${r.bareConcurrent.toFixed(0)} | ${pct(r.bareConcurrent, r.rawConcurrent)} | ${pct(r.open311Concurrent, r.bareConcurrent)} |`,
    ),
    '',
    ...rows.map(
      (r) =>
        `Goal (issue 17): ${r.engine}, Open311 POST with ${CONCURRENCY} in flight ≥ ${goal(r) * 100} % of raw insert+commit with ${CONCURRENCY} in flight: ${pct(r.open311Concurrent, r.rawConcurrent)} → ${r.open311Concurrent >= goal(r) * r.rawConcurrent ? 'goal met' : 'goal not met'}`,
    ),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`open311 benchmark failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
