import type { JobHandlerArgs } from '../../platform/module.ts';
import { enqueueJob } from '../../platform/jobs/worker.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { expireRequests } from './requests/requests.service.ts';

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
