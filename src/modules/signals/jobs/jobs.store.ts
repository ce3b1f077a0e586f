/** Queries of the signals jobs part: per-tenant job settings, deadline candidates and retention (signals module only). */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { OPEN_STATES } from '../workflow.ts';

export interface JobSettings {
  reminderDays: number;
  escalationEnabled: boolean;
  anonymiseAfterMonths: number;
  deleteCancelledAfterMonths: number;
  deleteClosedAfterMonths: number;
}

/** The defaults, also the column defaults of the migration: used while a tenant has no settings row. */
export const DEFAULT_JOB_SETTINGS: Readonly<JobSettings> = {
  reminderDays: 1,
  escalationEnabled: true,
  anonymiseAfterMonths: 12,
  deleteCancelledAfterMonths: 12,
  deleteClosedAfterMonths: 60,
};

export async function findJobSettings(db: DbOrTrx, tenantId: string): Promise<JobSettings | null> {
  const r = await db
    .selectFrom('signals_settings')
    .select([
      'reminder_days',
      'escalation_enabled',
      'anonymise_after_months',
      'delete_cancelled_after_months',
      'delete_closed_after_months',
    ])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  if (!r) return null;
  return {
    reminderDays: r.reminder_days,
    escalationEnabled: r.escalation_enabled,
    anonymiseAfterMonths: r.anonymise_after_months,
    deleteCancelledAfterMonths: r.delete_cancelled_after_months,
    deleteClosedAfterMonths: r.delete_closed_after_months,
  };
}

