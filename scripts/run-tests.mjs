#!/usr/bin/env node
/**
 * `npm test`: every unit, service and route test on PGlite, then again on PostgreSQL when
 * TEST_DATABASE_URL is set. `npm run test:e2e` (--e2e): browser journeys in Chromium with axe.
 * Node 20's test runner takes no globs, so we list the files here.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
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

const engines = e2e ? ['pglite'] : ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];
let failed = false;
for (const engine of engines) {
  console.log(`\n=== tests on ${engine} (${files.length} files) ===`);
  const res = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', `--test-concurrency=${e2e ? 1 : 2}`, '--test-reporter=spec', ...files],
    { stdio: 'inherit', env: { ...process.env, TEST_ENGINE: engine, NODE_ENV: 'test' } },
  );
  if (res.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
