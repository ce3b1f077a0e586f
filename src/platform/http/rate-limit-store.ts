/**
 * A store for `@fastify/rate-limit` in the database, so that every app process behind a load
 * balancer counts against the same limit (the plugin's default store counts per process).
 *
 * - One row per (route, key) in `rate_limit_hits`, a global table: the key is hashed (it holds the
 *   client's address), so no address is stored. A fixed window per row: the first hit opens it for
 *   `timeWindow` ms, every hit in it adds one (one atomic upsert, one round trip), the first hit after
 *   it opens a new one. The same as the plugin's default store, only shared.
 * - Time is the database's (`statement_timestamp()`), the one clock all processes share.
 * - Rows whose window has ended are deleted by the daily `platform.cleanup` job
 *   (`deleteEndedRateLimits`); a row is rewritten in place by the next hit anyway.
 * - On PGlite (one process) the same store works; it costs one small write per limited request.
 * `continueExceeding` and `exponentialBackoff` are not supported (no route uses them): asking for
 * them throws at start-up rather than silently counting differently.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { FastifyRateLimitStoreCtor, RateLimitOptions } from '@fastify/rate-limit';
import type { Db, DbOrTrx } from '../db/database.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

interface RouteInfo {
  method?: string | string[];
  url?: string;
}

function hashed(scope: string, key: string): string {
  return createHash('sha256').update(scope).update('\0').update(key).digest('base64url');
}

function unsupported(opts: { continueExceeding?: boolean; exponentialBackoff?: boolean }): void {
  if (opts.continueExceeding || opts.exponentialBackoff) {
    throw new Error('The database rate-limit store supports neither continueExceeding nor exponentialBackoff.');
  }
}

/** Count one hit for `key` in its current window; returns the hits in the window and the ms left of it. */
export async function hitRateLimit(db: Db, key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
  const window = `${Math.max(1, Math.trunc(windowMs))} milliseconds`;
  const row = await sql<{ hits: number; ttl: number }>`
    insert into rate_limit_hits as r (key, hits, reset_at)
    values (${key}, 1, statement_timestamp() + ${window}::interval)
    on conflict (key) do update set
      hits = case when r.reset_at <= statement_timestamp() then 1 else r.hits + 1 end,
      reset_at = case when r.reset_at <= statement_timestamp() then excluded.reset_at else r.reset_at end
    returning hits, greatest(0, ceil(extract(epoch from (reset_at - statement_timestamp())) * 1000))::int as ttl`
    .execute(db)
    .then((r) => r.rows[0]!);
  return { current: Number(row.hits), ttl: Number(row.ttl) };
}

/** The hits in `key`'s current window without counting one (0 when none is open). */
export async function readRateLimit(db: Db, key: string): Promise<{ current: number; ttl: number }> {
  const row = await sql<{ hits: number; ttl: number }>`
    select hits, greatest(0, ceil(extract(epoch from (reset_at - statement_timestamp())) * 1000))::int as ttl
    from rate_limit_hits where key = ${key} and reset_at > statement_timestamp()`
    .execute(db)
    .then((r) => r.rows[0]);
  return row ? { current: Number(row.hits), ttl: Number(row.ttl) } : { current: 0, ttl: 0 };
}

/** Delete the rows whose window ended before `before` (the cleanup job). */
export async function deleteEndedRateLimits(db: DbOrTrx, before: Date): Promise<number> {
  const r = await db.deleteFrom('rate_limit_hits').where('reset_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The store class to hand to `@fastify/rate-limit` (`store:`), bound to one database. */
export function databaseRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore {
    constructor(
      opts: RateLimitOptions,
      private readonly scope = 'global',
    ) {
      unsupported(opts);
    }

    incr(key: string, cb: Callback, timeWindow: number): void {
      hitRateLimit(db, hashed(this.scope, key), timeWindow).then(
        (r) => cb(null, r),
        (err: Error) => cb(err),
      );
    }

    read(key: string, cb: Callback): void {
      readRateLimit(db, hashed(this.scope, key)).then(
        (r) => cb(null, r),
        (err: Error) => cb(err),
      );
    }

    /**
     * One store per route: the route's method and path are part of every key (as the default store
     * keeps one map per route). The plugin passes the route's merged options with `routeInfo` (its
     * type declarations say otherwise).
     */
    child(routeOptions: RateLimitOptions & { routeInfo?: RouteInfo }): DatabaseRateLimitStore {
      unsupported(routeOptions);
      const info = routeOptions.routeInfo ?? {};
      const method = Array.isArray(info.method) ? info.method.join(',') : (info.method ?? '');
      return new DatabaseRateLimitStore(routeOptions, `${method} ${info.url ?? ''}`);
    }
  }
  return DatabaseRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}
