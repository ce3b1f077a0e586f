import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type {
  InitiativeBudgetsTable,
  InitiativeCofundingTable,
  InitiativeFundsTable,
  InitiativeRoundsTable,
} from '../initiatives.tables.ts';

/** SQL of funds, their budgets per year and area, co-funding and rounds. Only this module's tables. */
export type FundRow = Selectable<InitiativeFundsTable>;
export type BudgetRow = Selectable<InitiativeBudgetsTable>;
export type CofundingRow = Selectable<InitiativeCofundingTable>;
export type RoundRow = Selectable<InitiativeRoundsTable>;

export function listFunds(db: DbOrTrx, tenantId: string): Promise<FundRow[]> {
  return db.selectFrom('initiative_funds').selectAll().where('tenant_id', '=', tenantId).orderBy('name_nl').orderBy('id').execute();
}

export function fundBySlug(db: DbOrTrx, tenantId: string, slug: string): Promise<FundRow | undefined> {
  return db.selectFrom('initiative_funds').selectAll().where('tenant_id', '=', tenantId).where('slug', '=', slug).executeTakeFirst();
}

export function fundById(db: DbOrTrx, tenantId: string, id: string): Promise<FundRow | undefined> {
  return db.selectFrom('initiative_funds').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function insertFund(db: DbOrTrx, row: Insertable<InitiativeFundsTable>): Promise<FundRow> {
  return db.insertInto('initiative_funds').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateFund(db: DbOrTrx, tenantId: string, id: string, set: Updateable<InitiativeFundsTable>): Promise<void> {
  await db.updateTable('initiative_funds').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export function budgetsOf(db: DbOrTrx, tenantId: string, fundId: string, year?: number): Promise<BudgetRow[]> {
  let q = db.selectFrom('initiative_budgets').selectAll().where('tenant_id', '=', tenantId).where('fund_id', '=', fundId);
  if (year !== undefined) q = q.where('year', '=', year);
  return q.orderBy('year', 'desc').orderBy('label_nl').orderBy('id').execute();
}

export function cofundingOf(db: DbOrTrx, tenantId: string, fundId: string, year?: number): Promise<CofundingRow[]> {
  let q = db.selectFrom('initiative_cofunding').selectAll().where('tenant_id', '=', tenantId).where('fund_id', '=', fundId);
  if (year !== undefined) q = q.where('year', '=', year);
  return q.orderBy('year', 'desc').orderBy('source_name').orderBy('id').execute();
}

/** Delete a fund's budgets of one year except those kept (rounds referring to a deleted one lose the link). */
export async function deleteBudgetsExcept(
  db: DbOrTrx,
  tenantId: string,
  fundId: string,
  year: number,
  keep: readonly string[],
): Promise<void> {
  let q = db.deleteFrom('initiative_budgets').where('tenant_id', '=', tenantId).where('fund_id', '=', fundId).where('year', '=', year);
  if (keep.length > 0) q = q.where('id', 'not in', [...keep]);
  await q.execute();
}

export async function insertBudget(db: DbOrTrx, row: Insertable<InitiativeBudgetsTable>): Promise<void> {
  await db
    .insertInto('initiative_budgets')
    .values({ ...row, area_codes: JSON.stringify(row.area_codes ?? []) as never })
    .execute();
}

export async function updateBudget(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  set: { label_nl: string; label_en: string; area_codes: string[]; amount_cents: number; source_note: string },
): Promise<void> {
  await db
    .updateTable('initiative_budgets')
    .set({ ...set, area_codes: JSON.stringify(set.area_codes) as never })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export async function insertCofunding(db: DbOrTrx, row: Insertable<InitiativeCofundingTable>): Promise<void> {
  await db
    .insertInto('initiative_cofunding')
    .values({ ...row, area_codes: JSON.stringify(row.area_codes ?? []) as never })
    .execute();
}

export async function deleteCofunding(db: DbOrTrx, tenantId: string, fundId: string, id: string): Promise<void> {
  await db
    .deleteFrom('initiative_cofunding')
    .where('tenant_id', '=', tenantId)
    .where('fund_id', '=', fundId)
    .where('id', '=', id)
    .execute();
}

export function roundsOf(db: DbOrTrx, tenantId: string, fundId?: string): Promise<RoundRow[]> {
  let q = db.selectFrom('initiative_rounds').selectAll().where('tenant_id', '=', tenantId);
  if (fundId !== undefined) q = q.where('fund_id', '=', fundId);
  return q.orderBy('opens_on', 'desc').orderBy('id').execute();
}

export function roundById(db: DbOrTrx, tenantId: string, id: string): Promise<RoundRow | undefined> {
  return db.selectFrom('initiative_rounds').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function insertRound(db: DbOrTrx, row: Insertable<InitiativeRoundsTable>): Promise<RoundRow> {
  return db
    .insertInto('initiative_rounds')
    .values({ ...row, area_codes: JSON.stringify(row.area_codes ?? []) as never })
    .returningAll()
    .executeTakeFirstOrThrow();
}
