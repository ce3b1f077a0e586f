import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/**
 * Row types of the initiatives module ("samen doen", issue 15): funds with budgets per year and
 * area and co-funding, rounds (dated or rolling, optionally with voting), calls for initiatives,
 * applications with co-signers, review and decision, payout, accountability with spot checks,
 * voting with paper codes, and the youth channel (ideas and polls). Only this module's stores
 * query them. Money in integer cents; days as text 'YYYY-MM-DD'.
 */
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableStamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Day = string;
type NullableDay = ColumnType<string | null, string | null | undefined, string | null>;
type Text = ColumnType<string, string | undefined, string>;
type Bool = ColumnType<boolean, boolean | undefined, boolean>;
type Json<T extends object | null> = JSONColumnType<T, T | undefined, T>;

export interface InitiativeFundsTable {
  tenant_id: string;
  id: Generated<string>;
  slug: string;
  name_nl: string;
  name_en: Text;
  description_nl: Text;
  description_en: Text;
  /** Who runs it (a role or organisation name, never a person). */
  owner_text: Text;
  /** Maximum per initiative; null: no maximum. */
  max_per_initiative_cents: number | null;
  /** Co-signers from the buurt an application needs (0: none). */
  min_cosigners: ColumnType<number, number | undefined, number>;
  /** Own contribution required: none, money or in kind (either counts). */
  own_contribution: ColumnType<
    'none' | 'money' | 'money_or_kind',
    'none' | 'money' | 'money_or_kind' | undefined,
    'none' | 'money' | 'money_or_kind'
  >;
  eligibility_nl: Text;
  eligibility_en: Text;
  /** Days between applying and the activity's start. */
  lead_time_days: ColumnType<number, number | undefined, number>;
  acknowledge_working_days: ColumnType<number, number | undefined, number>;
  decide_weeks: ColumnType<number, number | undefined, number>;
  /** Share of accounted initiatives checked at random (percent, documented rule). */
  spot_check_percent: ColumnType<number, number | undefined, number>;
  status: ColumnType<'active' | 'closed', 'active' | 'closed' | undefined, 'active' | 'closed'>;
  source_note: Text;
  is_demo: Bool;
  created_at: Stamp;
}

/** A fund's budget for one year: for a wijk, a group of buurten (Zwolle) or the whole municipality (area_codes empty). */
export interface InitiativeBudgetsTable {
  tenant_id: string;
  id: Generated<string>;
  fund_id: string;
  year: number;
  label_nl: string;
  label_en: Text;
  area_codes: Json<string[]>;
  amount_cents: number;
  source_note: Text;
}

/** Co-funding, e.g. € 5 per corporation home in the participating areas (Zwolle). */
export interface InitiativeCofundingTable {
  tenant_id: string;
  id: Generated<string>;
  fund_id: string;
  year: number;
  source_name: string;
  per_unit_cents: number | null;
  units: number | null;
  amount_cents: number;
  area_codes: Json<string[]>;
  source_note: Text;
}

export interface InitiativeRoundsTable {
  tenant_id: string;
  id: Generated<string>;
  fund_id: string;
  budget_id: string | null;
  name_nl: string;
  name_en: Text;
  kind: 'dated' | 'rolling';
  opens_on: Day;
  /** null for a rolling round. */
  closes_on: NullableDay;
  voting: ColumnType<'none' | 'approval' | 'knapsack', 'none' | 'approval' | 'knapsack' | undefined, 'none' | 'approval' | 'knapsack'>;
  voting_opens_on: NullableDay;
  voting_closes_on: NullableDay;
  /** The amount voters divide (knapsack) or the amount available to the winners (approval). */
  voting_budget_cents: number | null;
  /** Where voters must live (buurt/wijk codes); empty: the whole municipality. */
  area_codes: Json<string[]>;
  is_demo: Bool;
  created_at: Stamp;
}

/** A call for initiatives, from a wijkschouw finding, a white spot on the social map or a knelpunt. */
export interface InitiativeCallsTable {
  tenant_id: string;
  id: Generated<string>;
  round_id: string | null;
  fund_id: string;
  origin: 'wijkschouw' | 'white_spot' | 'knelpunt' | 'other';
  origin_ref: Text;
  area_code: string | null;
  title_nl: string;
  title_en: Text;
  text_nl: Text;
  text_en: Text;
  is_demo: Bool;
  created_at: Stamp;
}

export type ApplicationStatus = 'draft' | 'submitted' | 'acknowledged' | 'in_review' | 'decided' | 'paid' | 'accounted' | 'withdrawn';

