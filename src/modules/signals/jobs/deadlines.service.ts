/**
 * Deadline reminders and escalation (the hourly `signals.deadlines` job). Per tenant: reopened
 * signals get a new handling period; the routed organisation's professionals get one reminder
 * `reminderDays` working days before the deadline; after the deadline the tenant's coordinators
 * get one escalation. Mails carry the number, category, deadline and a staff link only.
 */
import { DateTime } from 'luxon';
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { translator } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/mail.service.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { listTenants } from '../../../platform/tenants/tenants.service.ts';
import { listMembers } from '../../people/people.service.ts';
import * as store from './jobs.store.ts';
import { getJobSettings } from './jobs.settings.ts';
import { addWorkingDays, isWorkingDay } from '../workdays.ts';
import { ZONE } from '../../../platform/time.ts';

/** Hour of the day (Amsterdam) from which reminders go out on the reminder day. */
export const REMINDER_HOUR = 8;

/**
 * When the reminder for a deadline is due: 08:00 (Amsterdam) on the working day that lies `days`
 * working days before the deadline's day. Null when `days` is 0 (no reminders).
 */
export function reminderFrom(deadline: Date, days: number): Date | null {
  if (days <= 0) return null;
  let d = DateTime.fromJSDate(deadline, { zone: ZONE }).startOf('day');
  let left = days;
  while (left > 0) {
    d = d.minus({ days: 1 });
    if (isWorkingDay(d)) left--;
  }
  return d.set({ hour: REMINDER_HOUR }).toJSDate();
}

export interface DeadlineRunResult {
  extended: number;
  reminders: number;
  escalations: number;
  mails: number;
}

interface TenantRef {
  id: string;
  slug: string;
}

function formatDeadline(d: Date): string {
  return DateTime.fromJSDate(d, { zone: ZONE }).setLocale('nl').toFormat('cccc d LLLL yyyy');
}

async function addressesOf(
  db: DbOrTrx,
  tenantId: string,
  filter: { organisationId?: string; role: 'professional' | 'coordinator' },
): Promise<string[]> {
  const members = await listMembers(db, tenantId, filter);
  return [...new Set(members.map((m) => m.email?.toLowerCase()).filter((e): e is string => !!e))];
}

async function runTenant(db: DbOrTrx, tenant: TenantRef, now: Date, baseUrl: string, result: DeadlineRunResult): Promise<void> {
  const settings = await getJobSettings(db, tenant.id);
  // A reopened signal gets a new handling period from the moment it was reopened.
  for (const r of await store.listReopened(db, tenant.id)) {
    const deadline = addWorkingDays(r.reopened_at, r.deadline_days);
    if ((!r.deadline_at || r.deadline_at < deadline) && (await store.extendDeadline(db, tenant.id, r.id, deadline))) result.extended++;
  }
  // Candidates: deadlines up to a margin beyond the reminder window (weekends and holidays); exact checks below.
  const horizon = new Date(now.getTime() + (settings.reminderDays * 2 + 7) * 86_400_000);
  const t = translator('nl');
  let coordinators: string[] | null = null;
  for (const s of await store.listDeadlineCandidates(db, tenant.id, horizon)) {
    const vars = {
      id: s.public_id,
      category: s.category_name,
      deadline: formatDeadline(s.deadline_at),
      url: `${baseUrl}/${tenant.slug}/meldingen/behandelen/${s.public_id}`,
    };
    if (s.deadline_at <= now) {
      if (!settings.escalationEnabled) continue;
      coordinators ??= await addressesOf(db, tenant.id, { role: 'coordinator' });
      const to = coordinators;
      await inTransaction(db, async (trx) => {
        if (!(await store.claimEscalation(trx, tenant.id, s.id, now))) return;
        for (const address of to) {
          await queueMail(trx, {
            to: address,
            subject: t('signals.jobs.mail.escalate.subject', vars),
            text: t('signals.jobs.mail.escalate.text', vars),
            locale: 'nl',
            tenantId: tenant.id,
            now,
          });
        }
        await recordAudit(trx, {
          tenantId: tenant.id,
          actorUserId: null,
          action: 'escalate',
          entity: 'signal',
          entityId: s.id,
          detail: { mails: to.length },
        });
        result.escalations++;
        result.mails += to.length;
      });
      continue;
    }
    const from = reminderFrom(s.deadline_at, settings.reminderDays);
    if (!from || now < from || s.created_at >= from || (s.reminded_at && s.reminded_at >= from)) continue;
    const to = s.organisation_id ? await addressesOf(db, tenant.id, { organisationId: s.organisation_id, role: 'professional' }) : [];
    await inTransaction(db, async (trx) => {
      if (!(await store.claimReminder(trx, tenant.id, s.id, from, now))) return;
      for (const address of to) {
        await queueMail(trx, {
          to: address,
          subject: t('signals.jobs.mail.remind.subject', vars),
          text: t('signals.jobs.mail.remind.text', vars),
          locale: 'nl',
          tenantId: tenant.id,
          now,
        });
      }
      await recordAudit(trx, {
        tenantId: tenant.id,
        actorUserId: null,
        action: 'remind',
        entity: 'signal',
        entityId: s.id,
        detail: { mails: to.length },
      });
      result.reminders++;
      result.mails += to.length;
    });
  }
}

/** One run of the deadline job over every tenant: extend deadlines of reopened signals, send due reminders and escalations once. */
export async function runDeadlines(db: DbOrTrx, now: Date, baseUrl: string): Promise<DeadlineRunResult> {
  const result: DeadlineRunResult = { extended: 0, reminders: 0, escalations: 0, mails: 0 };
  for (const tenant of await listTenants(db)) await runTenant(db, tenant, now, baseUrl, result);
  return result;
}
