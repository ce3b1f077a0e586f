/** Queries on the search synonyms of a municipality (socialmap_synonyms). */
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { SocialmapSynonymsTable } from './find.tables.ts';

export type SynonymRow = Selectable<SocialmapSynonymsTable>;

export function listSynonymRows(db: DbOrTrx, tenantId: string): Promise<SynonymRow[]> {
  return db.selectFrom('socialmap_synonyms').selectAll().where('tenant_id', '=', tenantId).orderBy('word').orderBy('id').execute();
}

export function findSynonymRow(db: DbOrTrx, tenantId: string, id: string): Promise<SynonymRow | undefined> {
  return db.selectFrom('socialmap_synonyms').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** Another row of the municipality with the same word (case-insensitive), if any. */
export function findSynonymByWord(db: DbOrTrx, tenantId: string, word: string): Promise<SynonymRow | undefined> {
  return db
    .selectFrom('socialmap_synonyms')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb(eb.fn('lower', ['word']), '=', word.toLowerCase()))
    .executeTakeFirst();
}

export function insertSynonyms(
  db: DbOrTrx,
  rows: readonly { tenant_id: string; word: string; alternatives: string; created_at: Date; updated_at: Date }[],
): Promise<SynonymRow[]> {
  if (rows.length === 0) return Promise.resolve([]);
  return db
    .insertInto('socialmap_synonyms')
    .values([...rows])
    .returningAll()
    .execute();
}

export function updateSynonymRow(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  patch: { word: string; alternatives: string; updated_at: Date },
): Promise<SynonymRow | undefined> {
  return db
    .updateTable('socialmap_synonyms')
    .set(patch)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteSynonymRow(db: DbOrTrx, tenantId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('socialmap_synonyms').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
