import type { JobHandlerArgs } from '../../platform/module.ts';
import { enqueueJob } from '../../platform/jobs/worker.ts';
import { removeStaleSessions } from '../../platform/auth/sessions.service.ts';
import { deleteRemovalsBefore } from './admin/admin.removals.store.ts';
import { formerMembersSince } from './admin/admin.removals.service.ts';

export const PEOPLE_CLEANUP_JOB = 'people.cleanup';
const HOUR = 3600_000;
/** Longest idle time of any session (residents); staff sessions expire sooner on use. */
const MAX_IDLE_MS = 7 * 24 * HOUR;

export interface CleanupResult {
  sessions: number;
  tokens: number;
  failures: number;
  removals: number;
}

/**
 * Data minimisation: remove sessions that expired or sat idle past the longest idle timeout,
 * sign-in/reset/invitation tokens a day after they expired, and sign-in failure counters a day
 * after the last failure, and removed roles once the person no longer needs to be findable (admin.removals.service.ts).
 */
export async function cleanupPeopleData(db: JobHandlerArgs['db'], now: Date): Promise<CleanupResult> {
  const dayAgo = new Date(now.getTime() - 24 * HOUR);
  const idleBefore = new Date(now.getTime() - MAX_IDLE_MS);
  const sessions = await removeStaleSessions(db, now, idleBefore);
  const tokens = await db.deleteFrom('auth_tokens').where('expires_at', '<', dayAgo).executeTakeFirst();
  const failures = await db.deleteFrom('signin_failures').where('last_at', '<', dayAgo).executeTakeFirst();
  const removals = await deleteRemovalsBefore(db, formerMembersSince(now));
  return {
    sessions,
    tokens: Number(tokens.numDeletedRows),
    failures: Number(failures.numDeletedRows),
    removals,
  };
}

/** The recurring job: clean up, then schedule the next run in an hour. */
export async function peopleCleanupJob({ db, now }: JobHandlerArgs): Promise<void> {
  await cleanupPeopleData(db, now);
  await enqueueJob(db, { kind: PEOPLE_CLEANUP_JOB, runAt: new Date(now.getTime() + HOUR) });
}
