/** Row types of the helpmatch module's tables (only this module's stores query them). */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { CircleTables } from './circle/circle.tables.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A calendar date as text 'YYYY-MM-DD' (kept as text so both engines read it the same). */
type DateColumn = ColumnType<string, string, string>;

export type HelpType = 'latent' | 'incidental' | 'structural';
export type RequestState = 'open' | 'matched' | 'done' | 'withdrawn' | 'expired';
export type Urgency = 'urgent' | 'normal' | 'flexible';
export type Reach = 'walk500' | 'walk1000' | 'cycle3000' | 'municipality';
/**
 * `awaiting_requester`: the volunteer said yes and the asking side decides; `not_chosen`: the asking
 * side said no (the request stays open for others).
 */
export type MatchState =
  'suggested' | 'proposed' | 'awaiting_requester' | 'accepted' | 'declined' | 'not_chosen' | 'done' | 'cancelled' | 'no_show';
export type MatchSource = 'engine' | 'coordinator' | 'volunteer' | 'batch' | 'latent';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A weekly recurring time slot: ISO weekday, times 'HH:MM' in Europe/Amsterdam. */
export interface WeeklySlot {
  weekday: IsoWeekday;
  from: string;
  to: string;
}

/** One line of a match explanation: an i18n key with its placeholders (filled by the engine). */
export interface ExplanationPart {
  key: string;
  vars?: Record<string, string | number>;
}

/** A request for help (vraag). `address` and the subject's contact details are personal data. */
export interface HelpRequestsTable {
  id: Generated<string>;
  tenant_id: string;
  /** The resident who asks (null when asked on behalf of someone without an account). */
  requester_user_id: string | null;
  created_by_user_id: string | null;
  on_behalf: ColumnType<boolean, boolean | undefined, boolean>;
  /** The resident's name, phone and e-mail when asked on behalf of them. */
  subject_name: string | null;
  subject_phone: string | null;
  subject_email: string | null;
  category: string;
  help_type: HelpType;
  /** Short public description (no address, no names). */
  summary: string;
  /** Visible only to the parties after acceptance and to coordinators. */
  remarks: string | null;
  schedule_kind: 'once' | 'weekly';
  on_date: DateColumn | null;
  time_from: string | null;
  time_to: string | null;
  starts_at: Timestamp | null;
  ends_at: Timestamp | null;
  slots: JSONColumnType<WeeklySlot[]>;
  address: string | null;
  lon: number;
  lat: number;
  buurt_code: string | null;
  wijk_code: string | null;
  /** How far away the helper may live; null = anywhere in the municipality. */
  radius_m: number | null;
  urgency: ColumnType<Urgency, Urgency | undefined, Urgency>;
  vulnerable: ColumnType<boolean, boolean | undefined, boolean>;
  state: ColumnType<RequestState, RequestState | undefined, RequestState>;
  expires_at: Timestamp;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  matched_at: Timestamp | null;
  closed_at: Timestamp | null;
  /** When the asking side was told that nobody has been found yet (once per request). */
  nobody_notice_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** An offer of time and talent (aanbod); one per volunteer per tenant. */
export interface HelpOffersTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  talents: ColumnType<string, string | undefined, string>;
  categories: JSONColumnType<string[]>;
  slots: JSONColumnType<WeeklySlot[]>;
  reach: Reach;
  max_per_month: number;
  languages: JSONColumnType<string[]>;
  lon: number;
  lat: number;
  buurt_code: string | null;
  wijk_code: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  vog_seen_on: DateColumn | null;
  vog_recorded_by: string | null;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A resident who is a point of contact in their street (latent help) for a buurt. */
export interface HelpLatentContactsTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  buurt_code: string;
  wijk_code: string | null;
  note: ColumnType<string, string | undefined, string>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
}

/** A volunteer vacancy of an organisation. */
export interface HelpVacanciesTable {
  id: Generated<string>;
  tenant_id: string;
  organisation_id: string;
  created_by_user_id: string | null;
  title: string;
  description: string;
  category: string;
  hours_per_week: ColumnType<string, string | undefined, string>;
  buurt_code: string | null;
  state: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface HelpVacancyResponsesTable {
  id: Generated<string>;
  tenant_id: string;
  vacancy_id: string;
  user_id: string;
  message: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
}

/** A match between a request and a volunteer (through their offer, or as a latent contact). */
export interface HelpMatchesTable {
  id: Generated<string>;
  tenant_id: string;
  request_id: string;
  offer_id: string | null;
  volunteer_user_id: string | null;
  state: MatchState;
  source: ColumnType<MatchSource, MatchSource | undefined, MatchSource>;
  score: number | null;
  explanation: JSONColumnType<ExplanationPart[]>;
  distance_m: number | null;
  wave: ColumnType<number, number | undefined, number>;
  created_by_user_id: string | null;
  /** Hours spent, in quarters of an hour; for a weekly arrangement the total of the weeks both sides confirmed. */
  hours: number | null;
  hours_recorded_by: string | null;
  hours_confirmed_volunteer_at: Timestamp | null;
  hours_confirmed_requester_at: Timestamp | null;
  feedback_volunteer: string | null;
  feedback_requester: string | null;
  rating_volunteer: number | null;
  rating_requester: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  proposed_at: Timestamp | null;
  /** First message or decision by the volunteer (time to first reply). */
  replied_at: Timestamp | null;
  accepted_at: Timestamp | null;
  closed_at: Timestamp | null;
}

/** The hours of one week of a weekly arrangement, confirmed by both sides. */
export interface HelpMatchSessionsTable {
  id: Generated<string>;
  tenant_id: string;
  match_id: string;
  /** The Monday of the week, 'YYYY-MM-DD' (Europe/Amsterdam). */
  week_start: DateColumn;
  hours: number;
  recorded_by: string | null;
  confirmed_volunteer_at: Timestamp | null;
  confirmed_requester_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface HelpMessagesTable {
  id: Generated<string>;
  tenant_id: string;
  match_id: string;
  author_user_id: string | null;
  body: string;
  created_at: CreatedAt;
}

export interface HelpReportsTable {
  id: Generated<string>;
  tenant_id: string;
  reporter_user_id: string | null;
  reported_user_id: string | null;
  match_id: string | null;
  reason: string;
  state: ColumnType<'open' | 'handled', 'open' | 'handled' | undefined, 'open' | 'handled'>;
  handled_by: string | null;
  handled_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface HelpBlocksTable {
  tenant_id: string;
  user_id: string;
  blocked_by: string | null;
  reason: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
}

export interface HelpmatchCoreTables {
  help_requests: HelpRequestsTable;
  help_offers: HelpOffersTable;
  help_latent_contacts: HelpLatentContactsTable;
  help_vacancies: HelpVacanciesTable;
  help_vacancy_responses: HelpVacancyResponsesTable;
  help_matches: HelpMatchesTable;
  help_match_sessions: HelpMatchSessionsTable;
  help_messages: HelpMessagesTable;
  help_reports: HelpReportsTable;
  help_blocks: HelpBlocksTable;
}

/** Every helpmatch table; other parts of the module add theirs with `extends`. */
export interface HelpmatchTables extends HelpmatchCoreTables, CircleTables {}

// This module's tables join the app's Database type by declaration merging, so the platform
// never imports a module (docs/decisions/0007-module-shape.md).
declare module '../../platform/db/schema.ts' {
  interface Database extends HelpmatchTables {}
}
