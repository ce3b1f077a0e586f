/** Categories in groups, routing rules, the default desk and standard texts of a tenant. */
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { Invalid, NotFound, type FieldErrors } from '../../../platform/errors.ts';
import { getArea } from '../../areas/areas.service.ts';
import { listMembers, listOrganisations } from '../../people/people.service.ts';
import * as store from './categories.store.ts';
import * as config from './config.store.ts';
import { routeSignal } from './routing.ts';
import type { CategoryQuestion } from '../signals.tables.ts';
import { canTransition, isPublicState, SIGNAL_STATES, type SignalState } from '../workflow.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { can } from '../policies.ts';

/** Public states a signal can move to: the states a standard text is used for (as the prefill of the message to the reporter). */
export const TEXT_STATES: readonly SignalState[] = SIGNAL_STATES.filter(
  (s) => isPublicState(s) && SIGNAL_STATES.some((f) => canTransition(f, s)),
);

export interface CategoryDefinition {
  serviceCode: string;
  name: string;
  description: string;
  nameEn?: string;
  descriptionEn?: string;
  deadlineDays: number;
  sensitive?: boolean;
  questions?: readonly CategoryQuestion[];
}

export interface GroupDefinition {
  code: string;
  name: string;
  description: string;
  nameEn?: string;
  descriptionEn?: string;
  categories: readonly CategoryDefinition[];
}