/** Insert or update only the job columns of the tenant's settings row (the default desk is left alone). */
export async function upsertJobSettings(db: DbOrTrx, tenantId: string, s: JobSettings, now: Date): Promise<void> {
  const values = {
    reminder_days: s.reminderDays,
    escalation_enabled: s.escalationEnabled,
    anonymise_after_months: s.anonymiseAfterMonths,
    delete_cancelled_after_months: s.deleteCancelledAfterMonths,
    delete_closed_after_months: s.deleteClosedAfterMonths,
    updated_at: now,
  };
  await db
    .insertInto('signals_settings')
    .values({ tenant_id: tenantId, default_organisation_id: null, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
    .execute();
}

// --- deadlines ---

const WATCHED_STATES = OPEN_STATES.filter((s) => s !== 'on_hold');

export interface DeadlineCandidate {
  id: string;
  public_id: string;
  state: string;
  organisation_id: string | null;
  deadline_at: Date;
  created_at: Date;
  reminded_at: Date | null;
  escalated_at: Date | null;
  category_name: string;
}

/** Open signals (not on hold) with a deadline before `horizon` that have not been escalated for their current deadline. */
export function listDeadlineCandidates(db: DbOrTrx, tenantId: string, horizon: Date): Promise<DeadlineCandidate[]> {
  return db
    .selectFrom('signals_signals as s')
    .innerJoin('signals_categories as c', (j) => j.onRef('c.tenant_id', '=', 's.tenant_id').onRef('c.id', '=', 's.category_id'))
    .select([
      's.id',
      's.public_id',
      's.state',
      's.organisation_id',
      's.created_at',
      's.reminded_at',
      's.escalated_at',
      'c.name as category_name',
    ])
    .select(sql<Date>`s.deadline_at`.as('deadline_at'))
    .where('s.tenant_id', '=', tenantId)
    .where('s.closed_at', 'is', null)
    .where('s.state', 'in', WATCHED_STATES)
    .where('s.deadline_at', 'is not', null)
    .where('s.deadline_at', '<=', horizon)
    .where((eb) => eb.or([eb('s.escalated_at', 'is', null), eb('s.escalated_at', '<', eb.ref('s.deadline_at'))]))
    .orderBy('s.deadline_at')
    .execute();
}

/** Open signals that were reopened, with the moment of the last reopening and the category's deadline in working days. */
export function listReopened(
  db: DbOrTrx,
  tenantId: string,
): Promise<{ id: string; deadline_at: Date | null; deadline_days: number; reopened_at: Date }[]> {
  return db
    .selectFrom('signals_signals as s')
    .innerJoin('signals_categories as c', (j) => j.onRef('c.tenant_id', '=', 's.tenant_id').onRef('c.id', '=', 's.category_id'))
    .innerJoin('signals_transitions as t', (j) =>
      j.onRef('t.tenant_id', '=', 's.tenant_id').onRef('t.signal_id', '=', 's.id').on('t.to_state', '=', 'heropend'),
    )
    .select(['s.id', 's.deadline_at', 'c.deadline_days'])
    .select((eb) => eb.fn.max<Date>('t.created_at').as('reopened_at'))
    .where('s.tenant_id', '=', tenantId)
    .where('s.closed_at', 'is', null)
    .where('s.state', 'in', OPEN_STATES)
    .groupBy(['s.id', 's.deadline_at', 'c.deadline_days'])
    .execute();
}

/** Move a signal's deadline later (never earlier): a reopened signal gets a new handling period. */
export async function extendDeadline(db: DbOrTrx, tenantId: string, id: string, deadline: Date): Promise<boolean> {
  const r = await db
    .updateTable('signals_signals')
    .set({ deadline_at: deadline })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where((eb) => eb.or([eb('deadline_at', 'is', null), eb('deadline_at', '<', deadline)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Claim the reminder of a signal for its current deadline; false when it was sent already (another run). */
export async function claimReminder(db: DbOrTrx, tenantId: string, id: string, remindFrom: Date, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('signals_signals')
    .set({ reminded_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .where((eb) => eb.or([eb('reminded_at', 'is', null), eb('reminded_at', '<', remindFrom)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Claim the escalation of a signal for its current deadline; false when it was escalated already. */
export async function claimEscalation(db: DbOrTrx, tenantId: string, id: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('signals_signals')
    .set({ escalated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .where('deadline_at', '<=', now)
    .where((eb) => eb.or([eb('escalated_at', 'is', null), eb('escalated_at', '<', eb.ref('deadline_at'))]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// --- retention ---

const ANONYMISED = '[geanonimiseerd]';

/** Anonymise closed signals closed before `cutoff` (see docs/signals-jobs.md for what counts as personal data); returns how many. */
export async function anonymiseClosed(
  db: DbOrTrx,
  tenantId: string,
  cutoff: Date,
  now: Date,
): Promise<{ signals: number; sensitive: number }> {
  const rows = await db
    .selectFrom('signals_signals as s')
    .innerJoin('signals_categories as c', (j) => j.onRef('c.tenant_id', '=', 's.tenant_id').onRef('c.id', '=', 's.category_id'))
    .select(['s.id', 'c.sensitive'])
    .where('s.tenant_id', '=', tenantId)
    .where('s.state', 'in', ['afgehandeld', 'geannuleerd'])
    .where('s.closed_at', '<', cutoff)
    .where('s.anonymised_at', 'is', null)
    .execute();
  if (rows.length === 0) return { signals: 0, sensitive: 0 };
  const ids = rows.map((r) => r.id);
  const sensitiveIds = rows.filter((r) => r.sensitive).map((r) => r.id);
  await db
    .updateTable('signals_signals')
    .set({
      reporter_name: null,
      reporter_email: null,
      reporter_phone: null,
      reporter_user_id: null,
      wants_feedback: false,
      anonymised_at: now,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
  await db.deleteFrom('signals_followers').where('tenant_id', '=', tenantId).where('signal_id', 'in', ids).execute();
  await db.deleteFrom('signals_tracking_tokens').where('tenant_id', '=', tenantId).where('signal_id', 'in', ids).execute();
  await db.updateTable('signals_feedback').set({ reason: null }).where('tenant_id', '=', tenantId).where('signal_id', 'in', ids).execute();
  if (sensitiveIds.length > 0) {
    // About a person, not a street light: the free text and the exact place go too; category, buurt/wijk and times stay for statistics.
    await db
      .updateTable('signals_signals')
      .set({ description: ANONYMISED, answers: '{}', address: ANONYMISED, latitude: null, longitude: null, photo_count: 0 })
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', sensitiveIds)
      .execute();
    // Photos of a care signal can show the person or their home.
    await db.deleteFrom('signals_photos').where('tenant_id', '=', tenantId).where('signal_id', 'in', sensitiveIds).execute();
    await db
      .updateTable('signals_transitions')
      .set({ internal_note: null, public_message: null })
      .where('tenant_id', '=', tenantId)
      .where('signal_id', 'in', sensitiveIds)
      .execute();
    await db
      .updateTable('signals_actions')
      .set({ description: ANONYMISED, result: null })
      .where('tenant_id', '=', tenantId)
      .where('signal_id', 'in', sensitiveIds)
      .execute();
  }
  return { signals: ids.length, sensitive: sensitiveIds.length };
}

/** Delete the signals in a closed state closed before `cutoff`; their history, actions, followers, tokens, feedback… go by cascade. */
export async function deleteClosedBefore(
  db: DbOrTrx,
  tenantId: string,
  state: 'afgehandeld' | 'geannuleerd',
  cutoff: Date,
): Promise<number> {
  const doomed = db
    .selectFrom('signals_signals')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('state', '=', state)
    .where('closed_at', '<', cutoff);
  // The Open311 link tables carry a signal id without a foreign key: clean them explicitly.
  await db.deleteFrom('open311_requests').where('tenant_id', '=', tenantId).where('signal_id', 'in', doomed).execute();
  await db.deleteFrom('open311_updates').where('tenant_id', '=', tenantId).where('signal_id', 'in', doomed).execute();
  const r = await db
    .deleteFrom('signals_signals')
    .where('tenant_id', '=', tenantId)
    .where('state', '=', state)
    .where('closed_at', '<', cutoff)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
