import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/**
 * Row types of the programmes module's tables (issue 14): programmes with goals and line
 * activities, project cards with areas, leads, goals and budget lines, the action table,
 * standardised project monitoring, consultation (forums, meetings, decisions, follow-up actions)
 * and subsidy proposals. Only this module's stores query them.
 *
 * Money is always integer cents (`*_cents`); null means **unknown** (never 0). Days are text
 * 'YYYY-MM-DD'. People from the seeds are never named: owners and leads are roles.
 */
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Day = string;
type NullableDay = ColumnType<string | null, string | null | undefined, string | null>;
type Text = ColumnType<string, string | undefined, string>;
type Bool = ColumnType<boolean, boolean | undefined, boolean>;
type Json<T extends object | null> = JSONColumnType<T, T | undefined, T>;

/** The three angles of Krimpen's action table (verbreding, verdieping, verbinding). */
export type Angle = 'broaden' | 'deepen' | 'connect';
/** Groningen's three levels. */
export type ProjectLevel = 'basic' | 'prevention' | 'lasting_support';
/** A project card's state; `handed_back`: handed back to the line at the end (Heerhugowaard l.472-474). */
export type ProjectStatus = 'idea' | 'planned' | 'running' | 'ended' | 'handed_back' | 'stopped';

export interface ProgrammesTable {
  tenant_id: string;
  id: Generated<string>;
  /** Short name in URLs, unique per municipality (`meedoen-is-winnen`). */
  slug: string;
  title_nl: string;
  title_en: Text;
  summary_nl: Text;
  summary_en: Text;
  /** The programme owner as a role ("programmamanager (WOC)"), never a person's name. */
  owner_role: Text;
  start_year: number;
  end_year: number | null;
  status: ColumnType<'draft' | 'active' | 'closed', 'draft' | 'active' | 'closed' | undefined, 'draft' | 'active' | 'closed'>;
  /** Where the facts come from (seed and line), shown on the page. */
  source_note: Text;
  is_demo: Bool;
  created_at: Stamp;
}

/** A tactical goal (parent_id null) or an operational goal under it. Indicators tie in through monitor targets (programme_goal_id). */
export interface ProgrammeGoalsTable {
  tenant_id: string;
  id: Generated<string>;
  programme_id: string;
  parent_id: string | null;
  /** As the document numbers it: "1", "2", "1a". */
  number: string;
  title_nl: string;
  title_en: Text;
  description_nl: Text;
  description_en: Text;
  sort: ColumnType<number, number | undefined, number>;
  source_note: Text;
}

/** A line activity (regular work); it becomes a project when it stops working (project_id then set). */
export interface ProgrammeLineActivitiesTable {
  tenant_id: string;
  id: Generated<string>;
  programme_id: string;
  number: number;
  title_nl: string;
  title_en: Text;
  description_nl: Text;
  description_en: Text;
  project_id: string | null;
  source_note: Text;
}

