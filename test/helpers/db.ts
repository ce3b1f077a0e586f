/**
 * A fresh, migrated database for each test file, on the engine chosen by TEST_ENGINE:
 * - pglite (default): an in-memory PGlite loaded from a migrated template dump (initdb in WASM
 *   takes ~5 s, a load well under a second);
 * - postgres: a new database on TEST_DATABASE_URL, cloned from a migrated template database.
 * scripts/prepare-test-db.ts builds both templates once per run.
 *
 * `createTestDatabase({ demo: true })` starts from the demo data instead (runDemoSeed at
 * TEST_CLOCK_START with testConfig(), as the demo tests did themselves): under scripts/run-tests.mjs
 * (SH_TEST_RUN) the first file that asks seeds it once per run and engine into a second template,
 * the others load that (a PGlite dump under .tmp/, a PostgreSQL database `sh_demo_<run>`; the runner
 * removes both at the end). Started by hand, without SH_TEST_RUN, the file seeds its own database.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { openDatabase, type DbHandle } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { allMigrations } from '../../src/modules/migrations.ts';
import { templatePaths } from './template.ts';

export type TestEngine = 'pglite' | 'postgres';

export function testEngine(): TestEngine {
  const engine = process.env.TEST_ENGINE ?? 'pglite';
  if (engine === 'none') {
    throw new Error(
      'TEST_ENGINE=none: scripts/test-build.mjs found no way to a database in this test file, so it runs once without one; make the file import test/helpers/db.ts (or what opens the database) so that it runs on both engines',
    );
  }
  if (engine !== 'pglite' && engine !== 'postgres') throw new Error(`TEST_ENGINE must be pglite or postgres, not ${engine}`);
  if (engine === 'postgres' && !process.env.TEST_DATABASE_URL) throw new Error('TEST_ENGINE=postgres needs TEST_DATABASE_URL');
  return engine;
}

/**
 * The `skip` option of a test that checks what happens when requests really run at the same time:
 * PGlite has one connection and runs one query at a time, so there they cannot race and the test
 * would prove nothing; it runs on PostgreSQL (TEST_DATABASE_URL, and in CI).
 */
export function raceOnlyOnPostgres(): string | false {
  return testEngine() === 'pglite' ? 'a race test: PGlite runs one query at a time, so nothing can race; it runs on PostgreSQL' : false;
}

/** The start of useTestApp's fixed clock; the demo data of `createTestDatabase({ demo: true })` is seeded at it. */
export const TEST_CLOCK_START = '2026-11-23T10:00:00Z';

export interface TestDatabaseOptions {
  /** Start from the demo data (see the top of this file). */
  demo?: boolean;
}

/** runDemoSeed as the demo tests ran it; loaded on demand so that other test files do not load the seed. */
async function seedDemo(handle: DbHandle): Promise<void> {
  const [{ runDemoSeed }, { testConfig }] = await Promise.all([import('../../src/seed/demo.ts'), import('../../src/platform/config.ts')]);
  await runDemoSeed(handle.db, testConfig(), () => undefined, new Date(TEST_CLOCK_START));
}

/**
 * Take the lock file `lock` (false: the caller builds `file` and removes the lock), or, when another
 * process holds it, wait until `file` exists (true); after two minutes give up waiting (false).
 */
