import type { ColumnType, Generated } from 'kysely';

/** Row types of the Open311 part of the signals module (only open311/*.store.ts queries them). */
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableStamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** An API key issued by an administrator to one Open311 client; only its SHA-256 is stored. */
export interface Open311ApiKeysTable {
  tenant_id: string;
  id: Generated<string>;
  client_name: string;
  /** SHA-256 (hex) of the key. */
  key_hash: string;
  /** The first characters of the key, to recognise it in the list. */
  key_prefix: string;
  /** May create service requests (POST requests). */
  can_report: ColumnType<boolean, boolean | undefined, boolean>;
  /** May post updates as an external handler (POST servicerequestupdates). */
  can_handle: ColumnType<boolean, boolean | undefined, boolean>;
  /** A handler key may only update signals routed to this organisation (null: any public signal). */
  organisation_id: string | null;
  created_by: string | null;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Stamp;
  last_used_at: NullableStamp;
  revoked_at: NullableStamp;
  /** Writes (POST requests and servicerequestupdates) per minute allowed with this key; set by the administrator. */
  rate_limit: ColumnType<number, number | undefined, number>;
}

/** A service request created through Open311: which client, and its token (`tokens/{token}`). */
export interface Open311RequestsTable {
  tenant_id: string;
  token: Generated<string>;
  signal_id: string;
  api_key_id: string;
  created_at: Stamp;
}

/** An update received from an external handler (mySociety `servicerequestupdates`); update_id is unique per client. */
export interface Open311UpdatesTable {
  tenant_id: string;
  api_key_id: string;
  update_id: string;
  signal_id: string;
  transition_id: string | null;
  created_at: Stamp;
}

/** Writes counted per minute (fixed windows): per key (`k:{id}`) and per client address (`a:{hash}`). */
export interface Open311RateWindowsTable {
  tenant_id: string;
  bucket: string;
  window_start: Stamp;
  hits: ColumnType<number, number | undefined, number>;
}

export interface Open311Tables {
  open311_api_keys: Open311ApiKeysTable;
  open311_requests: Open311RequestsTable;
  open311_updates: Open311UpdatesTable;
  open311_rate_windows: Open311RateWindowsTable;
}
