/** Queries of the settings pages: editing categories and groups, ordering routing rules, standard texts (signals module only). */
import type { Selectable, Updateable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { CategoryQuestion, SignalsCategoriesTable, SignalsStandardTextsTable } from '../signals.tables.ts';
import type { CategoryGroupRow, RoutingRuleRow } from './categories.store.ts';

export type StandardTextRow = Selectable<SignalsStandardTextsTable>;

export async function findGroupById(db: DbOrTrx, tenantId: string, id: string): Promise<CategoryGroupRow | null> {
  return (
    (await db
      .selectFrom('signals_category_groups')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

export async function findGroupByCode(db: DbOrTrx, tenantId: string, code: string): Promise<CategoryGroupRow | null> {
  return (
    (await db
      .selectFrom('signals_category_groups')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('code', '=', code)
      .executeTakeFirst()) ?? null
  );
}

/** Update a group's names and descriptions (never its code); null when it is not the tenant's. */
export async function updateGroup(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  values: { name: string; description: string; name_en: string; description_en: string },
): Promise<CategoryGroupRow | null> {
  return (
    (await db
      .updateTable('signals_category_groups')
      .set(values)
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst()) ?? null
  );
}

export async function maxGroupPosition(db: DbOrTrx, tenantId: string): Promise<number> {
  const r = await db
    .selectFrom('signals_category_groups')
    .select((eb) => eb.fn.max<number>('position').as('m'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return Number(r?.m ?? -1);
}

/** Update the editable fields of a category (never its service code). */
export async function updateCategory(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  patch: Omit<Updateable<SignalsCategoriesTable>, 'questions' | 'service_code' | 'tenant_id' | 'id'>,
): Promise<void> {
  await db.updateTable('signals_categories').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Lock a category row for a read-modify-write of its questions. */
export async function lockCategory(db: DbOrTrx, tenantId: string, id: string): Promise<Selectable<SignalsCategoriesTable> | null> {
  return (
    (await db
      .selectFrom('signals_categories')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()) ?? null
  );
}

export async function setQuestions(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  questions: readonly CategoryQuestion[],
  now: Date,
): Promise<void> {
  await db
    .updateTable('signals_categories')
    .set({ questions: JSON.stringify(questions), updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export async function deleteCategory(db: DbOrTrx, tenantId: string, id: string): Promise<void> {
  await db.deleteFrom('signals_categories').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Number of signals per category id of a tenant. */
export async function countSignalsByCategory(db: DbOrTrx, tenantId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('signals_signals')
    .select(['category_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .groupBy('category_id')
    .execute();
  return new Map(rows.map((r) => [r.category_id, Number(r.n)]));
}

export async function countSignalsOfCategory(db: DbOrTrx, tenantId: string, categoryId: string): Promise<number> {
  const r = await db
    .selectFrom('signals_signals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('category_id', '=', categoryId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The routing rules of a tenant in order, locked for renumbering. */
export function lockRoutingRules(db: DbOrTrx, tenantId: string): Promise<RoutingRuleRow[]> {
  return db
    .selectFrom('signals_routing_rules')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function setRulePosition(db: DbOrTrx, tenantId: string, id: string, position: number): Promise<void> {
  await db.updateTable('signals_routing_rules').set({ position }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function deleteRoutingRule(db: DbOrTrx, tenantId: string, id: string): Promise<number> {
  const r = await db.deleteFrom('signals_routing_rules').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Every standard text of a tenant (defaults have no category). */
export function listStandardTexts(db: DbOrTrx, tenantId: string): Promise<StandardTextRow[]> {
  return db.selectFrom('signals_standard_texts').selectAll().where('tenant_id', '=', tenantId).orderBy('state').execute();
}

export async function deleteStandardText(db: DbOrTrx, tenantId: string, categoryId: string | null, state: string): Promise<number> {
  let q = db
    .deleteFrom('signals_standard_texts')
    .where('tenant_id', '=', tenantId)
    .where('state', '=', state as never);
  q = categoryId ? q.where('category_id', '=', categoryId) : q.where('category_id', 'is', null);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}
