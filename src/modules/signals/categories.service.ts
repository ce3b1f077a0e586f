/** Categories in groups, routing rules, the default desk and standard texts of a tenant. */
import type { DbOrTrx } from '../../platform/db/database.ts';
import * as store from './categories.store.ts';
import type { CategoryQuestion } from './signals.tables.ts';
import type { SignalState } from './workflow.ts';

export type { CategoryRow, CategoryGroupRow, RoutingRuleRow } from './categories.store.ts';

export interface CategoryDefinition {
  serviceCode: string;
  name: string;
  description: string;
  deadlineDays: number;
  sensitive?: boolean;
  questions?: readonly CategoryQuestion[];
}

export interface GroupDefinition {
  code: string;
  name: string;
  description: string;
  categories: readonly CategoryDefinition[];
}

/** Create the groups and categories that do not exist yet (by code); returns category ids by service code. */
export async function ensureCategories(db: DbOrTrx, tenantId: string, groups: readonly GroupDefinition[], opts: { isDemo?: boolean } = {}): Promise<Map<string, string>> {
  const existingGroups = new Map((await store.listGroups(db, tenantId)).map((g) => [g.code, g.id]));
  const existingCats = new Map((await store.listCategories(db, tenantId)).map((c) => [c.service_code, c.id]));
  for (const [gi, g] of groups.entries()) {
    let groupId = existingGroups.get(g.code);
    if (!groupId) groupId = (await store.insertGroup(db, { tenant_id: tenantId, code: g.code, name: g.name, description: g.description, position: gi })).id;
    for (const [ci, c] of g.categories.entries()) {
      if (existingCats.has(c.serviceCode)) continue;
      const row = await store.insertCategory(db, {
        tenant_id: tenantId,
        group_id: groupId,
        service_code: c.serviceCode,
        name: c.name,
        description: c.description,
        deadline_days: c.deadlineDays,
        sensitive: c.sensitive ?? false,
        questions: c.questions ?? [],
        position: ci,
        is_demo: opts.isDemo ?? false,
      });
      existingCats.set(c.serviceCode, row.id);
    }
  }
  return existingCats;
}

export interface CategoryTreeGroup {
  group: store.CategoryGroupRow;
  categories: store.CategoryRow[];
}

/** Groups with their categories, in order; empty groups left out. */
export async function listCategoryTree(db: DbOrTrx, tenantId: string, opts: { activeOnly?: boolean; publicOnly?: boolean } = {}): Promise<CategoryTreeGroup[]> {
  const [groups, categories] = await Promise.all([store.listGroups(db, tenantId), store.listCategories(db, tenantId, opts)]);
  return groups.map((group) => ({ group, categories: categories.filter((c) => c.group_id === group.id) })).filter((g) => g.categories.length > 0);
}

/** Every category of a tenant (sensitive ones only when asked). */
export function listCategories(db: DbOrTrx, tenantId: string, opts: { activeOnly?: boolean; publicOnly?: boolean } = {}): Promise<store.CategoryRow[]> {
  return store.listCategories(db, tenantId, opts);
}

/** A category by its service code (null when unknown). */
export function findCategoryByCode(db: DbOrTrx, tenantId: string, code: string): Promise<store.CategoryRow | null> {
  return store.findCategoryByCode(db, tenantId, code);
}

/** A category by id (null when unknown). */
export function findCategoryById(db: DbOrTrx, tenantId: string, id: string): Promise<store.CategoryRow | null> {
  return store.findCategoryById(db, tenantId, id);
}

/** Add a routing rule at a position (lower first); null category/group/area match everything. */
export function addRoutingRule(
  db: DbOrTrx,
  tenantId: string,
  rule: { position: number; categoryId?: string | null; groupId?: string | null; areaCode?: string | null; organisationId: string },
): Promise<store.RoutingRuleRow> {
  return store.insertRoutingRule(db, {
    tenant_id: tenantId,
    position: rule.position,
    category_id: rule.categoryId ?? null,
    group_id: rule.groupId ?? null,
    area_code: rule.areaCode ?? null,
    organisation_id: rule.organisationId,
  });
}

/** The routing rules of a tenant in order. */
export function listRoutingRules(db: DbOrTrx, tenantId: string): Promise<store.RoutingRuleRow[]> {
  return store.listRoutingRules(db, tenantId);
}

/** Set the default desk: the organisation that gets signals no rule matches. */
export function setDefaultDesk(db: DbOrTrx, tenantId: string, organisationId: string | null, now: Date): Promise<void> {
  return store.setDefaultOrganisation(db, tenantId, organisationId, now);
}

/** The standard text for a category and state (the category's own, else the tenant default), or null. */
export function standardText(db: DbOrTrx, tenantId: string, categoryId: string, state: SignalState): Promise<string | null> {
  return store.findStandardText(db, tenantId, categoryId, state);
}

/** Set the standard text for a state, for one category or (null) as the tenant default. */
export function setStandardText(db: DbOrTrx, tenantId: string, categoryId: string | null, state: SignalState, text: string, now: Date): Promise<void> {
  return store.upsertStandardText(db, tenantId, categoryId, state, text, now);
}
