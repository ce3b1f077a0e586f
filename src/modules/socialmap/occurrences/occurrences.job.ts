/** The nightly `socialmap.occurrences` job (docs/socialmap-find.md): moves every municipality's window on by a day. */
import { DateTime } from 'luxon';
import type { JobHandlerArgs } from '../../../platform/module.ts';
import { enqueueJob } from '../../../platform/jobs/worker.ts';
import { ZONE } from '../../../platform/time.ts';
import { refreshTenantOccurrences } from './occurrences.service.ts';

export const OCCURRENCES_JOB = 'socialmap.occurrences';

/** The next run: 03:00 in Amsterdam after `now` (quiet hours; the window has a margin of days). */
export function nextOccurrencesRun(now: Date): Date {
  const local = DateTime.fromJSDate(now, { zone: ZONE });
  const today = local.startOf('day').set({ hour: 3 });
  return (today > local ? today : today.plus({ days: 1 }).set({ hour: 3 })).toJSDate();
}

/**
 * The job: bring every municipality that has services to today's window, then schedule the next
 * night. Each night adds only the new last day (see refreshTenantOccurrences); the payload
 * `{ full: true }` (e.g. enqueued after a large import) recomputes every date instead. A stopping
 * worker ends between batches and runs again at once.
 */
export async function occurrencesJob(args: JobHandlerArgs): Promise<void> {
  const full = args.payload['full'] === true;
  const tenants = args.tenantId
    ? [args.tenantId]
    : (await args.db.selectFrom('socialmap_services').select('tenant_id').distinct().orderBy('tenant_id').execute()).map(
        (r) => r.tenant_id,
      );
  let stopped = false;
  for (const tenantId of tenants) {
    const r = await refreshTenantOccurrences(args.db, tenantId, args.now, { full, signal: args.signal });
    if (!r.done) {
      stopped = true;
      break;
    }
  }
  // The next night of the chain (a `full` or one-municipality run is a one-off beside it).
  if (!args.tenantId && !full) {
    await enqueueJob(args.db, { kind: OCCURRENCES_JOB, runAt: stopped ? args.now : nextOccurrencesRun(args.now) });
  }
  if (stopped && (args.tenantId || full)) {
    await enqueueJob(args.db, { kind: OCCURRENCES_JOB, tenantId: args.tenantId, payload: args.payload, runAt: args.now });
  }
}
