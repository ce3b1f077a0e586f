import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { ApplicationStatus, InitiativeApplicationsTable, InitiativeCosignersTable } from '../initiatives.tables.ts';

/** SQL of applications and their co-signers. Only this module's tables. */
export type ApplicationRow = Selectable<InitiativeApplicationsTable>;
export type CosignerRow = Selectable<InitiativeCosignersTable>;

export interface ApplicationFilter {
  fundId?: string;
  roundId?: string;
  areaCodes?: readonly string[];
  status?: ApplicationStatus | readonly ApplicationStatus[];
  applicantUserId?: string;
}

export function applicationById(db: DbOrTrx, tenantId: string, id: string): Promise<ApplicationRow | undefined> {
  return db.selectFrom('initiative_applications').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export function applicationByReference(db: DbOrTrx, tenantId: string, reference: string): Promise<ApplicationRow | undefined> {
  return db
    .selectFrom('initiative_applications')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('reference', '=', reference)
    .executeTakeFirst();
}

export function listApplications(db: DbOrTrx, tenantId: string, f: ApplicationFilter = {}): Promise<ApplicationRow[]> {
  let q = db.selectFrom('initiative_applications').selectAll().where('tenant_id', '=', tenantId);
  if (f.fundId) q = q.where('fund_id', '=', f.fundId);
  if (f.roundId) q = q.where('round_id', '=', f.roundId);
  if (f.areaCodes) q = f.areaCodes.length === 0 ? q.where('id', 'is', null) : q.where('area_code', 'in', [...f.areaCodes]);
  if (f.status !== undefined) {
    const s: readonly ApplicationStatus[] = typeof f.status === 'string' ? [f.status] : f.status;
    q = s.length === 0 ? q.where('id', 'is', null) : q.where('status', 'in', [...s]);
  }
  if (f.applicantUserId) q = q.where('applicant_user_id', '=', f.applicantUserId);
  return q.orderBy('created_at', 'desc').orderBy('reference', 'desc').execute();
}

/** The highest sequence number used in references of one year ("INI-2026-0007" → 7), 0 when none. */
export async function lastReferenceNumber(db: DbOrTrx, tenantId: string, year: number): Promise<number> {
  const rows = await db
    .selectFrom('initiative_applications')
    .select('reference')
    .where('tenant_id', '=', tenantId)
    .where('reference', 'like', `INI-${year}-%`)
    .execute();
  return rows.reduce((max, r) => Math.max(max, Number(r.reference.slice(9)) || 0), 0);
}

export async function insertApplication(db: DbOrTrx, row: Insertable<InitiativeApplicationsTable>): Promise<ApplicationRow> {
  return db
    .insertInto('initiative_applications')
    .values({ ...row, budget_lines: JSON.stringify(row.budget_lines ?? []) as never })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateApplication(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  set: Updateable<InitiativeApplicationsTable>,
): Promise<number> {
  const patch = { ...set } as Record<string, unknown>;
  if (patch['feasibility'] !== undefined) patch['feasibility'] = JSON.stringify(patch['feasibility']);
  if (patch['budget_lines'] !== undefined) patch['budget_lines'] = JSON.stringify(patch['budget_lines']);
  const r = await db
    .updateTable('initiative_applications')
    .set(patch as Updateable<InitiativeApplicationsTable>)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function cosignersOf(db: DbOrTrx, tenantId: string, applicationIds: readonly string[]): Promise<CosignerRow[]> {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('initiative_cosigners')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('application_id', 'in', [...applicationIds])
    .orderBy('display_name')
    .orderBy('id')
    .execute();
}

export async function insertCosigners(db: DbOrTrx, rows: Insertable<InitiativeCosignersTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('initiative_cosigners').values(rows).execute();
}

export function cosignerByHash(db: DbOrTrx, tenantId: string, tokenHash: string): Promise<CosignerRow | undefined> {
  return db
    .selectFrom('initiative_cosigners')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Confirm once: true when this call confirmed it. */
export async function confirmCosigner(db: DbOrTrx, tenantId: string, id: string, day: string): Promise<boolean> {
  const r = await db
    .updateTable('initiative_cosigners')
    .set({ confirmed_on: day })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('confirmed_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A fund's applications with a decision that grants money (full or partial). */
export async function grantedApplications(db: DbOrTrx, tenantId: string, fundId: string): Promise<ApplicationRow[]> {
  return db
    .selectFrom('initiative_applications')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('fund_id', '=', fundId)
    .where('decision', 'in', ['full', 'partial'])
    .execute();
}

/** The co-signer's outbox mail was removed: forget its id. */
export async function clearCosignerMail(db: DbOrTrx, tenantId: string, id: string): Promise<void> {
  await db.updateTable('initiative_cosigners').set({ mail_id: null }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Co-signers whose link mail is still in the outbox, with what decides whether it may go: confirmed, the round's end, the status. */
export function cosignersWithMail(db: DbOrTrx, tenantId: string) {
  return db
    .selectFrom('initiative_cosigners as c')
    .innerJoin('initiative_applications as a', (j) => j.onRef('a.tenant_id', '=', 'c.tenant_id').onRef('a.id', '=', 'c.application_id'))
    .leftJoin('initiative_rounds as r', (j) => j.onRef('r.tenant_id', '=', 'a.tenant_id').onRef('r.id', '=', 'a.round_id'))
    .select(['c.id', 'c.mail_id', 'c.confirmed_on', 'a.status', 'r.closes_on'])
    .where('c.tenant_id', '=', tenantId)
    .where('c.mail_id', 'is not', null)
    .execute();
}
