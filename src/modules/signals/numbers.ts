/**
 * Signal numbers handed out from blocks (issue 17, docs/decisions/0011-signal-numbers-in-blocks.md).
 *
 * Every signal needs the next count of its tenant's year (signals_counters), which public-id.ts
 * turns into its public number. Counting one by one inside the signal's transaction locks the
 * tenant's counter row from the update until the commit, so all signals of a municipality wait for
 * each other (and for each other's commit flush). Instead, a process reserves a block of counts in
 * a short transaction of its own (one atomic upsert, `last_number = last_number + BLOCK`, committed
 * before any signal uses it) and then hands them out from memory, before the signal's transaction
 * begins, so no signal waits on the counter row.
 *
 * What a count guarantees: unique per tenant and year, across processes (each block belongs to
 * one process: the upsert is atomic) and restarts (a block is committed before use and never
 * reserved again). What it no longer guarantees: that the counts are gap-free or follow the order
 * of filing across processes. A process that stops (or a year that ends) leaves the rest of its
 * block unused; a count claimed for a submission that is refused before the insert (invalid, a
 * replay) goes back to the process's own pool. Nothing shows: public numbers are a keyed permutation
 * of the count (public-id.ts), which already hides order and gaps.
 *
 * Nothing is kept in a database session (PgBouncer transaction mode works): the reservation is one
 * autocommitted statement; the blocks are in this process's memory, one map per database (the
 * Kysely adapter, as locate.cache.ts does), so two databases in one process never share blocks.
 */
import type { Db } from '../../platform/db/database.ts';
import { reserveNumbers } from './signals.store.ts';

/** Counts reserved at a time per process, tenant and year: a few gaps per restart, one reservation per 32 signals. */
export const BLOCK = 32;

export interface ClaimedNumber {
  tenantId: string;
  year: number;
  /** The count: unique per tenant and year. */
  number: number;
  /** The year's secret key and the end of the numbers given out in sequence (public-id.ts). */
  key: string;
  from: number;
}

interface Block {
  next: number;
  end: number;
  key: string;
  from: number;
  /** Claimed counts that were not used (refused before the insert): handed out again first. */
  free: number[];
  /** A reservation under way: waiters share it. */
  pending: Promise<void> | null;
}

const pools = new WeakMap<object, Map<string, Block>>();

function poolOf(db: Db): Map<string, Block> {
  const key = db.getExecutor().adapter;
  let pool = pools.get(key);
  if (!pool) {
    pool = new Map();
    pools.set(key, pool);
  }
  return pool;
}

/**
 * The next count of the tenant's year for a new signal; call it outside any transaction, with the
 * database itself (a reservation commits on its own). Give it back with `releaseNumber` when no
 * signal was inserted with it.
 */
export async function claimNumber(db: Db, tenantId: string, year: number): Promise<ClaimedNumber> {
  if (db.isTransaction) throw new Error('claimNumber needs the database, not a transaction');
  const pool = poolOf(db);
  const id = `${tenantId}\u0000${year}`;
  for (;;) {
    let block = pool.get(id);
    if (block) {
      const n = block.free.pop() ?? (block.next <= block.end ? block.next++ : null);
      if (n !== null) return { tenantId, year, number: n, key: block.key, from: block.from };
      if (block.pending) {
        await block.pending;
        continue;
      }
    } else {
      block = { next: 1, end: 0, key: '', from: 0, free: [], pending: null };
      pool.set(id, block);
    }
    const b = block;
    b.pending = reserveNumbers(db, tenantId, year, BLOCK).then(
      (r) => {
        b.next = r.last - BLOCK + 1;
        b.end = r.last;
        b.key = r.key;
        b.from = r.from;
        b.pending = null;
      },
      (err: unknown) => {
        b.pending = null;
        throw err;
      },
    );
    await b.pending;
  }
}

/** Give back a count that no signal was stored with (the submission was refused or replayed before the insert). */
export function releaseNumber(db: Db, claimed: ClaimedNumber): void {
  const block = poolOf(db).get(`${claimed.tenantId}\u0000${claimed.year}`);
  // Only into the block it came from (same key): a count is never handed out under another year's key.
  if (block && block.key === claimed.key) block.free.push(claimed.number);
}
