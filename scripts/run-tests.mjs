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
 * `TEST_TSX=1` runs the sources through tsx instead (no build step).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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

const prep = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/prepare-test-db.ts'], { stdio: 'inherit' });
if (prep.status !== 0) process.exit(prep.status ?? 1);

// Browser tests: seed the demo data once into a template data directory; every test file's
// server starts on its own copy of it (test/e2e/helpers/server.ts) instead of seeding again.
const extraEnv = {};
let template = null;
if (e2e) {
  template = mkdtempSync(join(tmpdir(), 'samenhang-e2e-template-'));
  const dataDir = join(template, 'data');
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', 'seed', '--demo'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'warn', SEED: 'demo' },
  });
  if (seeded.status !== 0) {
    console.error('Seeding the demo data template for the browser tests failed.');
    process.exit(seeded.status ?? 1);
  }
  extraEnv.E2E_DEMO_TEMPLATE = dataDir;
}

// Compile the test files (see above). The folder is inside the checkout so that packages resolve
// from node_modules and PROJECT_ROOT (src/platform/paths.ts) finds our package.json.
// Plain JavaScript of our own (eslint/*.js) is loaded from where it is, not bundled: it finds
// files relative to itself.
const jsAsIs = {
  name: 'js-as-is',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.m?js$/ }, (args) => ({ path: resolve(args.resolveDir, args.path), external: true }));
  },
};
let run = files;
let nodeArgs = ['--import', 'tsx'];
let build = null;
if (!process.env.TEST_TSX) {
  const { build: esbuild } = await import('esbuild');
  mkdirSync('.tmp', { recursive: true });
  build = mkdtempSync(join('.tmp', 'test-build-'));
  await esbuild({
    entryPoints: files,
    outdir: build,
    outbase: '.',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [jsAsIs],
  });
  run = files.map((f) => join(build, f.replace(/\.tsx?$/, '.mjs')));
  nodeArgs = ['--enable-source-maps'];
}

const engines = e2e ? ['pglite'] : ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];
let failed = false;
for (const engine of engines) {
  console.log(`\n=== tests on ${engine} (${files.length} files) ===`);
  const res = spawnSync(
    process.execPath,
    // Two files at a time, also for the browser journeys (each has its own server, data folder,
    // port and Chromium): CI has two cores.
    [...nodeArgs, '--test', '--test-concurrency=2', '--test-reporter=spec', ...run],
    { stdio: 'inherit', env: { ...process.env, ...extraEnv, TEST_ENGINE: engine, NODE_ENV: 'test' } },
  );
  if (res.status !== 0) failed = true;
}
if (template) rmSync(template, { recursive: true, force: true });
if (build) rmSync(build, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