/** Create the groups and categories that do not exist yet (by code); returns category ids by service code. */
export async function ensureCategories(
  db: DbOrTrx,
  tenantId: string,
  groups: readonly GroupDefinition[],
  opts: { isDemo?: boolean } = {},
): Promise<Map<string, string>> {
  const existingGroups = new Map((await store.listGroups(db, tenantId)).map((g) => [g.code, g.id]));
  const existingCats = new Map((await store.listCategories(db, tenantId)).map((c) => [c.service_code, c.id]));
  for (const [gi, g] of groups.entries()) {
    let groupId = existingGroups.get(g.code);
    if (!groupId) {
      groupId = (
        await store.insertGroup(db, {
          tenant_id: tenantId,
          code: g.code,
          name: g.name,
          description: g.description,
          name_en: g.nameEn ?? '',
          description_en: g.descriptionEn ?? '',
          position: gi,
        })
      ).id;
    }
    for (const [ci, c] of g.categories.entries()) {
      if (existingCats.has(c.serviceCode)) continue;
      const row = await store.insertCategory(db, {
        tenant_id: tenantId,
        group_id: groupId,
        service_code: c.serviceCode,
        name: c.name,
        description: c.description,
        name_en: c.nameEn ?? '',
        description_en: c.descriptionEn ?? '',
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
export async function listCategoryTree(
  db: DbOrTrx,
  tenantId: string,
  opts: { activeOnly?: boolean; publicOnly?: boolean } = {},
): Promise<CategoryTreeGroup[]> {
  const [groups, categories] = await Promise.all([store.listGroups(db, tenantId), store.listCategories(db, tenantId, opts)]);
  return groups
    .map((group) => ({ group, categories: categories.filter((c) => c.group_id === group.id) }))
    .filter((g) => g.categories.length > 0);
}

/** Every category of a tenant (sensitive ones only when asked). */
export function listCategories(
  db: DbOrTrx,
  tenantId: string,
  opts: { activeOnly?: boolean; publicOnly?: boolean } = {},
): Promise<store.CategoryRow[]> {
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

/** The standard text for a category and state (the category's own, else the tenant default) in a language, or null. */
export function standardText(db: DbOrTrx, tenantId: string, categoryId: string, state: SignalState, locale: 'nl' | 'en' = 'nl') {
  return store.findStandardText(db, tenantId, categoryId, state, locale);
}

/** Set the standard text for a state, for one category or (null) as the tenant default. */
export function setStandardText(
  db: DbOrTrx,
  tenantId: string,
  categoryId: string | null,
  state: SignalState,
  text: string,
  now: Date,
  textEn = '',
): Promise<void> {
  return store.upsertStandardText(db, tenantId, categoryId, state, text, now, textEn);
}

/** Who changes a setting (for the audit log). */
export interface SettingsActor {
  /** Who changes the settings: a coordinator or administrator of the municipality (policies.ts, `signal.config`). */
  principal: Principal;
  ip?: string | null;
}

/** Throws Forbidden unless the actor may change the municipality's signal settings (categories, routing, texts, default desk). */
export function authorizeSettings(actor: SettingsActor, tenantId: string): void {
  authorize(can(actor.principal, 'signal.config', { tenantId }));
}

/** The roles that can pick up a signal routed to their organisation (the routed organisation's `signal.handle`). */
const HANDLER_ROLES: ReadonlySet<string> = new Set(['professional', 'coordinator']);

/** The organisations of the tenant where nobody can pick up a signal: no (undeleted) member with a professional or coordinator role. */
export async function organisationsWithoutHandlers(db: DbOrTrx, tenantId: string): Promise<Set<string>> {
  const [orgs, members] = await Promise.all([listOrganisations(db, tenantId), listMembers(db, tenantId)]);
  const staffed = new Set(members.filter((m) => m.organisationId && HANDLER_ROLES.has(m.role)).map((m) => m.organisationId));
  return new Set(orgs.filter((o) => !staffed.has(o.id)).map((o) => o.id));
}

/** A rule's target: everything, one group or one category of the tenant. */
export type RuleTarget = { kind: 'all' } | { kind: 'group'; id: string } | { kind: 'category'; id: string };

/** Add a routing rule at the end of the list after checking that its group or category, area and organisation belong to the tenant; audited. */
export async function appendRoutingRule(
  db: DbOrTrx,
  tenantId: string,
  rule: { target: RuleTarget; areaCode: string | null; organisationId: string },
  actor: SettingsActor,
): Promise<store.RoutingRuleRow> {
  authorizeSettings(actor, tenantId);
  return inTransaction(db, async (trx) => {
    const errors: FieldErrors = {};
    if (rule.target.kind === 'group' && !(await config.findGroupById(trx, tenantId, rule.target.id))) {
      errors.target = 'signals.config.error.target';
    }
    if (rule.target.kind === 'category' && !(await store.findCategoryById(trx, tenantId, rule.target.id))) {
      errors.target = 'signals.config.error.target';
    }
    if (rule.areaCode) {
      const area = await getArea(trx, tenantId, rule.areaCode);
      if (!area || area.level === 'municipality') errors.area = 'signals.config.error.area';
    }
    if (!(await listOrganisations(trx, tenantId)).some((o) => o.id === rule.organisationId)) {
      errors.organisationId = 'signals.config.error.organisation';
    } else if ((await organisationsWithoutHandlers(trx, tenantId)).has(rule.organisationId)) {
      // A rule that sends signals to nobody: refused, so a worry never waits where no one looks.
      errors.organisationId = 'signals.config.error.organisationEmpty';
    }
    if (Object.keys(errors).length) throw Invalid(errors);
    const rules = await config.lockRoutingRules(trx, tenantId);
    const position = (rules.length + 1) * 10;
    await renumber(trx, tenantId, rules);
    const row = await store.insertRoutingRule(trx, {
      tenant_id: tenantId,
      position,
      group_id: rule.target.kind === 'group' ? rule.target.id : null,
      category_id: rule.target.kind === 'category' ? rule.target.id : null,
      area_code: rule.areaCode,
      organisation_id: rule.organisationId,
    });
    await recordAudit(trx, {
      tenantId,
      actorUserId: actor.principal.userId,
      ip: actor.ip ?? null,
      action: 'create',
      entity: 'signal_routing_rule',
      entityId: row.id,
      detail: { position, target: rule.target.kind, area: rule.areaCode },
    });
    return row;
  });
}

async function renumber(trx: DbOrTrx, tenantId: string, rules: readonly store.RoutingRuleRow[]): Promise<void> {
  for (const [i, r] of rules.entries()) if (r.position !== (i + 1) * 10) await config.setRulePosition(trx, tenantId, r.id, (i + 1) * 10);
}

/** Move a routing rule one place up or down; all positions are renumbered (10, 20, …) in one transaction; audited. */
export async function moveRoutingRule(
  db: DbOrTrx,
  tenantId: string,
  ruleId: string,
  dir: 'up' | 'down',
  actor: SettingsActor,
): Promise<void> {
  authorizeSettings(actor, tenantId);
  await inTransaction(db, async (trx) => {
    const rules = await config.lockRoutingRules(trx, tenantId);
    const i = rules.findIndex((r) => r.id === ruleId);
    if (i < 0) throw NotFound('signals.config.error.ruleNotFound');
    const j = dir === 'up' ? i - 1 : i + 1;
    if (j >= 0 && j < rules.length) [rules[i], rules[j]] = [rules[j]!, rules[i]!];
    await renumber(trx, tenantId, rules);
    await recordAudit(trx, {
      tenantId,
      actorUserId: actor.principal.userId,
      ip: actor.ip ?? null,
      action: 'update',
      entity: 'signal_routing_rule',
      entityId: ruleId,
      detail: { moved: dir, from: i + 1, to: Math.min(Math.max(j, 0), rules.length - 1) + 1 },
    });
  });
}

/** Delete a routing rule and renumber the rest; audited. */
export async function deleteRoutingRule(db: DbOrTrx, tenantId: string, ruleId: string, actor: SettingsActor): Promise<void> {
  authorizeSettings(actor, tenantId);
  await inTransaction(db, async (trx) => {
    const rules = await config.lockRoutingRules(trx, tenantId);
    if (!rules.some((r) => r.id === ruleId)) throw NotFound('signals.config.error.ruleNotFound');
    await config.deleteRoutingRule(trx, tenantId, ruleId);
    await renumber(
      trx,
      tenantId,
      rules.filter((r) => r.id !== ruleId),
    );
    await recordAudit(trx, {
      tenantId,
      actorUserId: actor.principal.userId,
      ip: actor.ip ?? null,
      action: 'delete',
      entity: 'signal_routing_rule',
      entityId: ruleId,
      detail: {},
    });
  });
}

export interface RouteTest {
  /** Index (0-based) of the first matching rule, or null when the default desk gets it. */
  ruleIndex: number | null;
  organisationId: string | null;
  /** True when nobody in that organisation can pick the signal up (no professional or coordinator member). */
  unstaffed: boolean;
  buurtCode: string | null;
  wijkCode: string | null;
}

/** Which rule routes a new signal of a category in an area (a wijk, a buurt or null for "unknown place"), and to which organisation. */
export async function testRoute(db: DbOrTrx, tenantId: string, categoryId: string, areaCode: string | null): Promise<RouteTest> {
  const category = await store.findCategoryById(db, tenantId, categoryId);
  if (!category) throw Invalid({ categorie: 'signals.config.error.category' });
  let buurtCode: string | null = null;
  let wijkCode: string | null = null;
  if (areaCode) {
    const area = await getArea(db, tenantId, areaCode);
    if (!area || area.level === 'municipality') throw Invalid({ gebied: 'signals.config.error.area' });
    if (area.level === 'neighbourhood') [buurtCode, wijkCode] = [area.code, area.parentCode];
    else wijkCode = area.code;
  }
  const input = { categoryId: category.id, groupId: category.group_id, buurtCode, wijkCode };
  const rules = (await store.listRoutingRules(db, tenantId)).map((r) => ({
    groupId: r.group_id,
    categoryId: r.category_id,
    areaCode: r.area_code,
    organisationId: r.organisation_id,
  }));
  const defaultDesk = await store.getDefaultOrganisation(db, tenantId);
  const organisationId = routeSignal(rules, input, defaultDesk);
  const ruleIndex = rules.findIndex((r) => routeSignal([r], input, null) !== null);
  const unstaffed = organisationId === null || (await organisationsWithoutHandlers(db, tenantId)).has(organisationId);
  return { ruleIndex: ruleIndex < 0 ? null : ruleIndex, organisationId, unstaffed, buurtCode, wijkCode };
}

/** Every standard text of the tenant (tenant defaults have category_id null). */
export function listStandardTexts(db: DbOrTrx, tenantId: string): Promise<config.StandardTextRow[]> {
  return config.listStandardTexts(db, tenantId);
}

async function checkTextTarget(db: DbOrTrx, tenantId: string, categoryId: string | null, state: SignalState): Promise<void> {
  if (!TEXT_STATES.includes(state)) throw Invalid({ state: 'signals.config.error.state' });
  if (categoryId && !(await store.findCategoryById(db, tenantId, categoryId))) {
    throw Invalid({ categoryId: 'signals.config.error.category' });
  }
}

/** Save the standard text of a public state, for one category or as the tenant default; audited. */
export async function saveStandardText(
  db: DbOrTrx,
  tenantId: string,
  categoryId: string | null,
  state: SignalState,
  text: string,
  actor: SettingsActor,
  now: Date,
  textEn = '',
): Promise<void> {
  authorizeSettings(actor, tenantId);
  await inTransaction(db, async (trx) => {
    await checkTextTarget(trx, tenantId, categoryId, state);
    const existed = (await config.listStandardTexts(trx, tenantId)).some((r) => r.state === state && r.category_id === categoryId);
    await store.upsertStandardText(trx, tenantId, categoryId, state, text, now, textEn);
    await recordAudit(trx, {
      tenantId,
      actorUserId: actor.principal.userId,
      ip: actor.ip ?? null,
      action: existed ? 'update' : 'create',
      entity: 'signal_standard_text',
      entityId: categoryId,
      detail: { state, scope: categoryId ? 'category' : 'default' },
    });
  });
}

/** Remove a standard text (a category's own text, or the tenant default); NotFound when there is none; audited. */
export async function removeStandardText(
  db: DbOrTrx,
  tenantId: string,
  categoryId: string | null,
  state: SignalState,
  actor: SettingsActor,
): Promise<void> {
  authorizeSettings(actor, tenantId);
  await inTransaction(db, async (trx) => {
    await checkTextTarget(trx, tenantId, categoryId, state);
    if ((await config.deleteStandardText(trx, tenantId, categoryId, state)) === 0) throw NotFound('signals.config.error.textNotFound');
    await recordAudit(trx, {
      tenantId,
      actorUserId: actor.principal.userId,
      ip: actor.ip ?? null,
      action: 'delete',
      entity: 'signal_standard_text',
      entityId: categoryId,
      detail: { state, scope: categoryId ? 'category' : 'default' },
    });
  });
}
