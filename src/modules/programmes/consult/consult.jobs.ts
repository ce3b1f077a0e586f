/**
 * The consultation reminders (the daily `programmes.consult.reminders` job): per municipality, the
 * staff (coordinators, who keep the forums) get one mail a week before a planned meeting, and one
 * mail when a follow-up action is past its due day and not done. Through the platform's mail
 * outbox, each claim and its mails in one transaction, so a retried run sends nothing twice.
 */
import { DateTime } from 'luxon';
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { translator } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/mail.service.ts';
import { enqueueJob } from '../../../platform/jobs/worker.ts';
import type { JobHandlerArgs } from '../../../platform/module.ts';
import { listTenants } from '../../../platform/tenants/tenants.service.ts';
import { localDate, ZONE } from '../../../platform/time.ts';
import { listMembers } from '../../people/people.service.ts';
import * as store from './consult.store.ts';

export const CONSULT_REMINDER_JOB = 'programmes.consult.reminders';
/** Days before a meeting that its reminder goes out. */
export const REMIND_DAYS_BEFORE = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReminderRunResult {
  meetings: number;
  actions: number;
  mails: number;
}

async function staffAddresses(db: DbOrTrx, tenantId: string): Promise<string[]> {
  const members = await listMembers(db, tenantId, { role: 'coordinator' });
  return [...new Set(members.map((m) => m.email?.toLowerCase()).filter((e): e is string => !!e))];
}

/** One run over every municipality at `now`. */
export async function runConsultReminders(db: DbOrTrx, now: Date, baseUrl: string): Promise<ReminderRunResult> {
  const result: ReminderRunResult = { meetings: 0, actions: 0, mails: 0 };
  const t = translator('nl');
  const today = localDate(now);
  const until = DateTime.fromISO(today, { zone: ZONE }).plus({ days: REMIND_DAYS_BEFORE }).toISODate()!;
  for (const tenant of await listTenants(db)) {
    const meetings = await store.meetingsToRemind(db, tenant.id, today, until);
    const actions = await store.overdueActions(db, tenant.id, today);
    if (meetings.length === 0 && actions.length === 0) continue;
    const to = await staffAddresses(db, tenant.id);
    for (const m of meetings) {
      const vars = {
        forum: m.forum_name,
        date: m.held_on,
        url: `${baseUrl}/${tenant.slug}/beheer/overleggen/${m.forum_id}/vergaderingen/${m.id}`,
      };
      await inTransaction(db, async (trx) => {
        if (!(await store.claimMeetingReminder(trx, tenant.id, m.id))) return;
        for (const address of to) {
          await queueMail(trx, {
            to: address,
            subject: t('programmes.consult.mail.meeting.subject', vars),
            text: t('programmes.consult.mail.meeting.text', vars),
            locale: 'nl',
            tenantId: tenant.id,
            now,
          });
        }
        result.meetings++;
        result.mails += to.length;
      });
    }
    for (const a of actions) {
      const vars = {
        forum: a.forum_name,
        action: a.text,
        owner: a.owner_role,
        date: a.due_on ?? '',
        url: `${baseUrl}/${tenant.slug}/beheer/overleggen/${a.forum_id}/vergaderingen/${a.meeting_id}`,
      };
      await inTransaction(db, async (trx) => {
        if (!(await store.claimActionReminder(trx, tenant.id, a.id, today))) return;
        for (const address of to) {
          await queueMail(trx, {
            to: address,
            subject: t('programmes.consult.mail.action.subject', vars),
            text: t('programmes.consult.mail.action.text', vars),
            locale: 'nl',
            tenantId: tenant.id,
            now,
          });
        }
        result.actions++;
        result.mails += to.length;
      });
    }
  }
  return result;
}

/** Daily; each run enqueues the next (the start-up restarts a broken chain). */
export async function consultReminderJob({ db, now, config }: JobHandlerArgs): Promise<void> {
  await runConsultReminders(db, now, config.baseUrl);
  await enqueueJob(db, { kind: CONSULT_REMINDER_JOB, runAt: new Date(now.getTime() + DAY_MS) });
}
