/**
 * `npm run bench`: in one run, on loopback only and in bounded time (about a minute):
 *  (a) the ceiling: a bare Fastify hello-world server;
 *  (b) the engine ceiling: single-row insert + commit per second on PGlite (and PostgreSQL when
 *      BENCH_DATABASE_URL is set);
 *  (c) the app with the demo data: req/s and latency for three pages, 50 connections, on PGlite
 *      and, when BENCH_DATABASE_URL is set, on a fresh database there (migrated, seeded, measured
 *      with the app's pool of 10 connections, dropped afterwards);
 *  (d) the server process's peak RSS;
 *  then the module benchmarks and bench/memory.ts (serve's RSS, fresh and restarted), each in its
 *  own process; with `--soak` or BENCH_SOAK=1 also bench/soak.ts (a mixed load over
 *  BENCH_SOAK_SECONDS, default 600).
 * Load comes from a child process (bench/load.ts) so this process is the server only.
 * BENCH_SECONDS (default 5) sets the measuring time per target.
 */
import Fastify from 'fastify';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { LoadResult } from './load.ts';
import { loadInChild } from './load-child.ts';
import { pgliteInserts, postgresInserts, type InsertResult } from './engine.ts';
import { RssSampler, renderReport, type AppResult, type AppRow } from './report.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;
/** The app's pool on PostgreSQL (the default of openDatabase). */
const POOL_SIZE = 10;
const APP_PATHS = ['/', '/groningen/', '/groningen/wijken/WK001404'];

/** Module benchmarks: standalone scripts, each measuring its own ceiling in the same run. */
const MODULE_BENCHES = [
  'socialmap-hsds.ts',
  'socialmap-search.ts',
  'helpmatch.ts',
  'open311.ts',
  'signals-list.ts',
  'area-page.ts',
  'area-summaries.ts',
];

/** Platform benchmarks run after the module ones: serve's memory; the soak test only when asked for. */
const SOAK = process.argv.includes('--soak') || process.env.BENCH_SOAK === '1';
const PLATFORM_BENCHES = ['memory.ts', ...(SOAK ? ['soak.ts'] : [])];

function log(msg: string): void {
  process.stderr.write(`[bench] ${msg}\n`);
}

const load = (url: string): Promise<LoadResult> => loadInChild(url, CONNECTIONS, SECONDS);

async function benchBareFastify(): Promise<LoadResult> {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ hello: 'world' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const { port } = app.server.address() as AddressInfo;
    return await load(`http://127.0.0.1:${port}/`);
  } finally {
    await app.close();
  }
}