export interface InitiativeApplicationsTable {
  tenant_id: string;
  id: Generated<string>;
  /** Public reference the applicant follows ("INI-2026-0007"). */
  reference: string;
  fund_id: string;
  round_id: string | null;
  call_id: string | null;
  youth_idea_id: string | null;
  /** The applicant's account; entered_by when a volunteer or professional applied on their behalf. */
  applicant_user_id: string | null;
  entered_by: string | null;
  /** On behalf of a resident without an account: their name and one way to reach them (personal data; audited views). */
  subject_name: ColumnType<string | null, string | null | undefined, string | null>;
  subject_phone: ColumnType<string | null, string | null | undefined, string | null>;
  subject_email: ColumnType<string | null, string | null | undefined, string | null>;
  /** The organisation of who entered it on behalf ('' when none): shown instead of a person's name. */
  entered_by_org: Text;
  /** Name of the group as it wants to be shown publicly ("Bewoners Bloemstraat"), never a person's name. */
  group_name: string;
  title: string;
  what: Text;
  for_whom: Text;
  area_code: string;
  starts_on: NullableDay;
  ends_on: NullableDay;
  budget_lines: Json<{ label: string; amount_cents: number }[]>;
  requested_cents: number;
  own_money_cents: ColumnType<number, number | undefined, number>;
  own_in_kind: Text;
  status: ColumnType<ApplicationStatus, ApplicationStatus | undefined, ApplicationStatus>;
  submitted_at: NullableStamp;
  acknowledged_at: NullableStamp;
  /** Feasibility review: per point ok/not and a reason. */
  feasibility: Json<{ point: string; ok: boolean; reason: string }[]>;
  decision: 'full' | 'partial' | 'rejected' | null;
  granted_cents: number | null;
  decision_letter: Text;
  decided_at: NullableStamp;
  decided_by: string | null;
  paid_cents: ColumnType<number, number | undefined, number>;
  paid_on: NullableDay;
  is_demo: Bool;
  created_at: Stamp;
  updated_at: Stamp;
}

/** A co-signer confirms by a link (token hash kept); must live in the application's buurt. */
export interface InitiativeCosignersTable {
  tenant_id: string;
  id: Generated<string>;
  application_id: string;
  display_name: string;
  postcode: string;
  area_code: string | null;
  token_hash: string;
  confirmed_on: NullableDay;
  /** The outbox mail with the link (migration 20261207T1200); cleared when that mail is removed. */
  mail_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Accountability afterwards; a spot check is chosen at random by a documented rule. */
export interface InitiativeAccountsTable {
  tenant_id: string;
  application_id: string;
  what_happened: string;
  participants: number | null;
  spent_cents: number | null;
  submitted_on: Day;
  spot_check: Bool;
  spot_check_result: Text;
  spot_checked_on: NullableDay;
}

/** Photos and receipts of an accountability (bytes in the database, small). */
export interface InitiativeFilesTable {
  tenant_id: string;
  id: Generated<string>;
  application_id: string;
  kind: 'photo' | 'receipt';
  content_type: string;
  bytes: Uint8Array;
  byte_size: number;
  alt_text: Text;
  created_at: Stamp;
  /** Photos only: the applicant ticked "mag getoond worden" (migration 20261207T0940); receipts are never public. */
  shown_publicly: Bool;
  file_name: Text;
}

/** Paper voting codes for residents without an account (hash only; whether used). */
export interface InitiativeVoteCodesTable {
  tenant_id: string;
  id: Generated<string>;
  round_id: string;
  code_hash: string;
  area_code: string | null;
  used: Bool;
}

/** One ballot per voter per round: voter_key is a hash of the user id or of the paper code. */
export interface InitiativeBallotsTable {
  tenant_id: string;
  id: Generated<string>;
  round_id: string;
  voter_key: string;
  application_ids: Json<string[]>;
  channel: 'account' | 'paper';
  cast_on: Day;
}

export interface YouthIdeasTable {
  tenant_id: string;
  id: Generated<string>;
  area_code: string;
  text: string;
  /** Optional nickname, never a full name. */
  nickname: Text;
  status: ColumnType<
    'new' | 'seen' | 'growing' | 'became_initiative' | 'not_now' | 'done',
    'new' | 'seen' | 'growing' | 'became_initiative' | 'not_now' | 'done' | undefined,
    'new' | 'seen' | 'growing' | 'became_initiative' | 'not_now' | 'done'
  >;
  /** What happened with the idea, shown back to everyone. */
  response_nl: Text;
  response_en: Text;
  /** A secret the device keeps (cookie) to find "my ideas" again; only its hash. */
  device_hash: string | null;
  application_id: string | null;
  is_demo: Bool;
  created_on: Day;
  /** Shown publicly only after moderation (migration 20261207T0930): pending, shown or hidden. */
  moderation: ColumnType<'pending' | 'shown' | 'hidden', 'pending' | 'shown' | 'hidden' | undefined, 'pending' | 'shown' | 'hidden'>;
  moderated_on: NullableDay;
}

export interface YouthPollsTable {
  tenant_id: string;
  id: Generated<string>;
  area_code: string | null;
  question_nl: string;
  question_en: Text;
  options: Json<{ key: string; nl: string; en: string }[]>;
  opens_on: Day;
  closes_on: Day;
  is_demo: Bool;
}

/** One answer per device (best effort: a cookie's hash), no account needed. */
export interface YouthPollAnswersTable {
  tenant_id: string;
  poll_id: string;
  device_hash: string;
  option_key: string;
  answered_on: Day;
}

export interface InitiativesTables {
  initiative_funds: InitiativeFundsTable;
  initiative_budgets: InitiativeBudgetsTable;
  initiative_cofunding: InitiativeCofundingTable;
  initiative_rounds: InitiativeRoundsTable;
  initiative_calls: InitiativeCallsTable;
  initiative_applications: InitiativeApplicationsTable;
  initiative_cosigners: InitiativeCosignersTable;
  initiative_accounts: InitiativeAccountsTable;
  initiative_files: InitiativeFilesTable;
  initiative_vote_codes: InitiativeVoteCodesTable;
  initiative_ballots: InitiativeBallotsTable;
  initiative_youth_ideas: YouthIdeasTable;
  initiative_youth_polls: YouthPollsTable;
  initiative_youth_poll_answers: YouthPollAnswersTable;
}

declare module '../../platform/db/schema.ts' {
  interface Database extends InitiativesTables {}
}
