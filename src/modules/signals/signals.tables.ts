import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { SignalState } from './workflow.ts';
import type { Open311Tables } from './open311/open311.tables.ts';
import type { ActionsTables } from './actions/actions.tables.ts';
import type { MergeTables } from './merge/merge.tables.ts';
import type { JobsTables } from './jobs/jobs.tables.ts';
import type { ListTables } from './list/list.tables.ts';
import type { PhotosTables } from './photos/photos.tables.ts';
import type { WijkschouwTables } from './wijkschouw/wijkschouw.tables.ts';
import type { ConfigTables } from './config/config.tables.ts';
import type { SectionTables } from './section/section.tables.ts';

/** Row types of the signals module's tables (only this module's stores query them). */
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableStamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type SignalSource = 'web' | 'open311' | 'wijkschouw';
export type ActionStatus = 'open' | 'done' | 'dropped';

/** One extra question of a category (asked while reporting; Open311 attribute). */
export interface CategoryQuestion {
  /** Stable key, also the Open311 attribute code. */
  key: string;
  label: string;
  type: 'text' | 'select' | 'yesno';
  required: boolean;
  /** Choices for `select` (value = shown text); `yesno` uses ja/nee. */
  options?: readonly string[];
  /** An answer that must not be submitted here: the message is shown instead (e.g. "Bel 112"). */
  hardStop?: { answer: string; message: string };
  /** English label (issue 12); absent: the Dutch one. */
  labelEn?: string;
  /** English text of each option, in the same order (the stored answer stays the Dutch option). */
  optionsEn?: readonly string[];
}

export interface SignalsSettingsTable {
  tenant_id: string;
  default_organisation_id: string | null;
  reminder_days: ColumnType<number, number | undefined, number>;
  escalation_enabled: ColumnType<boolean, boolean | undefined, boolean>;
  anonymise_after_months: ColumnType<number, number | undefined, number>;
  delete_cancelled_after_months: ColumnType<number, number | undefined, number>;
  delete_closed_after_months: ColumnType<number, number | undefined, number>;
  dissatisfied_policy: ColumnType<'reopen' | 'coordinator', 'reopen' | 'coordinator' | undefined, 'reopen' | 'coordinator'>;
  updated_at: Stamp;
}

export interface SignalsCategoryGroupsTable {
  tenant_id: string;
  id: Generated<string>;
  code: string;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  /** English name and description; '' means "use the Dutch one". */
  name_en: ColumnType<string, string | undefined, string>;
  description_en: ColumnType<string, string | undefined, string>;
  position: ColumnType<number, number | undefined, number>;
  created_at: Stamp;
}

