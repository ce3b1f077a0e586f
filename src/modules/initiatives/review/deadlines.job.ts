/**
 * The hourly `initiatives.review.deadlines` job: per municipality, every submitted application that
 * missed its receipt or decision deadline is marked once (initiative_deadline_marks) and the
 * municipality's coordinators get one mail about it. A second run finds the mark and mails nothing.
 */
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { translator } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/mail.service.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { listTenants } from '../../../platform/tenants/tenants.service.ts';
import { enqueueJob } from '../../../platform/jobs/worker.ts';
import { localDate } from '../../../platform/time.ts';
import type { JobHandlerArgs } from '../../../platform/module.ts';
import { listMembers } from '../../people/people.service.ts';
import * as store from './review.store.ts';
import { deadlineState } from './deadlines.ts';
import { formatDay } from './letters.ts';
import { forgetCosignerMails } from '../apply/cosigner-mail.ts';

export const REVIEW_DEADLINES_JOB = 'initiatives.review.deadlines';
const HOUR_MS = 60 * 60 * 1000;

export interface ReviewDeadlineResult {
  marked: number;
  mails: number;
}

async function coordinatorAddresses(db: DbOrTrx, tenantId: string): Promise<string[]> {
  const members = await listMembers(db, tenantId, { role: 'coordinator' });
  return [...new Set(members.map((m) => m.email?.toLowerCase()).filter((e): e is string => !!e))];
}

/** One run over every municipality: mark missed deadlines and mail the coordinators, once per deadline. */
export async function runReviewDeadlines(db: DbOrTrx, now: Date, baseUrl: string): Promise<ReviewDeadlineResult> {
  const result: ReviewDeadlineResult = { marked: 0, mails: 0 };
  const t = translator('nl');
  for (const tenant of await listTenants(db)) {
    let coordinators: string[] | null = null;
    for (const r of await store.listByStatus(db, tenant.id, store.UNDECIDED)) {
      const state = deadlineState({ ...r, submitted_at: r.submitted_at! }, r, now);
      const missed = [
        ...(state.acknowledgeOverdue ? [{ kind: 'acknowledge' as const, dueAt: state.acknowledgeBy }] : []),
        ...(state.decideOverdue ? [{ kind: 'decide' as const, dueAt: state.decideBy }] : []),
      ];
      for (const m of missed) {
        coordinators ??= await coordinatorAddresses(db, tenant.id);
        const to = coordinators;
        await inTransaction(db, async (trx) => {
          if (!(await store.claimMark(trx, { tenantId: tenant.id, applicationId: r.id, kind: m.kind, dueAt: m.dueAt, now }))) return;
          const vars = {
            reference: r.reference,
            title: r.title,
            due: formatDay(localDate(m.dueAt), 'nl'),
            url: `${baseUrl}/${tenant.slug}/samen-doen/beoordelen/${r.reference}`,
          };
          for (const address of to) {
            await queueMail(trx, {
              to: address,
              subject: t(`initiatives.review.mail.overdue.${m.kind}.subject`, vars),
              text: t(`initiatives.review.mail.overdue.${m.kind}.text`, vars),
              locale: 'nl',
              tenantId: tenant.id,
              now,
            });
          }
          await store.setMarkMails(trx, tenant.id, r.id, m.kind, to.length);
          await recordAudit(trx, {
            tenantId: tenant.id,
            actorUserId: null,
            action: 'overdue',
            entity: 'initiative_application',
            entityId: r.id,
            detail: { kind: m.kind, mails: to.length },
          });
          result.marked++;
          result.mails += to.length;
        });
      }
    }
  }
  return result;
}

/** The job handler: a run, the removal of co-signer link mails no longer needed (apply/cosigner-mail.ts), then the next run an hour later. */
export async function reviewDeadlinesJob({ db, now, config }: JobHandlerArgs): Promise<void> {
  await runReviewDeadlines(db, now, config.baseUrl);
  await forgetCosignerMails(db, now);
  await enqueueJob(db, { kind: REVIEW_DEADLINES_JOB, runAt: new Date(now.getTime() + HOUR_MS) });
}