async function waitForFile(file: string, lock: string): Promise<boolean> {
  try {
    closeSync(openSync(lock, 'wx'));
    return false;
  } catch {
    // held by another test file
  }
  for (let waited = 0; waited < 120_000; waited += 100) {
    if (existsSync(file)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** The run's name for its demo templates, or null outside scripts/run-tests.mjs. */
function demoRun(): string | null {
  const run = process.env.SH_TEST_RUN;
  return run && /^[a-zA-Z0-9_]+$/.test(run) ? run : null;
}

/** Open a fresh migrated database for this test file; close() also drops it (PostgreSQL). */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<DbHandle> {
  const engine = testEngine();
  const run = options.demo ? demoRun() : null;
  if (options.demo && !run) {
    const handle = await createTestDatabase();
    await seedDemo(handle);
    return handle;
  }
  const paths = templatePaths();
  if (engine === 'pglite') {
    if (run) {
      const demoDump = resolve('.tmp', `pglite-demo-${run}.tar`);
      // The first demo file of the run seeds (holding a lock file); one that starts meanwhile
      // waits for the dump instead of seeding too. Should the lock outlive its holder (a crash),
      // the file seeds its own database after a while, and the rename keeps one dump.
      if (!existsSync(demoDump) && !(await waitForFile(demoDump, `${demoDump}.lock`))) {
        try {
          const handle = await createTestDatabase();
          await seedDemo(handle);
          const dump = await handle.pglite!.dumpDataDir('none');
          const building = `${demoDump}.${process.pid}`;
          writeFileSync(building, Buffer.from(await dump.arrayBuffer()));
          renameSync(building, demoDump);
          return handle;
        } finally {
          rmSync(`${demoDump}.lock`, { force: true });
        }
      }
      const handle = await openDatabase({ databaseUrl: null, memory: { load: new Blob([readFileSync(demoDump)]) } });
      await migrateToLatest(handle.db, allMigrations()); // no-op: the demo template was made in this run
      return handle;
    }
    if (existsSync(paths.pgliteDump)) {
      const load = new Blob([readFileSync(paths.pgliteDump)]);
      const handle = await openDatabase({ databaseUrl: null, memory: { load } });
      await migrateToLatest(handle.db, allMigrations()); // no-op unless the template is stale
      return handle;
    }
    const handle = await openDatabase({ databaseUrl: null, memory: {} });
    await migrateToLatest(handle.db, allMigrations());
    return handle;
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const template = run ? await postgresDemoTemplate(adminUrl, `sh_demo_${run}`) : paths.pgTemplateName;
  const { name, handle } = await openPostgresCopy(adminUrl, template);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await withAdmin(adminUrl, async (c) => {
        await waitUntilClosed(c, name);
        await c.query(`drop database if exists "${name}" with (force)`);
      });
    },
  };
}

async function withAdmin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * pg's pool.end() resolves before its connections have really closed; a forced drop would then kill
 * them mid-close and their 'error' event would crash the test process (and a database with
 * sessions can be neither renamed nor used as a template). Wait (briefly) until the server has
 * seen them go.
 */
async function waitUntilClosed(c: pg.Client, name: string): Promise<void> {
  // Asked every 10 ms: the connections are usually gone at once or within one 10 ms step (4 of 10
  // closes in a probe needed one), so a 100 ms step made about every other test file wait 100 ms.
  for (let i = 0; i < 500; i++) {
    const open = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
    if (open.rows[0].n === 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

const databaseExists = async (c: pg.Client, name: string) =>
  Boolean((await c.query('select 1 from pg_database where datname = $1', [name])).rowCount);

/** A new database on the server of `adminUrl`, cloned from `template` when it exists, migrated. */
async function openPostgresCopy(adminUrl: string, template: string): Promise<{ name: string; handle: DbHandle }> {
  const name = `sh_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, async (c) => {
    const exists = await databaseExists(c, template);
    await c.query(exists ? `create database "${name}" template "${template}"` : `create database "${name}"`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await migrateToLatest(handle.db, allMigrations());
  return { name, handle };
}

/**
 * The run's PostgreSQL demo template `name`: the first file that needs it makes a database from the
 * migrated template, seeds it, closes it and renames it to `name`; should two files build it at
 * once, the rename keeps one and the other is dropped (the same data either way).
 */
async function postgresDemoTemplate(adminUrl: string, name: string): Promise<string> {
  if (await withAdmin(adminUrl, (c) => databaseExists(c, name))) return name;
  // One builder at a time: a file that starts meanwhile waits on the advisory lock, then finds it.
  const lock = new pg.Client({ connectionString: adminUrl });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock(hashtext($1))', [name]);
    if (!(await databaseExists(lock, name))) await buildPostgresDemoTemplate(adminUrl, name);
  } finally {
    await lock.end(); // ends the session and so releases the lock
  }
  return name;
}

async function buildPostgresDemoTemplate(adminUrl: string, name: string): Promise<void> {
  const building = await openPostgresCopy(adminUrl, templatePaths().pgTemplateName);
  try {
    await seedDemo(building.handle);
  } finally {
    await building.handle.close();
  }
  await withAdmin(adminUrl, async (c) => {
    await waitUntilClosed(c, building.name);
    try {
      if (!(await databaseExists(c, name))) {
        await c.query(`alter database "${building.name}" rename to "${name}"`);
        return;
      }
    } catch (err) {
      if (!(await databaseExists(c, name))) throw err;
    }
    await c.query(`drop database if exists "${building.name}" with (force)`);
  });
}
