import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Role } from '../../../platform/roles.ts';

/** Roles taken away by an administrator (people_removed_roles): for undo and to find the person again. */

export interface RemovalRow {
  id: string;
  userId: string;
  name: string;
  organisationId: string | null;
  role: Role;
  removedAt: Date;
}

export async function insertRemoval(
  db: DbOrTrx,
  r: { tenantId: string; userId: string; organisationId: string | null; role: Role; removedBy: string | null; now: Date },
): Promise<{ id: string }> {
  return db
    .insertInto('people_removed_roles')
    .values({
      tenant_id: r.tenantId,
      user_id: r.userId,
      organisation_id: r.organisationId,
      role: r.role,
      removed_by: r.removedBy,
      removed_at: r.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Removals since `since` that were not undone, newest first, with the person's name (accounts not deleted). */
export async function listRecentRemovals(db: DbOrTrx, tenantId: string, since: Date): Promise<RemovalRow[]> {
  const rows = await db
    .selectFrom('people_removed_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.user_id', 'u.name', 'r.organisation_id', 'r.role', 'r.removed_at'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.removed_at', '>=', since)
    .where('r.restored_at', 'is', null)
    .where('u.deleted_at', 'is', null)
    .orderBy('r.removed_at', 'desc')
    .orderBy('r.id')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    name: r.name,
    organisationId: r.organisation_id,
    role: r.role,
    removedAt: r.removed_at,
  }));
}

/** One removal, locked until the transaction ends (so it is undone once). */
export function findRemovalForUpdate(db: DbOrTrx, tenantId: string, id: string) {
  return db
    .selectFrom('people_removed_roles')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function markRestored(db: DbOrTrx, tenantId: string, id: string, now: Date): Promise<void> {
  await db.updateTable('people_removed_roles').set({ restored_at: now }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Whether the user lost a role in the tenant since `since` (they may be given one again). */
export async function hadRoleSince(db: DbOrTrx, tenantId: string, userId: string, since: Date): Promise<boolean> {
  const row = await db
    .selectFrom('people_removed_roles')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('removed_at', '>=', since)
    .executeTakeFirst();
  return row !== undefined;
}

/** Removals older than `before` (data minimisation), and all of one user (account deletion). */
export async function deleteRemovalsBefore(db: DbOrTrx, before: Date): Promise<number> {
  const r = await db.deleteFrom('people_removed_roles').where('removed_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteRemovalsOfUser(db: DbOrTrx, userId: string): Promise<void> {
  await db.deleteFrom('people_removed_roles').where('user_id', '=', userId).execute();
}