async function benchEngines(): Promise<InsertResult[]> {
  const seconds = Math.min(SECONDS, 3);
  const dir = mkdtempSync(join(tmpdir(), 'samenhang-bench-engine-'));
  const results: InsertResult[] = [];
  try {
    results.push(await pgliteInserts(dir, seconds));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.BENCH_DATABASE_URL;
  if (url) results.push(await postgresInserts(url, seconds));
  return results;
}

/** A fresh database on the PostgreSQL server of `BENCH_DATABASE_URL`, dropped by `drop()`. */
async function freshPostgresDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `samenhang_bench_app_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}"`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * The app with the demo data, measured page by page: on a fresh PGlite data directory, or on a
 * fresh database on the PostgreSQL server of BENCH_DATABASE_URL (the app's pool, 10 connections).
 */
async function benchApp(rss: RssSampler, engine: 'pglite' | 'postgres'): Promise<AppResult> {
  // Imported here so a missing module of the app fails this part only, with a clear message.
  const [{ buildApp }, { testConfig }, { openDatabase }, { migrateToLatest }, { allMigrations }, { runDemoSeed }] = await Promise.all([
    import('../src/app.ts'),
    import('../src/platform/config.ts'),
    import('../src/platform/db/database.ts'),
    import('../src/platform/db/migrate.ts'),
    import('../src/modules/migrations.ts'),
    import('../src/seed/demo.ts'),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'samenhang-bench-app-'));
  const pgDb = engine === 'postgres' ? await freshPostgresDatabase(process.env.BENCH_DATABASE_URL!) : null;
  const config = testConfig({ dataDir: dir, logLevel: 'silent', env: 'development', databaseUrl: pgDb?.url ?? null });
  try {
    const database = await openDatabase(pgDb ? { databaseUrl: pgDb.url, poolSize: POOL_SIZE } : { databaseUrl: null, dataDir: dir });
    try {
      const started = performance.now();
      await migrateToLatest(database.db, allMigrations());
      await runDemoSeed(database.db, config, () => undefined, new Date());
      const seedSeconds = (performance.now() - started) / 1000;
      const app = await buildApp({ config, database });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const rssAfterSeed = process.memoryUsage().rss;
      rss.resetPeak();
      const rows: AppRow[] = [];
      try {
        const { port } = app.server.address() as AddressInfo;
        for (const path of APP_PATHS) {
          const url = `http://127.0.0.1:${port}${path}`;
          const probe = await fetch(url, { redirect: 'manual' });
          await probe.arrayBuffer();
          if (probe.status !== 200) {
            log(`${engine} ${path}: HTTP ${probe.status}, not measured`);
            rows.push({ engine, path, status: probe.status, result: null });
            continue;
          }
          log(`${engine} ${path}: ${SECONDS} s with ${CONNECTIONS} connections…`);
          rows.push({ engine, path, status: probe.status, result: await load(url) });
        }
      } finally {
        await app.close();
      }
      return { engine, rows, seedSeconds, rssAfterSeed, peakRss: rss.peak };
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await pgDb?.drop();
  }
}

async function main(): Promise<void> {
  const rss = new RssSampler(100);
  const began = performance.now();
  log(`bare Fastify: ${SECONDS} s with ${CONNECTIONS} connections…`);
  const bare = await benchBareFastify();
  const bareRss = rss.peak;
  log('engine ceiling: single-row insert + commit…');
  const engines = await benchEngines();
  const apps: AppResult[] = [];
  const appErrors: string[] = [];
  const engineList: ('pglite' | 'postgres')[] = process.env.BENCH_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  for (const engine of engineList) {
    log(`app: migrating and loading the demo data into a fresh ${engine === 'pglite' ? 'PGlite' : 'PostgreSQL database'}…`);
    try {
      apps.push(await benchApp(rss, engine));
    } catch (err) {
      appErrors.push(`${engine}: ${(err as Error).message}`);
      log(`app benchmark on ${engine} failed: ${(err as Error).message}`);
    }
  }
  rss.stop();
  process.stdout.write(
    renderReport({
      date: new Date().toISOString().slice(0, 10),
      cores: cpus().length,
      memoryGb: totalmem() / 1024 ** 3,
      node: process.version,
      seconds: SECONDS,
      connections: CONNECTIONS,
      bare,
      bareRss,
      engines,
      apps,
      appErrors,
      poolSize: POOL_SIZE,
      totalSeconds: (performance.now() - began) / 1000,
    }),
  );
}

/** Run each module benchmark in its own process (so its memory and CPU are its own), one after another. */
async function runModuleBenches(): Promise<boolean> {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  let ok = true;
  for (const file of [...MODULE_BENCHES, ...PLATFORM_BENCHES]) {
    const path = join(import.meta.dirname, file);
    if (!existsSync(path) || (only && !only.some((o) => file.startsWith(o)))) continue;
    log(`module benchmark ${file}…`);
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path], { stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('error', reject);
      child.on('exit', resolve);
    });
    if (code !== 0) {
      log(`${file} exited with ${code}`);
      ok = false;
    }
  }
  return ok;
}

main()
  .then(async () => {
    if (!(await runModuleBenches())) process.exitCode = 1;
  })
  .catch((err: unknown) => {
    process.stderr.write(`benchmark failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
