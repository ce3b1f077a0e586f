/**
 * Rate limits of the Open311 writes (POST requests and servicerequestupdates; security review,
 * finding 5): per API key (its `rate_limit`, set by the administrator, default 60 a minute) and
 * per client address (120 a minute, or a key's own higher limit). Fixed windows of a minute,
 * counted in the database (one atomic upsert per write) so that several app processes share the
 * count, with the injected clock. An address is kept only as a hash (IPv6 by its /64 network, as
 * one client holds a whole /64), and windows older than ten minutes are deleted.
 */
import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';

export const WINDOW_MS = 60_000;
/** Writes a minute for a new key unless the administrator chooses otherwise. */
export const DEFAULT_KEY_LIMIT = 60;
/** Writes a minute from one address (any keys, or none); a key with a higher limit of its own may use that. */
export const ADDRESS_LIMIT = 120;
export const MAX_KEY_LIMIT = 10_000;
const KEEP_MS = 10 * WINDOW_MS;

/** The network a client address stands for: the address itself (IPv4), or its /64 (IPv6). */
export function addressNetwork(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIPv4(ip) || !isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export const keyBucket = (apiKeyId: string) => `k:${apiKeyId}`;
export const addressBucket = (ip: string) => `a:${createHash('sha256').update(addressNetwork(ip)).digest('hex').slice(0, 40)}`;

export interface Hit {
  /** Writes in this window, this one included. */
  hits: number;
  /** Whole seconds until the window ends (at least 1): the Retry-After of a refusal. */
  retryAfter: number;
}

/** Count one write in a bucket's current window (atomic across processes) and say how many there were. */
export async function hit(db: DbOrTrx, tenantId: string, bucket: string, now: Date): Promise<Hit> {
  const start = Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS;
  // Outside a transaction the count commits without waiting for its WAL flush (synchronous_commit
  // off for this statement only): a crash may forget the last fraction of a second of hits, which
  // lets a client a few writes more; it never loses a signal (their transactions wait as always).
  // (The CTE is referenced so that it runs; inside a caller's transaction the setting is left alone.)
  const row = sql`select ${tenantId}::text, ${bucket}::text, ${new Date(start)}::timestamptz, 1`;
  const source = db.isTransaction ? row : sql`with _c as (select set_config('synchronous_commit', 'off', true)) ${row} from _c`;
  const r = (
    await sql<{ hits: number }>`insert into open311_rate_windows (tenant_id, bucket, window_start, hits) ${source}
      on conflict (tenant_id, bucket, window_start) do update set hits = open311_rate_windows.hits + 1
      returning hits`.execute(db)
  ).rows[0]!;
  // A new window: clear the tenant's old ones (at most once per bucket a minute).
  if (r.hits === 1) {
    await db
      .deleteFrom('open311_rate_windows')
      .where('tenant_id', '=', tenantId)
      .where('window_start', '<', new Date(start - KEEP_MS))
      .execute();
  }
  return { hits: r.hits, retryAfter: Math.max(1, Math.ceil((start + WINDOW_MS - now.getTime()) / 1000)) };
}

/**
 * One write counted for its address and, when it is within the address's limit and has a valid
 * key, for that key too: the same two counts as two `hit`s (the key is not counted when the
 * address is over its limit), in one statement (issue 17: one round trip fewer per write).
 * `key: null` counts the address only.
 */
export async function hitAddressAndKey(
  db: DbOrTrx,
  tenantId: string,
  address: { bucket: string; limit: number },
  key: { bucket: string } | null,
  now: Date,
): Promise<{ byAddress: Hit; byKey: Hit | null }> {
  const start = Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS;
  const windowStart = new Date(start);
  // As in `hit`: outside a transaction the counts commit without waiting for their WAL flush.
  const sync = db.isTransaction ? sql`select 1` : sql`select set_config('synchronous_commit', 'off', true)`;
  const r = (
    await sql<{ address_hits: number; key_hits: number | null }>`
      with _c as (${sync}),
      a as (
        insert into open311_rate_windows (tenant_id, bucket, window_start, hits)
        select ${tenantId}::text, ${address.bucket}::text, ${windowStart}::timestamptz, 1 from _c
        on conflict (tenant_id, bucket, window_start) do update set hits = open311_rate_windows.hits + 1
        returning hits
      ),
      k as (
        insert into open311_rate_windows (tenant_id, bucket, window_start, hits)
        select ${tenantId}::text, ${key?.bucket ?? null}::text, ${windowStart}::timestamptz, 1 from a
        where ${key?.bucket ?? null}::text is not null and a.hits <= ${address.limit}::int
        on conflict (tenant_id, bucket, window_start) do update set hits = open311_rate_windows.hits + 1
        returning hits
      )
      select (select hits from a) as address_hits, (select hits from k) as key_hits`.execute(db)
  ).rows[0]!;
  // A new window: clear the tenant's old ones (at most about once per bucket a minute).
  if (r.address_hits === 1 || r.key_hits === 1) {
    await db
      .deleteFrom('open311_rate_windows')
      .where('tenant_id', '=', tenantId)
      .where('window_start', '<', new Date(start - KEEP_MS))
      .execute();
  }
  const retryAfter = Math.max(1, Math.ceil((start + WINDOW_MS - now.getTime()) / 1000));
  return {
    byAddress: { hits: Number(r.address_hits), retryAfter },
    byKey: r.key_hits === null ? null : { hits: Number(r.key_hits), retryAfter },
  };
}
