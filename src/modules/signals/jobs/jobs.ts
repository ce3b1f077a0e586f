import type { ModuleDefinition } from '../../../platform/module.ts';
import { enqueueJob } from '../../../platform/jobs/worker.ts';
import { runDeadlines } from './deadlines.service.ts';
import { runRetention } from './retention.service.ts';

export const DEADLINE_JOB = 'signals.deadlines';
export const RETENTION_JOB = 'signals.retention';
const HOUR_MS = 60 * 60 * 1000;

/**
 * Job handlers of the signals module. Both are recurring: each run enqueues the next one after
 * its work is done (the server's start-up, `ensureRecurringJobs`, enqueues the first run and
 * restarts a chain that broke). A failed run is retried by the worker; its work is idempotent.
 */
export const signalsJobs: NonNullable<ModuleDefinition['jobs']> = {
  /** Hourly: reminders before and escalation after the deadline. */
  [DEADLINE_JOB]: async ({ db, now, config }) => {
    await runDeadlines(db, now, config.baseUrl);
    await enqueueJob(db, { kind: DEADLINE_JOB, runAt: new Date(now.getTime() + HOUR_MS) });
  },
  /** Daily: anonymise and delete old closed signals per the tenant's settings. */
  [RETENTION_JOB]: async ({ db, now }) => {
    await runRetention(db, now);
    await enqueueJob(db, { kind: RETENTION_JOB, runAt: new Date(now.getTime() + 24 * HOUR_MS) });
  },
};

/** Job kinds of `signalsJobs` that run periodically (each run enqueues the next). */
export const signalsRecurringJobs: string[] = [DEADLINE_JOB, RETENTION_JOB];
