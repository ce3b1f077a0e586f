import type { DbOrTrx } from '../db/database.ts';
import type { ModuleDefinition } from '../module.ts';
import { enqueueJob, registerRecurringKinds } from './worker.ts';

/**
 * Recurring jobs (clean-ups) keep themselves going: each run enqueues the next one. At start-up
 * we make sure each recurring kind has one pending job, so a crash or a fresh database cannot
 * stop the chain. Returns the kinds that were (re)started. Several processes may do this at once:
 * a recurring run is enqueued with its kind as `once_key` (worker.ts), so at most one is pending.
 */
export async function ensureRecurringJobs(
  db: DbOrTrx,
  now: Date,
  modules: readonly Pick<ModuleDefinition, 'recurringJobs'>[],
): Promise<string[]> {
  const started: string[] = [];
  const kinds = modules.flatMap((m) => m.recurringJobs ?? []);
  registerRecurringKinds(kinds);
  for (const kind of kinds) {
    const existing = await db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', kind)
      .where('status', 'in', ['pending', 'running'])
      .executeTakeFirst();
    if (!existing) {
      await enqueueJob(db, { kind, runAt: now });
      started.push(kind);
    }
  }
  return started;
}
