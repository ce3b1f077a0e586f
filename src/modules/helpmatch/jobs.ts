import type { JobHandlerArgs } from '../../platform/module.ts';
import { enqueueJob } from '../../platform/jobs/worker.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { expireRequests } from './requests/requests.service.ts';
import { notifyNobodyFound } from './requests/nobody.service.ts';

/** Job kind that expires open requests whose time has passed; runs every 15 minutes. */
export const EXPIRE_JOB = 'helpmatch.expire';
const EVERY_MS = 15 * 60 * 1000;

/** Expire due requests, then schedule the next run (in the same transaction). */
export async function expireJob({ db, now }: JobHandlerArgs): Promise<void> {
  await inTransaction(db, async (trx) => {
    await expireRequests(trx, now);
    await enqueueJob(trx, { kind: EXPIRE_JOB, runAt: new Date(now.getTime() + EVERY_MS) });
  });
}

/** Job kind that tells the asking side when nobody has been found after a few days; runs every hour. */
export const NOBODY_JOB = 'helpmatch.nobodyYet';
const NOBODY_EVERY_MS = 60 * 60 * 1000;

/** Tell the asking side of requests that waited `HELP_NOBODY_FOUND_DAYS` without a helper, then schedule the next run. */
export async function nobodyYetJob({ db, now, config }: JobHandlerArgs): Promise<void> {
  await notifyNobodyFound(db, { now, days: config.helpNobodyFoundDays, baseUrl: config.baseUrl });
  await enqueueJob(db, { kind: NOBODY_JOB, runAt: new Date(now.getTime() + NOBODY_EVERY_MS) });
}
