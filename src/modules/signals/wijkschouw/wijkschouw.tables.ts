import type { ColumnType, Generated } from 'kysely';

/** Row types of the tables added by the signals wijkschouw part. */
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableStamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type WijkschouwStatus = 'planned' | 'open' | 'closed';

export interface SignalsWijkschouwSessionsTable {
  tenant_id: string;
  id: Generated<string>;
  title: string;
  /** A wijk or buurt code of the tenant. */
  area_code: string;
  /** The day of the walk (ISO date). */
  walk_date: ColumnType<string, string, string>;
  meeting_point: ColumnType<string, string | undefined, string>;
  organiser_user_id: string | null;
  status: ColumnType<WijkschouwStatus, WijkschouwStatus | undefined, WijkschouwStatus>;
  closed_at: NullableStamp;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface SignalsWijkschouwParticipantsTable {
  tenant_id: string;
  id: Generated<string>;
  session_id: string;
  name: string;
  /** Role or organisation as typed ("wijkagent", "QuaWonen"). */
  role: ColumnType<string, string | undefined, string>;
  /** For the summary mail; optional. */
  email: string | null;
  /** Linked when the e-mail belongs to a member of the tenant. */
  user_id: string | null;
  position: ColumnType<number, number | undefined, number>;
  created_at: Stamp;
}

export interface SignalsWijkschouwSignalsTable {
  tenant_id: string;
  session_id: string;
  /** A signal belongs to at most one session (primary key tenant_id, signal_id). */
  signal_id: string;
  created_at: Stamp;
}

export interface WijkschouwTables {
  signals_wijkschouw_sessions: SignalsWijkschouwSessionsTable;
  signals_wijkschouw_participants: SignalsWijkschouwParticipantsTable;
  signals_wijkschouw_signals: SignalsWijkschouwSignalsTable;
}
