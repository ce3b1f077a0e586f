import type { ColumnType } from 'kysely';

type Stamp = ColumnType<Date, Date | string, Date | string>;

/** One precomputed occurrence of a schedule for a service (see occurrences.service.ts). */
export interface SocialmapOccurrencesTable {
  tenant_id: string;
  service_id: string;
  schedule_id: string;
  starts_at: Stamp;
  ends_at: Stamp;
  /** The civil date in Amsterdam (YYYY-MM-DD) the occurrence belongs to. */
  date: string;
  all_day: boolean;
  cancelled: boolean;
}

/** The days (inclusive, YYYY-MM-DD) whose occurrences a municipality's table holds. */
export interface SocialmapOccurrenceWindowsTable {
  tenant_id: string;
  first_day: string;
  last_day: string;
  computed_at: Stamp;
  /** The days a running job is filling (null when none): edits write them too. */
  fill_first_day: ColumnType<string | null, string | null | undefined, string | null>;
  fill_last_day: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface OccurrenceTables {
  socialmap_occurrences: SocialmapOccurrencesTable;
  socialmap_occurrence_windows: SocialmapOccurrenceWindowsTable;
}
