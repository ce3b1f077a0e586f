/** SQL of the review: applications with their fund's deadlines, payouts and overdue marks. Only this module's tables. */
import type { Selectable, Updateable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { ApplicationStatus, InitiativeApplicationsTable } from '../initiatives.tables.ts';
import type { InitiativePayoutsTable } from './review.tables.ts';

export type PayoutRow = Selectable<InitiativePayoutsTable>;

/** Statuses the coordinator still works on (the work list), and those a deadline can run out in. */
export const OPEN_STATUSES: readonly ApplicationStatus[] = ['submitted', 'acknowledged', 'in_review', 'decided', 'paid'];
export const UNDECIDED: readonly ApplicationStatus[] = ['submitted', 'acknowledged', 'in_review'];

const COLUMNS = [
  'a.id',
  'a.reference',
  'a.fund_id',
  'a.applicant_user_id',
  'a.entered_by',
  'a.group_name',
  'a.title',
  'a.what',
  'a.for_whom',
  'a.area_code',
  'a.starts_on',
  'a.ends_on',
  'a.budget_lines',
  'a.requested_cents',
  'a.own_money_cents',
  'a.own_in_kind',
  'a.status',
  'a.submitted_at',
  'a.acknowledged_at',
  'a.feasibility',
  'a.decision',
  'a.granted_cents',
  'a.decision_letter',
  'a.decided_at',
  'a.paid_cents',
  'a.paid_on',
  'a.is_demo',
  'f.name_nl as fund_name_nl',
  'f.name_en as fund_name_en',
  'f.acknowledge_working_days',
  'f.decide_weeks',
  'f.spot_check_percent',
] as const;

function withFund(db: DbOrTrx, tenantId: string) {
  return db
    .selectFrom('initiative_applications as a')
    .innerJoin('initiative_funds as f', (j) => j.onRef('f.tenant_id', '=', 'a.tenant_id').onRef('f.id', '=', 'a.fund_id'))
    .select(COLUMNS)
    .where('a.tenant_id', '=', tenantId);
}
export type ReviewRow = NonNullable<Awaited<ReturnType<typeof byReference>>>;

export function byReference(db: DbOrTrx, tenantId: string, reference: string) {
  return withFund(db, tenantId).where('a.reference', '=', reference).executeTakeFirst();
}

/** The work list: applications in the given statuses, oldest submission first. */
export function listByStatus(db: DbOrTrx, tenantId: string, statuses: readonly ApplicationStatus[]) {
  return withFund(db, tenantId)
    .where('a.status', 'in', [...statuses])
    .where('a.submitted_at', 'is not', null)
    .orderBy('a.submitted_at', 'asc')
    .orderBy('a.reference', 'asc')
    .execute();
}

/** Lock the application row for a change of money or status (PostgreSQL; PGlite runs one transaction at a time). */
export function lockApplication(db: DbOrTrx, tenantId: string, id: string) {
  return db
    .selectFrom('initiative_applications')
    .select(['id', 'status', 'decision', 'granted_cents', 'paid_cents', 'requested_cents'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Update an application only while it is in one of `from`; returns whether it was. */
export async function updateWhen(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  from: readonly ApplicationStatus[],
  set: Updateable<InitiativeApplicationsTable>,
): Promise<boolean> {
  const patch = { ...set } as Record<string, unknown>;
  if (patch['feasibility'] !== undefined) patch['feasibility'] = JSON.stringify(patch['feasibility']);
  const r = await db
    .updateTable('initiative_applications')
    .set(patch as Updateable<InitiativeApplicationsTable>)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function payoutsOf(db: DbOrTrx, tenantId: string, applicationId: string): Promise<PayoutRow[]> {
  return db
    .selectFrom('initiative_payouts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('application_id', '=', applicationId)
    .orderBy('paid_on', 'asc')
    .orderBy('created_at', 'asc')
    .execute();
}

export async function insertPayout(
  db: DbOrTrx,
  row: { tenantId: string; applicationId: string; paidOn: string; amountCents: number; recordedBy: string | null; now: Date },
): Promise<void> {
  await db
    .insertInto('initiative_payouts')
    .values({
      tenant_id: row.tenantId,
      application_id: row.applicationId,
      paid_on: row.paidOn,
      amount_cents: row.amountCents,
      recorded_by: row.recordedBy,
      created_at: row.now,
    })
    .execute();
}

/** Mark a missed deadline; true only the first time (the caller then mails, once). */
export async function claimMark(
  db: DbOrTrx,
  m: { tenantId: string; applicationId: string; kind: 'acknowledge' | 'decide'; dueAt: Date; now: Date },
): Promise<boolean> {
  const row = await db
    .insertInto('initiative_deadline_marks')
    .values({ tenant_id: m.tenantId, application_id: m.applicationId, kind: m.kind, due_at: m.dueAt, marked_at: m.now })
    .onConflict((oc) => oc.columns(['tenant_id', 'application_id', 'kind']).doNothing())
    .returning('kind')
    .executeTakeFirst();
  return row !== undefined;
}

export async function setMarkMails(db: DbOrTrx, tenantId: string, applicationId: string, kind: 'acknowledge' | 'decide', mails: number) {
  await db
    .updateTable('initiative_deadline_marks')
    .set({ mails })
    .where('tenant_id', '=', tenantId)
    .where('application_id', '=', applicationId)
    .where('kind', '=', kind)
    .execute();
}

export function marksOf(db: DbOrTrx, tenantId: string, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('initiative_deadline_marks')
    .select(['application_id', 'kind', 'marked_at'])
    .where('tenant_id', '=', tenantId)
    .where('application_id', 'in', [...applicationIds])
    .execute();
}

/** Demo only: make the demo resident the applicant of a municipality's demo applications that have none. */
export async function assignDemoApplicant(db: DbOrTrx, tenantId: string, userId: string): Promise<void> {
  await db
    .updateTable('initiative_applications')
    .set({ applicant_user_id: userId })
    .where('tenant_id', '=', tenantId)
    .where('is_demo', '=', true)
    .where('applicant_user_id', 'is', null)
    .execute();
}