export interface SignalsCategoriesTable {
  tenant_id: string;
  id: Generated<string>;
  group_id: string;
  /** Stable Open311 service_code, e.g. `verlichting`. */
  service_code: string;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  /** English name and description; '' means "use the Dutch one". */
  name_en: ColumnType<string, string | undefined, string>;
  description_en: ColumnType<string, string | undefined, string>;
  /** Handling deadline in working days (Dutch public holidays honoured, workdays.ts). */
  deadline_days: ColumnType<number, number | undefined, number>;
  questions: JSONColumnType<CategoryQuestion[], string | undefined, string>;
  /** Social concerns: never public, contact details required, every view audited. */
  sensitive: ColumnType<boolean, boolean | undefined, boolean>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  position: ColumnType<number, number | undefined, number>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface SignalsCountersTable {
  tenant_id: string;
  year: number;
  last_number: number;
  /** Secret key of the year's public numbers (public-id.ts); random, set by the database. */
  id_key: Generated<string>;
  /** Numbers 1…permuted_from were given out in sequence before public-id.ts; later ones avoid them. */
  permuted_from: Generated<number>;
}

export interface SignalsSignalsTable {
  tenant_id: string;
  id: Generated<string>;
  /** `SIG-2026-482913`: unique per tenant, a keyed permutation of the year's count (public-id.ts), so it shows no order or gaps. */
  public_id: string;
  category_id: string;
  description: string;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
  buurt_code: string | null;
  wijk_code: string | null;
  reporter_name: string | null;
  reporter_email: string | null;
  reporter_phone: string | null;
  wants_feedback: ColumnType<boolean, boolean | undefined, boolean>;
  reporter_user_id: string | null;
  /** The reporter's language (issue 12): their mails and standard texts are in it. */
  reporter_locale: ColumnType<'nl' | 'en', 'nl' | 'en' | undefined, 'nl' | 'en'>;
  /** Who entered it on behalf of the reporter (professional, volunteer). */
  created_by: string | null;
  source: ColumnType<SignalSource, SignalSource | undefined, SignalSource>;
  state: ColumnType<SignalState, SignalState | undefined, SignalState>;
  /** The people organisation the signal is routed to. */
  organisation_id: string | null;
  deadline_at: NullableStamp;
  answers: JSONColumnType<Record<string, string>, string | undefined, string>;
  idempotency_key: string | null;
  closed_at: NullableStamp;
  reminded_at: NullableStamp;
  escalated_at: NullableStamp;
  anonymised_at: NullableStamp;
  /** When the closing message to the reporter was queued (null: not sent, e.g. no contact details). */
  feedback_sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Merge: the main signal this duplicate was merged into (merge.service.ts). */
  merged_into_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Split: the signal this one was split off from (merge.service.ts). */
  split_from_id: ColumnType<string | null, string | null | undefined, string | null>;
  reopen_requested_at: NullableStamp;
  reopen_request_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** Number of photos attached (signals_photos); shown as thumbnails by position. */
  photo_count: ColumnType<number, number | undefined, number>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface SignalsTransitionsTable {
  tenant_id: string;
  id: Generated<string>;
  /** Order of the history (several steps can share a timestamp). */
  seq: Generated<number>;
  signal_id: string;
  from_state: SignalState | null;
  to_state: SignalState;
  internal_note: string | null;
  /** Sent to the reporter and followers; shown on the tracking page. */
  public_message: string | null;
  actor_user_id: string | null;
  /** Why it happened when not by a person: `feedback`, `open311`, `reassign`… */
  reason: string | null;
  created_at: Stamp;
}

export interface SignalsRoutingRulesTable {
  tenant_id: string;
  id: Generated<string>;
  position: number;
  group_id: string | null;
  category_id: string | null;
  /** A wijk or buurt code; null matches everywhere. */
  area_code: string | null;
  organisation_id: string;
  created_at: Stamp;
}

export interface SignalsFollowersTable {
  tenant_id: string;
  id: Generated<string>;
  signal_id: string;
  email: string | null;
  user_id: string | null;
  created_at: Stamp;
}

export interface SignalsTrackingTokensTable {
  /** SHA-256 of the random token in the link. */
  token_hash: string;
  tenant_id: string;
  signal_id: string;
  follower_id: string | null;
  created_at: Stamp;
  expires_at: Stamp;
}

export interface SignalsFeedbackTable {
  tenant_id: string;
  id: Generated<string>;
  signal_id: string;
  satisfied: boolean;
  solved: boolean | null;
  reason: string | null;
  created_at: Stamp;
}

export interface SignalsStandardTextsTable {
  tenant_id: string;
  id: Generated<string>;
  /** Null: the default for every category. */
  category_id: string | null;
  state: SignalState;
  text: string;
  /** English text; '' means "use the Dutch one". */
  text_en: ColumnType<string, string | undefined, string>;
  updated_at: Stamp;
}

export interface SignalsActionsTable {
  tenant_id: string;
  id: Generated<string>;
  signal_id: string;
  organisation_id: string;
  description: string;
  owner_user_id: string | null;
  due_date: string | null;
  status: ColumnType<ActionStatus, ActionStatus | undefined, ActionStatus>;
  result: string | null;
  created_by: string | null;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface SignalsTables
  extends Open311Tables, ActionsTables, MergeTables, JobsTables, ListTables, PhotosTables, WijkschouwTables, ConfigTables, SectionTables {
  signals_settings: SignalsSettingsTable;
  signals_category_groups: SignalsCategoryGroupsTable;
  signals_categories: SignalsCategoriesTable;
  signals_counters: SignalsCountersTable;
  signals_signals: SignalsSignalsTable;
  signals_transitions: SignalsTransitionsTable;
  signals_routing_rules: SignalsRoutingRulesTable;
  signals_followers: SignalsFollowersTable;
  signals_tracking_tokens: SignalsTrackingTokensTable;
  signals_feedback: SignalsFeedbackTable;
  signals_standard_texts: SignalsStandardTextsTable;
  signals_actions: SignalsActionsTable;
}

// This module's tables join the app's Database type by declaration merging, so the platform
// never imports a module (docs/decisions/0007-module-shape.md).
declare module '../../platform/db/schema.ts' {
  interface Database extends SignalsTables {}
}
