/**
 * The hourly `surveys.close` job: an open survey whose last day has passed (in the municipality's
 * time zone) gets the status "closed", so the coordinator's list says what the resident's page
 * already says. Answers after the last day were refused before this job too (respond.service.ts).
 */
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { listTenants } from '../../../platform/tenants/tenants.service.ts';
import { enqueueJob } from '../../../platform/jobs/worker.ts';
import { localDate } from '../../../platform/time.ts';
import type { JobHandlerArgs } from '../../../platform/module.ts';
import { closeEndedSurveys } from './builder.store.ts';

export const CLOSE_SURVEYS_JOB = 'surveys.close';
const HOUR_MS = 60 * 60 * 1000;

/** One run over every municipality; returns how many surveys it closed. */
export async function closeSurveys(db: DbOrTrx, now: Date): Promise<number> {
  const today = localDate(now);
  let closed = 0;
  for (const tenant of await listTenants(db)) {
    closed += await inTransaction(db, async (trx) => {
      const ids = await closeEndedSurveys(trx, tenant.id, today);
      for (const id of ids) {
        await recordAudit(trx, {
          tenantId: tenant.id,
          actorUserId: null,
          action: 'close',
          entity: 'survey',
          entityId: id,
          detail: { lastDayBefore: today },
        });
      }
      return ids.length;
    });
  }
  return closed;
}

/** The job handler: a run, then the next one an hour later. */
export async function closeSurveysJob({ db, now }: JobHandlerArgs): Promise<void> {
  await closeSurveys(db, now);
  await enqueueJob(db, { kind: CLOSE_SURVEYS_JOB, runAt: new Date(now.getTime() + HOUR_MS) });
}
