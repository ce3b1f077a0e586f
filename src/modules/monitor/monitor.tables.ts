import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Row types of the monitor module's tables (only this module's stores query them). */
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableStamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A day as text 'YYYY-MM-DD' (the same on PGlite and pg; sorts as it reads). */
type Day = string;

export interface MonitorIndicatorsTable {
  tenant_id: string;
  code: string;
  name_nl: string;
  name_en: string;
  description_nl: ColumnType<string, string | undefined, string>;
  description_en: ColumnType<string, string | undefined, string>;
  unit: string;
  direction: string;
  source: string;
  theme: string;
  formula: string | null;
  min_respondents: ColumnType<number, number | undefined, number>;
  decimals: ColumnType<number, number | undefined, number>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface MonitorMeasurementsTable {
  tenant_id: string;
  indicator_code: string;
  area_code: string;
  period: string;
  period_start: Day;
  period_end: Day;
  value: number | null;
  respondents: number | null;
  ci_low: number | null;
  ci_high: number | null;
  status: ColumnType<'ok' | 'suppressed' | 'unknown', 'ok' | 'suppressed' | 'unknown' | undefined, 'ok' | 'suppressed' | 'unknown'>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  source_note: ColumnType<string, string | undefined, string>;
  computed_at: Stamp;
}

export interface MonitorTargetsTable {
  tenant_id: string;
  id: Generated<string>;
  indicator_code: string;
  /** null: the target holds for the municipality as a whole. */
  area_code: string | null;
  baseline_period: string;
  baseline_value: number | null;
  target_value: number;
  target_year: number;
  comparator: 'at_least' | 'at_most';
  note_nl: ColumnType<string, string | undefined, string>;
  note_en: ColumnType<string, string | undefined, string>;
  source_note: ColumnType<string, string | undefined, string>;
  /** Set by the programme module (issue 14) when a goal points at this target. */
  programme_goal_id: string | null;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Stamp;
}

/** CBS division changes: a code of one year onto a code of a later year (IND_WBI 1/2/3), with a weight. */
export interface MonitorCrosswalkTable {
  tenant_id: string;
  from_code: string;
  from_year: number;
  to_code: string;
  to_year: number;
  weight: number;
  change_kind: 1 | 2 | 3;
  source_note: ColumnType<string, string | undefined, string>;
}

/** The municipality's own judgement of an area (e.g. Heerhugowaard 2009, seed 001 §4.1). */
export interface MonitorRecordedClassificationsTable {
  tenant_id: string;
  area_code: string;
  year: number;
  class: 'above' | 'around' | 'below';
  label: ColumnType<string, string | undefined, string>;
  knelpunten: JSONColumnType<string[]>;
  method: ColumnType<string, string | undefined, string>;
  source_note: ColumnType<string, string | undefined, string>;
}

export interface MonitorImportsTable {
  tenant_id: string;
  id: Generated<string>;
  file_name: string;
  format: 'csv' | 'xlsx' | 'cbs';
  outcome: 'imported' | 'rejected';
  created: ColumnType<number, number | undefined, number>;
  updated: ColumnType<number, number | undefined, number>;
  rejected: JSONColumnType<{ row: number; reason: string }[]>;
  imported_by: string | null;
  created_at: Stamp;
}

export interface MonitorPerspectivesTable {
  tenant_id: string;
  id: Generated<string>;
  area_code: string;
  version: number;
  status: ColumnType<'draft' | 'agreed', 'draft' | 'agreed' | undefined, 'draft' | 'agreed'>;
  /** The document (demand, supply answers, knelpunten, SWOT, priorities); shape in perspective/. */
  content: JSONColumnType<Record<string, unknown>>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: Stamp;
  agreed_at: NullableStamp;
}

export interface MonitorPerspectiveContributionsTable {
  tenant_id: string;
  id: Generated<string>;
  area_code: string;
  kind: 'strength' | 'weakness' | 'opportunity' | 'threat' | 'knelpunt' | 'answer';
  /** For `answer`: which of Groningen's ten questions (1–10). */
  question: number | null;
  text: string;
  organisation_id: string | null;
  author_id: string | null;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Stamp;
}

/** One run of the recompute job for one municipality and one indicator source (live/recompute.ts). */
export interface MonitorRecomputeRunsTable {
  tenant_id: string;
  id: Generated<string>;
  source_id: string;
  started_at: Stamp;
  duration_ms: number;
  measurements: ColumnType<number, number | undefined, number>;
  outcome: ColumnType<'ok' | 'failed', 'ok' | 'failed' | undefined, 'ok' | 'failed'>;
}

export interface MonitorTables {
  monitor_indicators: MonitorIndicatorsTable;
  monitor_measurements: MonitorMeasurementsTable;
  monitor_targets: MonitorTargetsTable;
  monitor_crosswalk: MonitorCrosswalkTable;
  monitor_recorded_classifications: MonitorRecordedClassificationsTable;
  monitor_imports: MonitorImportsTable;
  monitor_perspectives: MonitorPerspectivesTable;
  monitor_perspective_contributions: MonitorPerspectiveContributionsTable;
  monitor_recompute_runs: MonitorRecomputeRunsTable;
}

declare module '../../platform/db/schema.ts' {
  interface Database extends MonitorTables {}
}
