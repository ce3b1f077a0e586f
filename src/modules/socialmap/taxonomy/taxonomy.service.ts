/** Taxonomies and terms: the defaults per tenant, lookups, edits, tagging entities with terms. */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { Invalid, NotFound } from '../../../platform/errors.ts';
import * as store from '../socialmap.store.ts';
import { TERM_DESCRIPTION_MAX, TERM_NAME_MAX, termInput, type TermInput } from '../socialmap.schemas.ts';
import { DEFAULT_TAXONOMIES } from './taxonomy.ts';
import { audit, parseInput, type Actor } from '../actor.ts';
import { isUuid } from '../../../platform/ids.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { can } from '../policies.ts';

export type Taxonomy = store.TaxonomyRow;
export type TaxonomyTerm = store.TermRow;

/**
 * Create the default taxonomies (basic functions, target groups, accessibility) of a tenant when
 * missing; returns term ids by stable code. Safe to call again: existing rows are kept as edited.
 * Who keeps the categories (`socialmap.categories`); the demo seed and tests pass a system principal.
 */
export async function ensureDefaultTaxonomies(db: DbOrTrx, principal: Principal, tenantId: string): Promise<Map<string, string>> {
  authorize(can(principal, 'socialmap.categories', { tenantId }));
  return inTransaction(db, async (trx) => {
    const taxonomies = await store.listTaxonomyRows(trx, tenantId);
    const terms = await store.listTermRows(trx, tenantId);
    const byCode = new Map<string, string>();
    for (const t of terms) if (t.code) byCode.set(t.code, t.id);
    for (const def of DEFAULT_TAXONOMIES) {
      let tax = taxonomies.find((t) => t.code === def.code);
      tax ??= await store.insertTaxonomy(trx, {
        tenant_id: tenantId,
        code: def.code,
        name: def.name,
        name_en: def.nameEn,
        description: def.description,
        version: '1',
      });
      const missing = def.terms.filter((t) => !byCode.has(t.code));
      if (missing.length === 0) continue;
      const rows = await store.insertTerms(
        trx,
        missing.map((term) => ({
          tenant_id: tenantId,
          taxonomy_id: tax.id,
          code: term.code,
          name: term.name,
          description: term.description,
          name_en: term.nameEn,
          description_en: term.descriptionEn,
          taxonomy: def.name,
          language: 'nl',
        })),
      );
      for (const r of rows) byCode.set(r.code!, r.id);
    }
    return byCode;
  });
}

/** The tenant's taxonomies, by name. */
export function listTaxonomies(db: DbOrTrx, tenantId: string): Promise<Taxonomy[]> {
  return store.listTaxonomyRows(db, tenantId);
}

/** One taxonomy, or null. */
export async function getTaxonomy(db: DbOrTrx, tenantId: string, id: string): Promise<Taxonomy | null> {
  if (!isUuid(id)) return null;
  return (await store.findTaxonomy(db, tenantId, id)) ?? null;
}

/** The tenant's terms, optionally of one taxonomy (by id or stable code such as `functie`), by name. */
export async function listTerms(
  db: DbOrTrx,
  tenantId: string,
  opts: { taxonomyId?: string; taxonomyCode?: string; ids?: readonly string[] } = {},
): Promise<TaxonomyTerm[]> {
  let taxonomyId = opts.taxonomyId;
  if (opts.taxonomyCode) {
    const tax = (await store.listTaxonomyRows(db, tenantId)).find((t) => t.code === opts.taxonomyCode);
    if (!tax) return [];
    taxonomyId = tax.id;
  }
  return store.listTermRows(db, tenantId, { ...(taxonomyId ? { taxonomyId } : {}), ...(opts.ids ? { ids: opts.ids } : {}) });
}

/** One term, or null. */
export async function getTerm(db: DbOrTrx, tenantId: string, id: string): Promise<TaxonomyTerm | null> {
  if (!isUuid(id)) return null;
  return (await store.findTerm(db, tenantId, id)) ?? null;
}

/** Term ids of stable codes (`functie.ontmoeting`); unknown codes are left out. */
export async function termIdsByCode(db: DbOrTrx, tenantId: string, codes: readonly string[]): Promise<Map<string, string>> {
  const rows = await store.listTermRows(db, tenantId, { codes });
  return new Map(rows.filter((r) => r.code).map((r) => [r.code!, r.id]));
}

