import type { JobHandlerArgs } from '../module.ts';
import { enqueueJob } from './worker.ts';
import { deleteEndedRateLimits } from '../http/rate-limit-store.ts';

export const PLATFORM_CLEANUP_JOB = 'platform.cleanup';
const DAY = 24 * 3600_000;

/** How long platform records are kept (data minimisation); the audit log is kept. */
export const RETENTION = {
  doneJobsDays: 7,
  failedJobsDays: 30,
  /** Mail bodies hold sign-in links and names: the outbox keeps them 90 days. */
  mailDays: 90,
} as const;

export interface PlatformCleanupResult {
  jobs: number;
  mails: number;
  rateLimits: number;
}

/** Remove finished jobs and old outbox mail past their retention period, and ended rate-limit windows. */
export async function cleanupPlatformData(db: JobHandlerArgs['db'], now: Date): Promise<PlatformCleanupResult> {
  const before = (days: number) => new Date(now.getTime() - days * DAY);
  const done = await db
    .deleteFrom('jobs')
    .where('status', '=', 'done')
    .where('finished_at', '<', before(RETENTION.doneJobsDays))
    .executeTakeFirst();
  const failed = await db
    .deleteFrom('jobs')
    .where('status', '=', 'failed')
    .where('finished_at', '<', before(RETENTION.failedJobsDays))
    .executeTakeFirst();
  const mails = await db
    .deleteFrom('mail_outbox')
    .where('created_at', '<', before(RETENTION.mailDays))
    .where('status', 'in', ['sent', 'kept', 'failed'])
    .executeTakeFirst();
  const rateLimits = await deleteEndedRateLimits(db, now);
  return {
    jobs: Number(done.numDeletedRows) + Number(failed.numDeletedRows),
    mails: Number(mails.numDeletedRows),
    rateLimits,
  };
}

/** The recurring job: clean up, then schedule the next run in a day. */
export async function platformCleanupJob({ db, now }: JobHandlerArgs): Promise<void> {
  await cleanupPlatformData(db, now);
  await enqueueJob(db, { kind: PLATFORM_CLEANUP_JOB, runAt: new Date(now.getTime() + DAY) });
}
