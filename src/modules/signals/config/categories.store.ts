/** Queries on categories, groups, routing rules, settings and standard texts (signals module only). */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { CategoryQuestion, SignalsCategoriesTable, SignalsCategoryGroupsTable, SignalsRoutingRulesTable } from '../signals.tables.ts';
import type { SignalState } from '../workflow.ts';

export type CategoryGroupRow = Selectable<SignalsCategoryGroupsTable>;
export type CategoryRow = Selectable<SignalsCategoriesTable>;
export type RoutingRuleRow = Selectable<SignalsRoutingRulesTable>;

export async function insertGroup(db: DbOrTrx, row: Insertable<SignalsCategoryGroupsTable>): Promise<CategoryGroupRow> {
  return db.insertInto('signals_category_groups').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertCategory(
  db: DbOrTrx,
  row: Omit<Insertable<SignalsCategoriesTable>, 'questions'> & { questions?: readonly CategoryQuestion[] },
): Promise<CategoryRow> {
  const { questions, ...rest } = row;
  return db
    .insertInto('signals_categories')
    .values({ ...rest, questions: JSON.stringify(questions ?? []) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listGroups(db: DbOrTrx, tenantId: string): Promise<CategoryGroupRow[]> {
  return db
    .selectFrom('signals_category_groups')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('position')
    .orderBy('name')
    .execute();
}

export function listCategories(
  db: DbOrTrx,
  tenantId: string,
  opts: { activeOnly?: boolean; publicOnly?: boolean } = {},
): Promise<CategoryRow[]> {
  let q = db.selectFrom('signals_categories').selectAll().where('tenant_id', '=', tenantId);
  if (opts.activeOnly) q = q.where('active', '=', true);
  if (opts.publicOnly) q = q.where('sensitive', '=', false);
  return q.orderBy('position').orderBy('name').execute();
}

export async function findCategoryById(db: DbOrTrx, tenantId: string, id: string): Promise<CategoryRow | null> {
  return (
    (await db.selectFrom('signals_categories').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst()) ??
    null
  );
}

export async function findCategoryByCode(db: DbOrTrx, tenantId: string, code: string): Promise<CategoryRow | null> {
  return (
    (await db
      .selectFrom('signals_categories')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('service_code', '=', code)
      .executeTakeFirst()) ?? null
  );
}

/** What routing needs of a rule (routing.ts). */
export interface RoutingRuleFacts {
  group_id: string | null;
  category_id: string | null;
  area_code: string | null;
  organisation_id: string;
}

/**
 * A category (by id or service_code) with what a new signal needs besides it, in one query (issue
 * 17: one round trip instead of three): the tenant's routing rules in their order (position, then
 * creation, as listRoutingRules) and its default desk. Read in the caller's transaction, as fresh
 * as the three separate reads were.
 */
export async function findCategoryWithRouting(
  db: DbOrTrx,
  tenantId: string,
  by: { id: string } | { serviceCode: string },
  /** Also tell whether a signal of the tenant already has this idempotency key (a replay), in the same query. */
  idempotencyKey: string | null = null,
): Promise<{ category: CategoryRow; rules: RoutingRuleFacts[]; defaultOrganisationId: string | null; replayOf: string | null } | null> {
  let q = db
    .selectFrom('signals_categories as c')
    .selectAll('c')
    .select(
      sql<RoutingRuleFacts[]>`(select coalesce(json_agg(json_build_object('group_id', r.group_id, 'category_id', r.category_id,
        'area_code', r.area_code, 'organisation_id', r.organisation_id) order by r.position, r.created_at), '[]'::json)
        from signals_routing_rules r where r.tenant_id = c.tenant_id)`.as('routing_rules'),
    )
    .select(
      sql<string | null>`(select s.default_organisation_id from signals_settings s where s.tenant_id = c.tenant_id)`.as(
        'default_organisation_id',
      ),
    )
    .select(
      sql<string | null>`(select s.id from signals_signals s where s.tenant_id = c.tenant_id and s.idempotency_key = ${idempotencyKey})`.as(
        'replay_of',
      ),
    )
    .where('c.tenant_id', '=', tenantId);
  q = 'id' in by ? q.where('c.id', '=', by.id) : q.where('c.service_code', '=', by.serviceCode);
  const r = await q.executeTakeFirst();
  if (!r) return null;
  const { routing_rules, default_organisation_id, replay_of, ...category } = r;
  const rules = typeof routing_rules === 'string' ? (JSON.parse(routing_rules) as RoutingRuleFacts[]) : routing_rules;
  return { category, rules, defaultOrganisationId: default_organisation_id, replayOf: replay_of };
}

export function listRoutingRules(db: DbOrTrx, tenantId: string): Promise<RoutingRuleRow[]> {
  return db
    .selectFrom('signals_routing_rules')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}

export async function insertRoutingRule(db: DbOrTrx, row: Insertable<SignalsRoutingRulesTable>): Promise<RoutingRuleRow> {
  return db.insertInto('signals_routing_rules').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function getDefaultOrganisation(db: DbOrTrx, tenantId: string): Promise<string | null> {
  const r = await db.selectFrom('signals_settings').select('default_organisation_id').where('tenant_id', '=', tenantId).executeTakeFirst();
  return r?.default_organisation_id ?? null;
}

export async function setDefaultOrganisation(db: DbOrTrx, tenantId: string, organisationId: string | null, now: Date): Promise<void> {
  await db
    .insertInto('signals_settings')
    .values({ tenant_id: tenantId, default_organisation_id: organisationId, updated_at: now })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ default_organisation_id: organisationId, updated_at: now }))
    .execute();
}

/** The standard text for a category and state: the category's own, else the tenant's default; English when asked and stored. */
export async function findStandardText(
  db: DbOrTrx,
  tenantId: string,
  categoryId: string,
  state: SignalState,
  locale: 'nl' | 'en' = 'nl',
): Promise<string | null> {
  const rows = await db
    .selectFrom('signals_standard_texts')
    .select(['category_id', 'text', 'text_en'])
    .where('tenant_id', '=', tenantId)
    .where('state', '=', state)
    .where((eb) => eb.or([eb('category_id', '=', categoryId), eb('category_id', 'is', null)]))
    .execute();
  const row = rows.find((r) => r.category_id === categoryId) ?? rows[0];
  return row ? (locale === 'en' && row.text_en ? row.text_en : row.text) : null;
}

export async function upsertStandardText(
  db: DbOrTrx,
  tenantId: string,
  categoryId: string | null,
  state: SignalState,
  text: string,
  now: Date,
  textEn = '',
): Promise<void> {
  let q = db.deleteFrom('signals_standard_texts').where('tenant_id', '=', tenantId).where('state', '=', state);
  q = categoryId ? q.where('category_id', '=', categoryId) : q.where('category_id', 'is', null);
  await q.execute();
  await db
    .insertInto('signals_standard_texts')
    .values({ tenant_id: tenantId, category_id: categoryId, state, text, text_en: textEn, updated_at: now })
    .execute();
}
