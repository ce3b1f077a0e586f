/** Queries on the care-circle tables; every query names the tenant. */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { CircleCreatedAs, CircleMemberRole, CircleRecurrence } from './circle.tables.ts';

const dateText = (col: string) => sql<string>`to_char(${sql.ref(col)}, 'YYYY-MM-DD')`;

export interface CircleRow {
  id: string;
  tenant_id: string;
  person_name: string;
  person_details: string;
  person_user_id: string | null;
  area_code: string | null;
  created_as: CircleCreatedAs;
  created_at: Date;
}

export async function insertCircle(
  db: DbOrTrx,
  c: {
    tenantId: string;
    personName: string;
    personDetails: string;
    personUserId: string | null;
    areaCode: string | null;
    createdAs: CircleCreatedAs;
    createdBy: string;
    now: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('helpmatch_circles')
    .values({
      tenant_id: c.tenantId,
      person_name: c.personName,
      person_details: c.personDetails,
      person_user_id: c.personUserId,
      area_code: c.areaCode,
      created_as: c.createdAs,
      created_by: c.createdBy,
      created_at: c.now,
      updated_at: c.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertMember(
  db: DbOrTrx,
  m: { tenantId: string; circleId: string; userId: string; role: CircleMemberRole; now: Date },
): Promise<boolean> {
  const r = await db
    .insertInto('helpmatch_circle_members')
    .values({ tenant_id: m.tenantId, circle_id: m.circleId, user_id: m.userId, role: m.role, joined_at: m.now })
    .onConflict((oc) => oc.columns(['tenant_id', 'circle_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The circle and the user's role in it, or undefined when the user is not a member (or it is another tenant's). */
export async function findCircleOfMember(db: DbOrTrx, tenantId: string, circleId: string, userId: string) {
  return db
    .selectFrom('helpmatch_circles as c')
    .innerJoin('helpmatch_circle_members as m', (j) =>
      j.onRef('m.circle_id', '=', 'c.id').on('m.user_id', '=', userId).on('m.tenant_id', '=', tenantId),
    )
    .select([
      'c.id',
      'c.tenant_id',
      'c.person_name',
      'c.person_details',
      'c.person_user_id',
      'c.area_code',
      'c.created_as',
      'c.created_at',
      'm.role',
      'm.user_id as member_user_id',
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.id', '=', circleId)
    .executeTakeFirst();
}

export async function listCirclesOfUser(db: DbOrTrx, tenantId: string, userId: string) {
  return db
    .selectFrom('helpmatch_circles as c')
    .innerJoin('helpmatch_circle_members as m', 'm.circle_id', 'c.id')
    .select(['c.id', 'c.person_name', 'm.role'])
    .where('c.tenant_id', '=', tenantId)
    .where('m.tenant_id', '=', tenantId)
    .where('m.user_id', '=', userId)
    .orderBy('c.person_name')
    .execute();
}

export async function listMemberRows(db: DbOrTrx, tenantId: string, circleId: string) {
  return db
    .selectFrom('helpmatch_circle_members')
    .select(['user_id', 'role', 'joined_at'])
    .where('tenant_id', '=', tenantId)
    .where('circle_id', '=', circleId)
    .orderBy('joined_at')
    .execute();
}

export async function deleteMember(db: DbOrTrx, tenantId: string, circleId: string, userId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('helpmatch_circle_members')
    .where('tenant_id', '=', tenantId)
    .where('circle_id', '=', circleId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function setMemberRole(
  db: DbOrTrx,
  tenantId: string,
  circleId: string,
  userId: string,
  role: CircleMemberRole,
): Promise<void> {
  await db
    .updateTable('helpmatch_circle_members')
    .set({ role })
    .where('tenant_id', '=', tenantId)
    .where('circle_id', '=', circleId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteCircle(db: DbOrTrx, tenantId: string, circleId: string): Promise<void> {
  await db.deleteFrom('helpmatch_circles').where('tenant_id', '=', tenantId).where('id', '=', circleId).execute();
}

/** Open turns (taken, not done) of a user in a circle: released when they leave or are removed. */
export async function deleteOpenTurnsOf(db: DbOrTrx, tenantId: string, circleId: string | null, userId: string): Promise<number> {
  let q = db
    .deleteFrom('helpmatch_circle_turns')
    .where('tenant_id', '=', tenantId)
    .where('taken_by', '=', userId)
    .where('done_at', 'is', null);
  if (circleId) q = q.where('circle_id', '=', circleId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

// --- invitations ---------------------------------------------------------------------------------

export async function insertInvitation(
  db: DbOrTrx,
  i: { tenantId: string; circleId: string; tokenHash: string; email: string; name: string; invitedBy: string; now: Date; expiresAt: Date },
): Promise<string> {
  const row = await db
    .insertInto('helpmatch_circle_invitations')
    .values({
      tenant_id: i.tenantId,
      circle_id: i.circleId,
      token_hash: i.tokenHash,
      email: i.email,
      name: i.name,
      invited_by: i.invitedBy,
      created_at: i.now,
      expires_at: i.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findInvitationByHash(db: DbOrTrx, tenantId: string, tokenHash: string) {
  return db
    .selectFrom('helpmatch_circle_invitations as i')
    .innerJoin('helpmatch_circles as c', 'c.id', 'i.circle_id')
    .select(['i.id', 'i.circle_id', 'i.email', 'i.name', 'i.expires_at', 'i.accepted_at', 'i.revoked_at', 'c.person_name'])
    .where('i.tenant_id', '=', tenantId)
    .where('c.tenant_id', '=', tenantId)
    .where('i.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks an invitation accepted when it is still open; false when another request was first. */
export async function consumeInvitation(db: DbOrTrx, tenantId: string, id: string, userId: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('helpmatch_circle_invitations')
    .set({ accepted_at: now, accepted_by: userId })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function listOpenInvitations(db: DbOrTrx, tenantId: string, circleId: string, now: Date) {
  return db
    .selectFrom('helpmatch_circle_invitations')
    .select(['id', 'email', 'name', 'created_at', 'expires_at'])
    .where('tenant_id', '=', tenantId)
    .where('circle_id', '=', circleId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at')
    .execute();
}

export async function revokeInvitation(db: DbOrTrx, tenantId: string, circleId: string, id: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('helpmatch_circle_invitations')
    .set({ revoked_at: now })
    .where('tenant_id', '=', tenantId)
    .where('circle_id', '=', circleId)
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// --- tasks and turns -----------------------------------------------------------------------------

export interface TaskRow {
  id: string;
  title: string;
  notes: string;
  recurrence: CircleRecurrence;
  starts_on: string;
  time_of_day: string | null;
}

export async function insertTask(
  db: DbOrTrx,
  t: {
    tenantId: string;
    circleId: string;
    title: string;
    notes: string;
    recurrence: CircleRecurrence;
    startsOn: string;
    timeOfDay: string | null;
    createdBy: string;
    now: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('helpmatch_circle_tasks')
    .values({
      tenant_id: t.tenantId,
      circle_id: t.circleId,
      title: t.title,
      notes: t.notes,
      recurrence: t.recurrence,
      starts_on: t.startsOn,
      time_of_day: t.timeOfDay,
      created_by: t.createdBy,
      created_at: t.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listTasks(db: DbOrTrx, tenantId: string, circleId: string): Promise<TaskRow[]> {
  return db
    .selectFrom('helpmatch_circle_tasks')
    .select(['id', 'title', 'notes', 'recurrence', dateText('starts_on').as('starts_on'), 'time_of_day'])
    .where('tenant_id', '=', tenantId)
    .where('circle_id', '=', circleId)
    .where('archived_at', 'is', null)
    .orderBy('created_at')
    .execute();
}

export async function findTask(db: DbOrTrx, tenantId: string, circleId: string, taskId: string): Promise<TaskRow | undefined> {
  return db
    .selectFrom('helpmatch_circle_tasks')
    .select(['id', 'title', 'notes', 'recurrence', dateText('starts_on').as('starts_on'), 'time_of_day'])
    .where('tenant_id', '=', tenantId)
    .where('circle_id', '=', circleId)
    .where('id', '=', taskId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

export async function archiveTask(db: DbOrTrx, tenantId: string, circleId: string, taskId: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('helpmatch_circle_tasks')
    .set({ archived_at: now })
    .where('tenant_id', '=', tenantId)
    .where('circle_id', '=', circleId)
    .where('id', '=', taskId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface TurnRow {
  id: string;
  task_id: string;
  occurs_on: string;
  taken_by: string | null;
  done_at: Date | null;
  hours: number | null;
}

export async function listTurns(db: DbOrTrx, tenantId: string, circleId: string, from: string, to: string): Promise<TurnRow[]> {
  return db
    .selectFrom('helpmatch_circle_turns')
    .select(['id', 'task_id', dateText('occurs_on').as('occurs_on'), 'taken_by', 'done_at', sql<number | null>`hours::float8`.as('hours')])
    .where('tenant_id', '=', tenantId)
    .where('circle_id', '=', circleId)
    .where('occurs_on', '>=', from as never)
    .where('occurs_on', '<=', to as never)
    .execute();
}

/** Take a turn; false when someone else already has it (the unique key decides). */
export async function insertTurn(
  db: DbOrTrx,
  t: { tenantId: string; circleId: string; taskId: string; occursOn: string; userId: string; now: Date },
): Promise<boolean> {
  const r = await db
    .insertInto('helpmatch_circle_turns')
    .values({ tenant_id: t.tenantId, circle_id: t.circleId, task_id: t.taskId, occurs_on: t.occursOn, taken_by: t.userId, taken_at: t.now })
    .onConflict((oc) => oc.columns(['tenant_id', 'task_id', 'occurs_on']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findTurn(
  db: DbOrTrx,
  tenantId: string,
  circleId: string,
  taskId: string,
  occursOn: string,
): Promise<TurnRow | undefined> {
  return db
    .selectFrom('helpmatch_circle_turns')
    .select(['id', 'task_id', dateText('occurs_on').as('occurs_on'), 'taken_by', 'done_at', sql<number | null>`hours::float8`.as('hours')])
    .where('tenant_id', '=', tenantId)
    .where('circle_id', '=', circleId)
    .where('task_id', '=', taskId)
    .where('occurs_on', '=', occursOn as never)
    .executeTakeFirst();
}

export async function deleteTurn(db: DbOrTrx, tenantId: string, turnId: string): Promise<void> {
  await db
    .deleteFrom('helpmatch_circle_turns')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', turnId)
    .where('done_at', 'is', null)
    .execute();
}

export async function completeTurn(db: DbOrTrx, tenantId: string, turnId: string, hours: number, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('helpmatch_circle_turns')
    .set({ done_at: now, hours })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', turnId)
    .where('done_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