/**
 * The term ids for ids and/or stable codes, all of this tenant; an unknown one is refused with
 * Invalid on `field` (socialmap.error.unknownTerm).
 */
export async function resolveTermIds(
  db: DbOrTrx,
  tenantId: string,
  ids: readonly string[] = [],
  codes: readonly string[] = [],
  field = 'term_ids',
): Promise<string[]> {
  const out = new Set<string>();
  if (ids.length) {
    const found = await store.listTermRows(db, tenantId, { ids });
    if (found.length !== new Set(ids).size) throw Invalid({ [field]: 'socialmap.error.unknownTerm' });
    for (const t of found) out.add(t.id);
  }
  if (codes.length) {
    const found = await termIdsByCode(db, tenantId, codes);
    if (codes.some((c) => !found.has(c))) throw Invalid({ [field]: 'socialmap.error.unknownTerm' });
    for (const id of found.values()) out.add(id);
  }
  return [...out];
}

/** Create a term in a taxonomy of the tenant (the categories are a setting: coordinators and admins, policies.ts). */
export async function createTerm(db: DbOrTrx, tenantId: string, input: TermInput, actor: Actor): Promise<TaxonomyTerm> {
  authorize(can(actor, 'socialmap.categories', { tenantId }));
  const data = parseInput(termInput, input);
  return inTransaction(db, async (trx) => {
    const tax = await store.findTaxonomy(trx, tenantId, data.taxonomy_id);
    if (!tax) throw Invalid({ taxonomy_id: 'socialmap.error.unknownTaxonomy' });
    if (data.parent_id && !(await store.findTerm(trx, tenantId, data.parent_id))) {
      throw Invalid({ parent_id: 'socialmap.error.unknownTerm' });
    }
    const row = await store.insertTerm(trx, { ...data, tenant_id: tenantId, taxonomy: tax.name });
    await audit(trx, tenantId, actor, 'create', 'taxonomy_term', row.id);
    return row;
  });
}

/** Rename or re-describe a term (its code stays). */
export async function updateTerm(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  input: { name: string; description?: string; nameEn?: string; descriptionEn?: string },
  actor: Actor,
): Promise<TaxonomyTerm> {
  authorize(can(actor, 'socialmap.categories', { tenantId }));
  const name = input.name.trim();
  if (!name || name.length > TERM_NAME_MAX) throw Invalid({ name: 'socialmap.error.required' });
  const nameEn = (input.nameEn ?? '').trim();
  if (nameEn.length > TERM_NAME_MAX) throw Invalid({ name_en: 'socialmap.error.tooLong' });
  const description = (input.description ?? '').trim().slice(0, TERM_DESCRIPTION_MAX);
  const descriptionEn = (input.descriptionEn ?? '').trim().slice(0, TERM_DESCRIPTION_MAX);
  if (!isUuid(id)) throw NotFound('socialmap.error.termNotFound');
  return inTransaction(db, async (trx) => {
    // The English texts change only when the form sent them (an older form without them keeps them).
    const patch = {
      name,
      description,
      ...(input.nameEn !== undefined ? { name_en: nameEn || null } : {}),
      ...(input.descriptionEn !== undefined ? { description_en: descriptionEn || null } : {}),
    };
    const row = await store.updateTerm(trx, tenantId, id, patch);
    if (!row) throw NotFound('socialmap.error.termNotFound');
    await audit(trx, tenantId, actor, 'update', 'taxonomy_term', id, { fields: ['name', 'description', 'name_en', 'description_en'] });
    return row;
  });
}

/** Terms attached to these entities (services, locations…), by entity id. */
export async function termsByEntity(db: DbOrTrx, tenantId: string, linkIds: readonly string[]): Promise<Map<string, TaxonomyTerm[]>> {
  const attrs = await store.listAttributes(db, tenantId, linkIds);
  const terms = await store.listTermRows(db, tenantId, { ids: [...new Set(attrs.map((a) => a.taxonomy_term_id))] });
  const byId = new Map(terms.map((t) => [t.id, t]));
  const out = new Map<string, TaxonomyTerm[]>();
  for (const a of attrs) {
    const t = byId.get(a.taxonomy_term_id);
    if (!t) continue;
    const list = out.get(a.link_id) ?? [];
    list.push(t);
    out.set(a.link_id, list);
  }
  return out;
}
