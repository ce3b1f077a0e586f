/** Per-tenant settings of the signals jobs (reminders, escalation, retention): read with defaults, validate, save audited. */
import { z } from 'zod';
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { DEFAULT_JOB_SETTINGS, findJobSettings, upsertJobSettings, type JobSettings } from './jobs.store.ts';

export { DEFAULT_JOB_SETTINGS, type JobSettings };

/** Bounds of the settings (the messages in jobs.messages.ts name them). */
export const MAX_REMINDER_DAYS = 10;
export const MAX_ANONYMISE_MONTHS = 120;
export const MAX_DELETE_MONTHS = 240;

const whole = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message));

/** The settings form (field names as posted); messages are i18n keys. */
export const jobSettingsSchema = z
  .object({
    reminderDays: whole(0, MAX_REMINDER_DAYS, 'signals.jobs.error.reminderDays'),
    escalationEnabled: z.literal('1').optional(),
    anonymiseAfterMonths: whole(1, MAX_ANONYMISE_MONTHS, 'signals.jobs.error.anonymise'),
    deleteCancelledAfterMonths: whole(1, MAX_DELETE_MONTHS, 'signals.jobs.error.deleteCancelled'),
    deleteClosedAfterMonths: whole(1, MAX_DELETE_MONTHS, 'signals.jobs.error.deleteClosed'),
  })
  .refine((v) => v.anonymiseAfterMonths <= v.deleteClosedAfterMonths, {
    path: ['anonymiseAfterMonths'],
    message: 'signals.jobs.error.anonymiseAfterDelete',
  })
  .transform((v): JobSettings => ({
    reminderDays: v.reminderDays,
    escalationEnabled: v.escalationEnabled === '1',
    anonymiseAfterMonths: v.anonymiseAfterMonths,
    deleteCancelledAfterMonths: v.deleteCancelledAfterMonths,
    deleteClosedAfterMonths: v.deleteClosedAfterMonths,
  }));

/** The tenant's job settings, or the defaults while it has none saved. */
export async function getJobSettings(db: DbOrTrx, tenantId: string): Promise<JobSettings> {
  return (await findJobSettings(db, tenantId)) ?? { ...DEFAULT_JOB_SETTINGS };
}

/** Save the tenant's job settings and audit which fields changed (values are not personal data, but only names are kept). */
export async function saveJobSettings(
  db: DbOrTrx,
  args: { tenantId: string; settings: JobSettings; actorUserId: string | null; ip?: string | null; now: Date },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await getJobSettings(trx, args.tenantId);
    const changed = (Object.keys(args.settings) as (keyof JobSettings)[]).filter((k) => before[k] !== args.settings[k]);
    await upsertJobSettings(trx, args.tenantId, args.settings, args.now);
    await recordAudit(trx, {
      tenantId: args.tenantId,
      actorUserId: args.actorUserId,
      action: 'update',
      entity: 'signals_job_settings',
      entityId: args.tenantId,
      ip: args.ip ?? null,
      detail: { changed },
    });
  });
}
