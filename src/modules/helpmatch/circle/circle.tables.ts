import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A calendar date (yyyy-mm-dd), read as text so no time zone can shift it. */
type DateText = ColumnType<string, string, string>;

export type CircleCreatedAs = 'self' | 'carer' | 'on_behalf';
export type CircleMemberRole = 'owner' | 'member';
export type CircleRecurrence = 'once' | 'weekly' | 'biweekly';

/** A closed care circle (zorgcirkel) around one person, who may have no account. */
export interface HelpmatchCirclesTable {
  id: Generated<string>;
  tenant_id: string;
  person_name: string;
  /** What members need to know (address, phone, wishes); seen by members only. */
  person_details: ColumnType<string, string | undefined, string>;
  person_user_id: string | null;
  /** Buurt of the person, for neighbourhood figures (optional). */
  area_code: string | null;
  created_as: CircleCreatedAs;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface HelpmatchCircleMembersTable {
  circle_id: string;
  tenant_id: string;
  user_id: string;
  role: CircleMemberRole;
  joined_at: CreatedAt;
}

/** An invitation into a circle; the link's random token is stored only as its SHA-256. */
export interface HelpmatchCircleInvitationsTable {
  id: Generated<string>;
  tenant_id: string;
  circle_id: string;
  token_hash: string;
  email: string;
  name: ColumnType<string, string | undefined, string>;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_by: string | null;
  revoked_at: Timestamp | null;
}

/** A task shared out in a circle: once, weekly or every two weeks from `starts_on`. */
export interface HelpmatchCircleTasksTable {
  id: Generated<string>;
  tenant_id: string;
  circle_id: string;
  title: string;
  notes: ColumnType<string, string | undefined, string>;
  recurrence: CircleRecurrence;
  starts_on: DateText;
  time_of_day: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  archived_at: Timestamp | null;
}

/** One occurrence of a task that a member took (and maybe did, with hours). Open slots have no row. */
export interface HelpmatchCircleTurnsTable {
  id: Generated<string>;
  tenant_id: string;
  circle_id: string;
  task_id: string;
  occurs_on: DateText;
  taken_by: string | null;
  taken_at: Timestamp;
  done_at: Timestamp | null;
  hours: ColumnType<number | null, number | null | undefined, number | null>;
}

/** What someone who received help could offer in return (wederkerigheid). */
export interface HelpmatchReciprocityAnswersTable {
  tenant_id: string;
  user_id: string;
  answer: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CircleTables {
  helpmatch_circles: HelpmatchCirclesTable;
  helpmatch_circle_members: HelpmatchCircleMembersTable;
  helpmatch_circle_invitations: HelpmatchCircleInvitationsTable;
  helpmatch_circle_tasks: HelpmatchCircleTasksTable;
  helpmatch_circle_turns: HelpmatchCircleTurnsTable;
  helpmatch_reciprocity_answers: HelpmatchReciprocityAnswersTable;
}
