#!/usr/bin/env node
/**
 * `npm test`: every unit, service and route test on PGlite, then again on PostgreSQL when
 * TEST_DATABASE_URL is set. `npm run test:e2e` (--e2e): browser journeys in Chromium with axe.
 * Node 20's test runner takes no globs, so we list the files here.
 *
 * The test files are compiled first, in one esbuild run, into a throw-away folder under .tmp/
 * (bundled per file, shared code split into chunks, packages left to node_modules, source maps
 * on): Node then starts each test file without loading ~450 TypeScript files through the tsx
 * loader, which cost about 1.3 s per file. Stack traces still point at the .ts sources.
 * The same build compiles the app's entry `src/main.ts` (children of the command-line tests and the
 * browser journeys' servers start from it, see test/e2e/helpers/process.ts: SAMENHANG_TEST_MAIN)
 * and scripts/prepare-test-db.ts.
 * `TEST_TSX=1` runs the sources through tsx instead (no build step).
 *
 * Test files that cannot reach a database (scripts/test-build.mjs decides from the build's
 * metafile) run once, beside the PGlite pass, with TEST_ENGINE=none and without TEST_DATABASE_URL,
 * so that a wrong call shows as a failure; the others run on PGlite and, with TEST_DATABASE_URL,
 * again on PostgreSQL.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { databaseReasons, testBuildOptions } from './test-build.mjs';

const e2e = process.argv.includes('--e2e');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'node_modules') find(full, out);
    } else if (/\.test\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

const all = [...find('src'), ...find('test')].sort();
let files = all.filter((f) => (e2e ? f.startsWith('test/e2e/') : !f.startsWith('test/e2e/')));
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}

// Compile the test files (see above; the options are in test-build.mjs).
const APP_MAIN = 'src/main.ts';
const PREPARE = 'scripts/prepare-test-db.ts';
let nodeArgs = ['--import', 'tsx'];
let build = null;
const compiled = (f) => join(build, f.replace(/\.tsx?$/, '.mjs'));
const { build: esbuild } = await import('esbuild');
mkdirSync('.tmp', { recursive: true });
// Under TEST_TSX nothing is written: the build only gives the metafile for test-build.mjs.
if (!process.env.TEST_TSX) build = mkdtempSync(join('.tmp', 'test-build-'));
const { metafile } = await esbuild({
  ...testBuildOptions([...files, APP_MAIN, PREPARE], build ?? join('.tmp', 'test-build-unwritten')),
  write: build !== null,
});
const extraEnv = {};
let appArgs = ['--import', 'tsx', APP_MAIN];
let prepArgs = ['--import', 'tsx', PREPARE];
if (build) {
  nodeArgs = ['--enable-source-maps'];
  appArgs = ['--enable-source-maps', compiled(APP_MAIN)];
  prepArgs = ['--enable-source-maps', compiled(PREPARE)];
  extraEnv.SAMENHANG_TEST_MAIN = resolve(compiled(APP_MAIN));
}
const run = (list) => (build ? list.map(compiled) : list);
// The run's name: test files that start from the demo data (test/helpers/db.ts) seed it once per
// run and engine into a template named after it, removed at the end (below).
const runId = `r${process.pid}_${Date.now().toString(36)}`;
extraEnv.SH_TEST_RUN = runId;

const prep = spawnSync(process.execPath, prepArgs, { stdio: 'inherit' });
if (prep.status !== 0) process.exit(prep.status ?? 1);

// Browser tests: seed the demo data once into a template data directory; every test file's
// server starts on its own copy of it (test/e2e/helpers/server.ts) instead of seeding again.
let template = null;
if (e2e) {
  template = mkdtempSync(join(tmpdir(), 'samenhang-e2e-template-'));
  const dataDir = join(template, 'data');
  const seeded = spawnSync(process.execPath, [...appArgs, 'seed', '--demo'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'warn', SEED: 'demo' },
  });
  if (seeded.status !== 0) {
    console.error('Seeding the demo data template for the browser tests failed.');
    process.exit(seeded.status ?? 1);
  }
  extraEnv.E2E_DEMO_TEMPLATE = dataDir;
}

// The passes: browser journeys once (their servers use PGlite); the rest split by test-build.mjs.
const passes = [];
if (e2e) passes.push({ engine: 'pglite', files });
else {
  const reasons = databaseReasons(metafile, files);
  const withDb = files.filter((f) => reasons.get(f) !== null);
  const noDb = files.filter((f) => reasons.get(f) === null);
  const postgres = Boolean(process.env.TEST_DATABASE_URL);
  console.log(
    `\n${noDb.length} of ${files.length} test files cannot reach a database (scripts/test-build.mjs): they run once${postgres ? ', not again on PostgreSQL' : ''}:`,
  );
  for (const f of noDb) console.log(`  ${f}`);
  if (withDb.length) passes.push({ engine: 'pglite', files: withDb });
  if (noDb.length) passes.push({ engine: 'none', files: noDb, label: 'without a database' });
  if (postgres && withDb.length) passes.push({ engine: 'postgres', files: withDb });
}
// Test processes compile PGlite's WebAssembly with V8's baseline compiler only: optimising it in
// the background cost more CPU than a test file's queries win back (about 1.5 s of CPU per file
// with a database; 4 heavy files: 40 → 34 and 44 → 32 CPU-s). The app's own processes (servers of
// the browser journeys, command-line tests) keep Node's defaults.
nodeArgs = ['--liftoff-only', ...nodeArgs];
/** Files at a time: TEST_CONCURRENCY, or 2 (CI has two cores); for measuring, see docs/testing.md. */
const concurrency = () => {
  const n = Number(process.env.TEST_CONCURRENCY ?? 2);
  return Number.isInteger(n) && n > 0 ? n : 2;
};
let failed = false;
for (const { engine, files: list, label } of passes) {
  console.log(`\n=== tests ${label ?? `on ${engine}`} (${list.length} files) ===`);
  const env = { ...process.env, ...extraEnv, TEST_ENGINE: engine, NODE_ENV: 'test' };
  if (engine === 'none') delete env.TEST_DATABASE_URL;
  const res = spawnSync(
    process.execPath,
    // Two files at a time, also for the browser journeys (each has its own server, data folder,
    // port and Chromium): CI has two cores.
    [...nodeArgs, '--test', `--test-concurrency=${concurrency()}`, '--test-reporter=spec', ...run(list)],
    { stdio: 'inherit', env },
  );
  if (res.status !== 0) failed = true;
}
if (template) rmSync(template, { recursive: true, force: true });
rmSync(join('.tmp', `pglite-demo-${runId}.tar`), { force: true });
rmSync(join('.tmp', `pglite-demo-${runId}.tar.lock`), { force: true });
if (process.env.TEST_DATABASE_URL && !e2e) {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`drop database if exists "sh_demo_${runId}" with (force)`);
  await admin.end();
}
if (build) rmSync(build, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
