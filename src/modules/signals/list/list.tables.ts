import type { Generated } from 'kysely';

/** Row types of the tables added by the signals list part. */
export interface ListTables {
  signals_saved_filters: SignalsSavedFiltersTable;
}

/** A named list filter of one user in one tenant; `query` is the list's normalised query string. */
export interface SignalsSavedFiltersTable {
  tenant_id: string;
  id: Generated<string>;
  user_id: string;
  name: string;
  query: string;
  created_at: Generated<Date>;
}
