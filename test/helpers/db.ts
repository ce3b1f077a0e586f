/**
 * A fresh, migrated database for each test file, on the engine chosen by TEST_ENGINE:
 * - pglite (default): an in-memory PGlite loaded from a migrated template dump (initdb in WASM
 *   takes ~5 s, a load well under a second);
 * - postgres: a new database on TEST_DATABASE_URL, cloned from a migrated template database.
 * scripts/prepare-test-db.ts builds both templates once per run.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
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

/** Open a fresh migrated database for this test file; close() also drops it (PostgreSQL). */
export async function createTestDatabase(): Promise<DbHandle> {
  const engine = testEngine();
  const paths = templatePaths();
  if (engine === 'pglite') {
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
  const name = `sh_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const template = paths.pgTemplateName;
    const exists = await admin.query('select 1 from pg_database where datname = $1', [template]);
    await admin.query(exists.rowCount ? `create database "${name}" template "${template}"` : `create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await migrateToLatest(handle.db, allMigrations());
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        // pg's pool.end() resolves before its connections have really closed; a forced drop would
        // then kill them mid-close and their 'error' event would crash the test process. Wait
        // (briefly) until the server has seen them go.
        for (let i = 0; i < 50; i++) {
          const open = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if (open.rows[0].n === 0) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
