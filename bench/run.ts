/**
 * `npm run bench`: in one run, on loopback only and in bounded time (about a minute):
 *  (a) the ceiling: a bare Fastify hello-world server;
 *  (b) the engine ceiling: single-row insert + commit per second on PGlite (and PostgreSQL when
 *      BENCH_DATABASE_URL is set);
 *  (c) the app with the demo data: req/s and latency for three pages, 50 connections;
 *  (d) the server process's peak RSS.
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
import { RssSampler, renderReport, type AppRow } from './report.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;
const APP_PATHS = ['/', '/groningen/', '/groningen/wijken/WK001404'];

/** Module benchmarks: standalone scripts, each measuring its own ceiling in the same run. */
const MODULE_BENCHES = ['socialmap-hsds.ts', 'socialmap-search.ts', 'helpmatch.ts', 'open311.ts', 'signals-list.ts', 'area-page.ts'];

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

/** The app on a fresh PGlite data directory with the demo data, measured page by page. */
async function benchApp(rss: RssSampler): Promise<{ rows: AppRow[]; seedSeconds: number; rssAfterSeed: number }> {
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
  const config = testConfig({ dataDir: dir, logLevel: 'silent', env: 'development' });
  const database = await openDatabase({ databaseUrl: null, dataDir: dir });
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
          log(`${path}: HTTP ${probe.status}, not measured`);
          rows.push({ path, status: probe.status, result: null });
          continue;
        }
        log(`${path}: ${SECONDS} s with ${CONNECTIONS} connections…`);
        rows.push({ path, status: probe.status, result: await load(url) });
      }
    } finally {
      await app.close();
    }
    return { rows, seedSeconds, rssAfterSeed };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
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
  log('app: migrating and loading the demo data into a fresh PGlite…');
  let app: Awaited<ReturnType<typeof benchApp>> | null = null;
  let appError: string | null = null;
  try {
    app = await benchApp(rss);
  } catch (err) {
    appError = (err as Error).message;
    log(`app benchmark failed: ${appError}`);
  }
  const appRss = rss.peak;
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
      app: app ? { ...app, peakRss: appRss } : null,
      appError,
      totalSeconds: (performance.now() - began) / 1000,
    }),
  );
}

/** Run each module benchmark in its own process (so its memory and CPU are its own), one after another. */
async function runModuleBenches(): Promise<boolean> {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  let ok = true;
  for (const file of MODULE_BENCHES) {
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
