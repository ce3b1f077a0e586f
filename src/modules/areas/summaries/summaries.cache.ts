import type { DbOrTrx } from '../../../platform/db/database.ts';
import { rootHandle } from '../../../platform/db/tenant-scope.ts';
import { listSummaries, type StoredSummary } from './summaries.store.ts';

/**
 * In-process cache of the stored summaries of an area (summaries.store.ts), so a warm
 * neighbourhood page costs no query (issue 13, speed).
 *
 * - An entry lives SUMMARY_TTL_MS (30 s): another process's job run shows within 30 s. The job runs
 *   every few minutes (AREA_SUMMARIES_MINUTES), so 30 s adds little to the data's age.
 * - A refresh in this process (`refreshTenantSummaries`) drops every entry at once.
 * - Per database handle (a WeakMap on the root Kysely instance), so two databases in one process
 *   (tests) never share entries; inside a transaction nothing is cached.
 * - At most MAX_ENTRIES per database (a municipality has a few hundred areas), oldest out first.
 * Cached lists are shared between requests: frozen, never to be changed.
 */

export const SUMMARY_TTL_MS = 30_000;
export const MAX_ENTRIES = 5000;

interface Entry {
  expires: number;
  value: Promise<readonly StoredSummary[]>;
}
interface DbCache {
  generation: number;
  entries: Map<string, Entry>;
}

let generation = 0;
let clock: () => number = () => performance.now();
const caches = new WeakMap<object, DbCache>();

/** Drop every cached summary in this process (after a refresh). */
export function invalidateSummaryCache(): void {
  generation++;
}

/** Tests: a monotonic clock in milliseconds (the default is `performance.now`). */
export function setSummaryCacheClock(now: () => number): void {
  clock = now;
  generation++;
}

/** The stored summaries of one area of a tenant, from the cache when fresh. */
export function cachedSummaries(db: DbOrTrx, tenantId: string, areaCode: string): Promise<readonly StoredSummary[]> {
  if (db.isTransaction) return listSummaries(db, tenantId, areaCode);
  const key = rootHandle(db);
  let cache = caches.get(key);
  if (!cache || cache.generation !== generation) {
    cache = { generation, entries: new Map() };
    caches.set(key, cache);
  }
  const id = `${tenantId}\n${areaCode}`;
  const now = clock();
  const hit = cache.entries.get(id);
  if (hit && hit.expires > now) return hit.value;
  const entries = cache.entries;
  const entry: Entry = {
    expires: now + SUMMARY_TTL_MS,
    value: listSummaries(db, tenantId, areaCode).then((rows) => Object.freeze(rows.map((r) => Object.freeze(r)))),
  };
  entries.delete(id);
  entries.set(id, entry);
  entry.value.catch(() => {
    if (entries.get(id) === entry) entries.delete(id);
  });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return entry.value;
}
