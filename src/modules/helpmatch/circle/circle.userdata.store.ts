/** A person's care-circle data across tenants, for the account export and account deletion. */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';

export async function membershipsOfUser(db: DbOrTrx, userId: string) {
  return db
    .selectFrom('helpmatch_circle_members as m')
    .innerJoin('helpmatch_circles as c', (j) => j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.circle_id'))
    .select(['c.id', 'c.tenant_id', 'c.person_name', 'c.person_details', 'c.created_as', 'm.role', 'm.joined_at'])
    .where('m.user_id', '=', userId)
    .orderBy('m.joined_at')
    .execute();
}

export async function turnsOfUser(db: DbOrTrx, userId: string) {
  return db
    .selectFrom('helpmatch_circle_turns as t')
    .innerJoin('helpmatch_circle_tasks as k', (j) => j.onRef('k.tenant_id', '=', 't.tenant_id').onRef('k.id', '=', 't.task_id'))
    .select([
      't.tenant_id',
      't.circle_id',
      'k.title',
      sql<string>`to_char(t.occurs_on, 'YYYY-MM-DD')`.as('date'),
      't.taken_at',
      't.done_at',
      sql<number | null>`t.hours::float8`.as('hours'),
    ])
    .where('t.taken_by', '=', userId)
    .orderBy('t.occurs_on')
    .execute();
}

export async function invitationsTo(db: DbOrTrx, email: string) {
  return db
    .selectFrom('helpmatch_circle_invitations')
    .select(['tenant_id', 'circle_id', 'created_at', 'expires_at', 'accepted_at'])
    .where('email', '=', email)
    .execute();
}

/** Circles the user owns, with the member who joined first after them (the next owner), if any. */
export async function ownedCirclesWithSuccessor(db: DbOrTrx, userId: string) {
  return db
    .selectFrom('helpmatch_circle_members as o')
    .select([
      'o.circle_id',
      'o.tenant_id',
      (eb) =>
        eb
          .selectFrom('helpmatch_circle_members as n')
          .select('n.user_id')
          .whereRef('n.tenant_id', '=', 'o.tenant_id')
          .whereRef('n.circle_id', '=', 'o.circle_id')
          .where('n.user_id', '!=', userId)
          .orderBy('n.joined_at')
          .limit(1)
          .as('successor'),
    ])
    .where('o.user_id', '=', userId)
    .where('o.role', '=', 'owner')
    .execute();
}

/** Remove the user from every circle: memberships, open turns, invitations to them; done turns stay as anonymous hours. */
export async function forgetUser(db: DbOrTrx, userId: string, email: string | null): Promise<void> {
  await db.deleteFrom('helpmatch_circle_turns').where('taken_by', '=', userId).where('done_at', 'is', null).execute();
  await db.updateTable('helpmatch_circle_turns').set({ taken_by: null }).where('taken_by', '=', userId).execute();
  await db.deleteFrom('helpmatch_circle_members').where('user_id', '=', userId).execute();
  await db.updateTable('helpmatch_circles').set({ person_user_id: null }).where('person_user_id', '=', userId).execute();
  await db.updateTable('helpmatch_circles').set({ created_by: null }).where('created_by', '=', userId).execute();
  await db.updateTable('helpmatch_circle_tasks').set({ created_by: null }).where('created_by', '=', userId).execute();
  await db.updateTable('helpmatch_circle_invitations').set({ invited_by: null }).where('invited_by', '=', userId).execute();
  await db.updateTable('helpmatch_circle_invitations').set({ accepted_by: null }).where('accepted_by', '=', userId).execute();
  if (email) await db.deleteFrom('helpmatch_circle_invitations').where('email', '=', email.toLowerCase()).execute();
}

export async function promoteOwner(db: DbOrTrx, tenantId: string, circleId: string, userId: string): Promise<void> {
  await db
    .updateTable('helpmatch_circle_members')
    .set({ role: 'owner' })
    .where('tenant_id', '=', tenantId)
    .where('circle_id', '=', circleId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteCircleById(db: DbOrTrx, tenantId: string, circleId: string): Promise<void> {
  await db.deleteFrom('helpmatch_circles').where('tenant_id', '=', tenantId).where('id', '=', circleId).execute();
}
