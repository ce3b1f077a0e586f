#!/usr/bin/env node
/**
 * `npm test`: every unit, service and route test on PGlite, then again on PostgreSQL when
 * TEST_DATABASE_URL is set. `npm run test:e2e` (--e2e): browser journeys in Chromium with axe.
 * Node 20's test runner takes no globs, so we list the files here.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

const engines = e2e ? ['pglite'] : ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];
let failed = false;
for (const engine of engines) {
  console.log(`\n=== tests on ${engine} (${files.length} files) ===`);
  const res = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', `--test-concurrency=${e2e ? 1 : 2}`, '--test-reporter=spec', ...files],
    { stdio: 'inherit', env: { ...process.env, ...extraEnv, TEST_ENGINE: engine, NODE_ENV: 'test' } },
  );
  if (res.status !== 0) failed = true;
}
if (template) rmSync(template, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
