import type { ColumnType, Generated } from 'kysely';

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;

/**
 * A search synonym of one municipality: when a resident's words contain `word`, the search also
 * looks for each of the `alternatives` ("koffie" → "inloop, huiskamer"). Kept by coordinators.
 */
export interface SocialmapSynonymsTable {
  tenant_id: string;
  id: Generated<string>;
  /** Lower case, one or more words ("samen eten"); unique per municipality. */
  word: string;
  /** Comma-separated words or phrases ("eettafel, maaltijd"). */
  alternatives: string;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface FindTables {
  socialmap_synonyms: SocialmapSynonymsTable;
}
