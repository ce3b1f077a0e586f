/**
 * Engine ceiling: how many single-row inserts, each in its own committed transaction, the
 * database takes per second from one client. No Kysely, no app: the upper bound for writes.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { join } from 'node:path';

export interface InsertResult {
  engine: 'pglite' | 'postgres';
  rowsPerSecond: number;
  rows: number;
}

const TABLE = `bench_insert_ceiling_${process.pid}`;

async function timed(seconds: number, insert: () => Promise<unknown>): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let rows = 0;
  while (performance.now() < end) {
    await insert();
    rows += 1;
  }
  return rows;
}

/** Inserts per second on an embedded PGlite in a fresh data directory (as `npm start` uses it). */
export async function pgliteInserts(dataDir: string, seconds: number): Promise<InsertResult> {
  const db = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
  try {
    await db.exec(`create table ${TABLE} (id bigserial primary key, at timestamptz not null default now(), v text not null)`);
    await timed(0.5, () => db.query(`insert into ${TABLE} (v) values ($1)`, ['warm-up']));
    const rows = await timed(seconds, () => db.query(`insert into ${TABLE} (v) values ($1)`, ['x']));
    return { engine: 'pglite', rows, rowsPerSecond: rows / seconds };
  } finally {
    await db.close();
  }
}

/** Inserts per second on PostgreSQL at `url`, in a table that is dropped afterwards. */
export async function postgresInserts(url: string, seconds: number): Promise<InsertResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create table ${TABLE} (id bigserial primary key, at timestamptz not null default now(), v text not null)`);
    await timed(0.5, () => client.query(`insert into ${TABLE} (v) values ($1)`, ['warm-up']));
    const rows = await timed(seconds, () => client.query(`insert into ${TABLE} (v) values ($1)`, ['x']));
    return { engine: 'postgres', rows, rowsPerSecond: rows / seconds };
  } finally {
    await client.query(`drop table if exists ${TABLE}`).catch(() => undefined);
    await client.end();
  }
}
