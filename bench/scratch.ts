/**
 * Throw-away databases for the benchmarks: a PGlite data directory in the system's temp folder, or
 * a PostgreSQL database created beside BENCH_DATABASE_URL's; each is removed when `fn` ends, also
 * when it fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DbHandle } from '../src/platform/db/database.ts';

/** Run `fn` on PGlite in a new data directory under a temp folder named with `prefix`. */
export async function onScratchPglite<T>(prefix: string, fn: (handle: DbHandle) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const handle = await openDatabase({ databaseUrl: null, dataDir: join(dir, 'data') });
  try {
    return await fn(handle);
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Run `fn` on a new PostgreSQL database `name` (on the server of `adminUrl`), through a pool of `poolSize`. */
export async function onScratchPostgres<T>(
  adminUrl: string,
  name: string,
  fn: (handle: DbHandle) => Promise<T>,
  poolSize = 10,
): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ databaseUrl: url.toString(), poolSize });
    try {
      return await fn(handle);
    } finally {
      await handle.close();
      await admin.query(`drop database if exists "${name}"`);
    }
  } finally {
    await admin.end();
  }
}