/** A project card (table programme_projects). */
export interface ProjectsTable {
  tenant_id: string;
  id: Generated<string>;
  programme_id: string;
  /** The card's number in its programme ("6"). */
  number: string;
  title_nl: string;
  title_en: Text;
  /** "Doel en beoogd resultaat". */
  aim_nl: Text;
  aim_en: Text;
  planned_start: NullableDay;
  /** null: open-ended ("2010 e.v."). */
  planned_end: NullableDay;
  actual_start: NullableDay;
  actual_end: NullableDay;
  /** The period as the source writes it ("2010 ev"), kept beside the days. */
  period_text: Text;
  /** The owner organisation (people module's organisations), when it is one on the platform. */
  owner_organisation_id: string | null;
  /** The owner as the source names it ("gemeente i.s.m. Ymere"). */
  owner_text: Text;
  /** Parties involved, as names (internal departments and external partners). */
  parties: Json<string[]>;
  target_groups: Json<string[]>;
  angles: Json<Angle[]>;
  level: ProjectLevel | null;
  /** Rung of the participation ladder: inform, consult, advise, coproduce, decide. */
  ladder_rung: 'inform' | 'consult' | 'advise' | 'coproduce' | 'decide' | null;
  /** "Borging in": where the work is anchored afterwards. */
  anchoring: Json<string[]>;
  status: ColumnType<ProjectStatus, ProjectStatus | undefined, ProjectStatus>;
  from_action_id: string | null;
  from_line_activity_id: string | null;
  /** Inconsistencies in the source kept and flagged (not smoothed over), shown on the card. */
  flags: Json<string[]>;
  source_note: Text;
  is_demo: Bool;
  created_by: string | null;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface ProjectAreasTable {
  tenant_id: string;
  project_id: string;
  /** A CBS buurt or wijk code of the municipality. */
  area_code: string;
}

/** A lead ("trekker") of a card, per area: a card can have two. A role, or a user on the platform. */
export interface ProjectLeadsTable {
  tenant_id: string;
  id: Generated<string>;
  project_id: string;
  role_label: string;
  user_id: string | null;
  /** The card's areas this lead covers (empty: all of them). */
  area_codes: Json<string[]>;
}

export interface ProjectGoalsTable {
  tenant_id: string;
  project_id: string;
  goal_id: string;
}

/**
 * One budget line: a cost or a coverage, for one year or one-off (year null), per year or
 * one-off; coverage names its source. amount_cents null = unknown (never treated as 0).
 */
export interface ProjectBudgetLinesTable {
  tenant_id: string;
  id: Generated<string>;
  project_id: string;
  kind: 'cost' | 'coverage';
  /** The calendar year; null: for the whole project (a one-off amount without a year). */
  year: number | null;
  recurrence: 'one_off' | 'per_year';
  amount_cents: number | null;
  /** Coverage source key: wmo, participation, partner, province, innovation_fund, general_budget, other. */
  source: string | null;
  label: Text;
  source_note: Text;
  sort: ColumnType<number, number | undefined, number>;
}

/** A programme-level budget table line (Groningen: available Wmo budget and its planned use). */
export interface ProgrammeBudgetLinesTable {
  tenant_id: string;
  id: Generated<string>;
  programme_id: string;
  side: 'available' | 'planned_use';
  year: number | null;
  label_nl: string;
  label_en: Text;
  /** null: "pm" / unknown. */
  amount_cents: number | null;
  source_note: Text;
  sort: ColumnType<number, number | undefined, number>;
}

/** A row of an action table (Krimpen's 16 rows, Groningen's 14 numbered actions). */
export interface ProgrammeActionsTable {
  tenant_id: string;
  id: Generated<string>;
  programme_id: string;
  number: number;
  target_group: Text;
  action_nl: string;
  action_en: Text;
  initiator: Text;
  planning: Text;
  angles: Json<Angle[]>;
  anchoring: Json<string[]>;
  /** Set when the row became a project card. */
  project_id: string | null;
  flags: Json<string[]>;
  source_note: Text;
}

/** An invitation to the standardised project monitoring form; only the code's hash, and whether it was used. */
export interface ProjectMonitorInvitationsTable {
  tenant_id: string;
  id: Generated<string>;
  project_id: string;
  phase: 'expectation' | 'effect';
  respondent_role: 'resident' | 'professional';
  kind: 'link' | 'paper';
  code_hash: string;
  used: Bool;
  created_at: Stamp;
}

/** One answered form (no person, no invitation id). */
export interface ProjectMonitorResponsesTable {
  tenant_id: string;
  id: Generated<string>;
  project_id: string;
  phase: 'expectation' | 'effect';
  respondent_role: 'resident' | 'professional';
  channel: 'link' | 'paper';
  answers: Json<Record<string, number | string | null>>;
  submitted_on: Day;
  is_demo: Bool;
}

/** A working group, network or panel (Krimpen's werkgroep, Groningen's Heel de buurt, a wijkpanel). */
export interface ProgrammeForumsTable {
  tenant_id: string;
  id: Generated<string>;
  programme_id: string | null;
  name: string;
  kind: 'working_group' | 'network' | 'panel' | 'sounding_board' | 'other';
  /** Meets every N months; null: no fixed rhythm. */
  rhythm_months: number | null;
  description_nl: Text;
  description_en: Text;
  area_codes: Json<string[]>;
  source_note: Text;
  is_demo: Bool;
}

export interface ProgrammeMeetingsTable {
  tenant_id: string;
  id: Generated<string>;
  forum_id: string;
  held_on: Day;
  status: ColumnType<'planned' | 'held', 'planned' | 'held' | undefined, 'planned' | 'held'>;
  /** Agenda items: a project card, a signal (by its public number) or free text. */
  agenda: Json<{ kind: 'project' | 'signal' | 'other'; ref: string | null; title: string }[]>;
  notes: Text;
  reminder_sent: Bool;
  created_at: Stamp;
}

export interface ProgrammeMeetingItemsTable {
  tenant_id: string;
  id: Generated<string>;
  meeting_id: string;
  kind: 'decision' | 'action';
  text: string;
  /** For actions: who follows up (a role), by when, and when done. */
  owner_role: Text;
  due_on: NullableDay;
  done_on: NullableDay;
  project_id: string | null;
  /** When the reminder about this overdue action went out (migration 20261207T0930). */
  reminded_on: NullableDay;
}

/** A partner's multi-year programme proposal, checked against Groningen's six subsidy conditions. */
export interface SubsidyProposalsTable {
  tenant_id: string;
  id: Generated<string>;
  programme_id: string | null;
  organisation_id: string | null;
  organisation_name: string;
  title: string;
  summary: Text;
  start_year: number;
  end_year: number;
  requested_cents: number | null;
  /** Per condition 1–6: met (true/false/null = not judged yet) and the evidence. */
  conditions: Json<Record<string, { met: boolean | null; evidence: string }>>;
  goal_ids: Json<string[]>;
  area_codes: Json<string[]>;
  decision: ColumnType<
    'pending' | 'granted' | 'partly' | 'refused',
    'pending' | 'granted' | 'partly' | 'refused' | undefined,
    'pending' | 'granted' | 'partly' | 'refused'
  >;
  granted_cents: number | null;
  decision_reasons: Text;
  decided_on: NullableDay;
  decided_by: string | null;
  is_demo: Bool;
  created_at: Stamp;
}

export interface ProgrammesTables {
  programmes: ProgrammesTable;
  programme_goals: ProgrammeGoalsTable;
  programme_line_activities: ProgrammeLineActivitiesTable;
  programme_projects: ProjectsTable;
  programme_project_areas: ProjectAreasTable;
  programme_project_leads: ProjectLeadsTable;
  programme_project_goals: ProjectGoalsTable;
  programme_project_budget_lines: ProjectBudgetLinesTable;
  programme_budget_lines: ProgrammeBudgetLinesTable;
  programme_actions: ProgrammeActionsTable;
  programme_project_monitor_invitations: ProjectMonitorInvitationsTable;
  programme_project_monitor_responses: ProjectMonitorResponsesTable;
  programme_forums: ProgrammeForumsTable;
  programme_meetings: ProgrammeMeetingsTable;
  programme_meeting_items: ProgrammeMeetingItemsTable;
  programme_subsidy_proposals: SubsidyProposalsTable;
}

declare module '../../platform/db/schema.ts' {
  interface Database extends ProgrammesTables {}
}
