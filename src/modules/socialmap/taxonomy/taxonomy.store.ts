/** Queries on taxonomies and taxonomy terms. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { SocialmapTaxonomiesTable, SocialmapTaxonomyTermsTable } from '../socialmap.tables.ts';

export type TaxonomyRow = Selectable<SocialmapTaxonomiesTable>;
export type TermRow = Selectable<SocialmapTaxonomyTermsTable>;

export function listTaxonomyRows(db: DbOrTrx, tenantId: string): Promise<TaxonomyRow[]> {
  return db.selectFrom('socialmap_taxonomies').selectAll().where('tenant_id', '=', tenantId).orderBy('name').orderBy('id').execute();
}

export function findTaxonomy(db: DbOrTrx, tenantId: string, id: string): Promise<TaxonomyRow | undefined> {
  return db.selectFrom('socialmap_taxonomies').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function insertTaxonomy(db: DbOrTrx, row: Insertable<SocialmapTaxonomiesTable>): Promise<TaxonomyRow> {
  return db.insertInto('socialmap_taxonomies').values(row).returningAll().executeTakeFirstOrThrow();
}

export function listTermRows(
  db: DbOrTrx,
  tenantId: string,
  opts: { taxonomyId?: string; ids?: readonly string[]; codes?: readonly string[] } = {},
): Promise<TermRow[]> {
  let q = db.selectFrom('socialmap_taxonomy_terms').selectAll().where('tenant_id', '=', tenantId);
  if (opts.taxonomyId) q = q.where('taxonomy_id', '=', opts.taxonomyId);
  if (opts.ids) {
    if (opts.ids.length === 0) return Promise.resolve([]);
    q = q.where('id', 'in', opts.ids);
  }
  if (opts.codes) {
    if (opts.codes.length === 0) return Promise.resolve([]);
    q = q.where('code', 'in', opts.codes);
  }
  return q.orderBy('name').orderBy('id').execute();
}

export function findTerm(db: DbOrTrx, tenantId: string, id: string): Promise<TermRow | undefined> {
  return db.selectFrom('socialmap_taxonomy_terms').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function insertTerm(db: DbOrTrx, row: Insertable<SocialmapTaxonomyTermsTable>): Promise<TermRow> {
  return db.insertInto('socialmap_taxonomy_terms').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertTerms(db: DbOrTrx, rows: Insertable<SocialmapTaxonomyTermsTable>[]): Promise<TermRow[]> {
  return db.insertInto('socialmap_taxonomy_terms').values(rows).returningAll().execute();
}

export async function updateTerm(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  patch: Updateable<SocialmapTaxonomyTermsTable>,
): Promise<TermRow | undefined> {
  return db
    .updateTable('socialmap_taxonomy_terms')
    .set(patch)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}
