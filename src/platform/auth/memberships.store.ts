import { sql } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import type { Role } from '../roles.ts';

/** Queries on `memberships`: the only place that names the table (auth.tables.ts). */

const STAFF: readonly Role[] = ['professional', 'coordinator', 'admin'];

/** Every membership row, as a query to join (`.as('m')`) where a module needs memberships beside its own tables. */
export function membershipRows(db: DbOrTrx) {
  return db.selectFrom('memberships').select(['id', 'tenant_id', 'user_id', 'organisation_id', 'role', 'created_at']);
}

export function listMemberships(db: DbOrTrx, userId: string) {
  return db
    .selectFrom('memberships')
    .where('user_id', '=', userId)
    .select(['tenant_id as tenantId', 'organisation_id as organisationId', 'role'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The user's memberships in one tenant only (one shard under Citus), oldest first. */
export function listMembershipsIn(db: DbOrTrx, userId: string, tenantId: string) {
  return db
    .selectFrom('memberships')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .select(['tenant_id as tenantId', 'organisation_id as organisationId', 'role'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function isStaffAnywhere(db: DbOrTrx, userId: string): Promise<boolean> {
  const row = await db.selectFrom('memberships').where('user_id', '=', userId).where('role', 'in', STAFF).select('id').executeTakeFirst();
  return row !== undefined;
}

export async function firstTenantOf(db: DbOrTrx, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('memberships')
    .where('user_id', '=', userId)
    .select('tenant_id')
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  return row?.tenant_id ?? null;
}

export interface MembershipKey {
  tenantId: string;
  userId: string;
  organisationId: string | null;
  role: Role;
}

export function findMembership(db: DbOrTrx, m: MembershipKey) {
  let q = db
    .selectFrom('memberships')
    .select('id')
    .where('tenant_id', '=', m.tenantId)
    .where('user_id', '=', m.userId)
    .where('role', '=', m.role);
  q = m.organisationId ? q.where('organisation_id', '=', m.organisationId) : q.where('organisation_id', 'is', null);
  return q.executeTakeFirst();
}

/** Insert a membership; undefined when it exists already. `now` is its creation time (else the database's). */
export function insertMembership(db: DbOrTrx, m: MembershipKey & { now?: Date }) {
  return db
    .insertInto('memberships')
    .values({ tenant_id: m.tenantId, user_id: m.userId, organisation_id: m.organisationId, role: m.role, created_at: m.now })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function findMembershipById(db: DbOrTrx, tenantId: string, id: string) {
  return db
    .selectFrom('memberships')
    .select(['id', 'user_id', 'organisation_id', 'role'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function lockAdminMemberships(db: DbOrTrx, tenantId: string): Promise<void> {
  await db.selectFrom('memberships').select('id').where('tenant_id', '=', tenantId).where('role', '=', 'admin').forUpdate().execute();
}

export async function countRole(db: DbOrTrx, tenantId: string, role: Role): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.count<number>(sql`distinct user_id`).as('n'))
    .where('tenant_id', '=', tenantId)
    .where('role', '=', role)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteMembership(db: DbOrTrx, tenantId: string, id: string): Promise<void> {
  await db.deleteFrom('memberships').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function deleteMembershipsOfUser(db: DbOrTrx, userId: string): Promise<void> {
  await db.deleteFrom('memberships').where('user_id', '=', userId).execute();
}
