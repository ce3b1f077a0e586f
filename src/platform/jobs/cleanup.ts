import type { JobHandlerArgs } from '../module.ts';
import { enqueueJob } from './worker.ts';
import { deleteEndedRateLimits } from '../http/rate-limit-store.ts';
import { purgeAuditLog } from '../audit/audit.retention.ts';

export const PLATFORM_CLEANUP_JOB = 'platform.cleanup';
const DAY = 24 * 3600_000;

/**
 * How long platform records are kept (data minimisation). The audit log is kept
 * AUDIT_RETENTION_MONTHS (default 12) unless a period is held (audit/audit.retention.ts).
 */
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
  auditRows: number;
}

/** Remove finished jobs, old outbox mail and audit rows past their retention period, and ended rate-limit windows. */
export async function cleanupPlatformData(
  db: JobHandlerArgs['db'],
  now: Date,
  auditRetentionMonths: number,
): Promise<PlatformCleanupResult> {
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
  const auditRows = await purgeAuditLog(db, { now, months: auditRetentionMonths });
  return {
    jobs: Number(done.numDeletedRows) + Number(failed.numDeletedRows),
    mails: Number(mails.numDeletedRows),
    rateLimits,
    auditRows,
  };
}

/** The recurring job: clean up, then schedule the next run in a day. */
export async function platformCleanupJob({ db, now, config }: JobHandlerArgs): Promise<void> {
  await cleanupPlatformData(db, now, config.auditRetentionMonths);
  await enqueueJob(db, { kind: PLATFORM_CLEANUP_JOB, runAt: new Date(now.getTime() + DAY) });
}
