import { sql } from 'kysely';
import type { DbOrTrx } from '../../platform/db/database.ts';
import type { Locale, OrganisationKind } from './people.tables.ts';
import type { Role } from '../../platform/roles.ts';
import { membershipRows } from '../../platform/auth/memberships.service.ts';

/**
 * Queries of the people module on users, organisations and invitation tokens. Memberships are the
 * platform's (src/platform/auth/): joined here through its `membershipRows`, changed through its service.
 */

export function findUserById(db: DbOrTrx, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByEmail(db: DbOrTrx, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** Id and name of the accounts among `ids` that were not deleted. */
export function namesOfUsers(db: DbOrTrx, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).where('deleted_at', 'is', null).execute();
}

export interface NewUserRow {
  email: string;
  name: string;
  locale: Locale;
  phone: string | null;
  address: string | null;
  passwordHash: string | null;
  isDemo: boolean;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
}

/** Insert a user; returns undefined when the e-mail address is taken. */
export async function insertUser(db: DbOrTrx, u: NewUserRow): Promise<{ id: string } | undefined> {
  return db
    .insertInto('users')
    .values({
      email: u.email,
      name: u.name,
      locale: u.locale,
      phone: u.phone,
      address: u.address,
      password_hash: u.passwordHash,
      is_demo: u.isDemo,
      totp_secret: u.totpSecret,
      totp_enabled_at: u.totpEnabledAt,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function updateUserProfile(
  db: DbOrTrx,
  id: string,
  p: { name: string; locale: Locale; phone: string | null; address: string | null; now: Date },
) {
  return db
    .updateTable('users')
    .set({ name: p.name, locale: p.locale, phone: p.phone, address: p.address, updated_at: p.now })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export function anonymiseUser(db: DbOrTrx, id: string, now: Date) {
  return db
    .updateTable('users')
    .set({
      email: null,
      name: 'Verwijderde gebruiker',
      phone: null,
      address: null,
      password_hash: null,
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      deleted_at: now,
      updated_at: now,
    })
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Delete the user's tokens (sign-in, reset, invitations: also those sent to the address). */
export async function deleteUserTokens(db: DbOrTrx, id: string, email: string | null): Promise<void> {
  let q = db.deleteFrom('auth_tokens').where('user_id', '=', id);
  if (email) q = db.deleteFrom('auth_tokens').where((eb) => eb.or([eb('user_id', '=', id), eb('email', '=', email)]));
  await q.execute();
}

// Organisations

export function insertOrganisation(db: DbOrTrx, o: { tenantId: string; name: string; kind: OrganisationKind }) {
  return db
    .insertInto('organisations')
    .values({ tenant_id: o.tenantId, name: o.name, kind: o.kind })
    .onConflict((oc) => oc.columns(['tenant_id', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function findOrganisation(db: DbOrTrx, tenantId: string, id: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'tenant_id', 'name', 'kind', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findOrganisationByName(db: DbOrTrx, tenantId: string, name: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'tenant_id', 'name', 'kind'])
    .where('tenant_id', '=', tenantId)
    .where(sql<string>`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
}

export function listOrganisations(db: DbOrTrx, tenantId: string) {
  return db
    .selectFrom('organisations as o')
    .leftJoin(membershipRows(db).as('m'), (j) => j.onRef('m.organisation_id', '=', 'o.id').on('m.tenant_id', '=', tenantId))
    .select(['o.id', 'o.name', 'o.kind', (eb) => eb.fn.count<number>(sql`distinct m.user_id`).as('memberCount')])
    .where('o.tenant_id', '=', tenantId)
    .groupBy(['o.id', 'o.name', 'o.kind'])
    .orderBy('o.name')
    .execute();
}

// Memberships (the platform's table, joined through membershipRows)

/**
 * Whether the account with this id or e-mail address holds a role that a tenant's administrator
 * does not govern: any role in another tenant, or the admin role itself (a peer or higher).
 */
export async function hasRoleBeyondAdminReach(
  db: DbOrTrx,
  tenantId: string,
  who: { userId: string | null; email: string },
): Promise<boolean> {
  const email = who.email.trim().toLowerCase();
  const row = await db
    .selectFrom(membershipRows(db).as('m'))
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('m.id')
    .where((eb) => (who.userId ? eb.or([eb('u.id', '=', who.userId), eb('u.email', '=', email)]) : eb('u.email', '=', email)))
    .where((eb) => eb.or([eb('m.tenant_id', '<>', tenantId), eb('m.role', '=', 'admin')]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export function listMembers(db: DbOrTrx, tenantId: string, f: { organisationId?: string; role?: Role; userId?: string }) {
  let q = db
    .selectFrom(membershipRows(db).as('m'))
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('organisations as o', (j) => j.onRef('o.id', '=', 'm.organisation_id').on('o.tenant_id', '=', tenantId))
    .select([
      'm.id as membershipId',
      'm.role',
      'm.organisation_id as organisationId',
      'o.name as organisationName',
      'u.id as userId',
      'u.name',
      'u.email',
    ])
    .where('m.tenant_id', '=', tenantId)
    .where('u.deleted_at', 'is', null);
  if (f.organisationId) q = q.where('m.organisation_id', '=', f.organisationId);
  if (f.role) q = q.where('m.role', '=', f.role);
  if (f.userId) q = q.where('m.user_id', '=', f.userId);
  return q.orderBy('u.name').orderBy('u.id').orderBy('m.role').execute();
}

export function membershipsOfUser(db: DbOrTrx, userId: string) {
  return db
    .selectFrom(membershipRows(db).as('m'))
    .leftJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'm.tenant_id').onRef('o.id', '=', 'm.organisation_id'))
    .select([
      'm.id',
      'm.tenant_id as tenantId',
      'm.role',
      'm.organisation_id as organisationId',
      'o.name as organisationName',
      'm.created_at as createdAt',
    ])
    .where('m.user_id', '=', userId)
    .orderBy('m.tenant_id')
    .orderBy('m.created_at')
    .execute();
}

// Invitation tokens (auth_tokens of kind 'invite')

export async function insertInvite(
  db: DbOrTrx,
  i: { id: string; userId: string | null; email: string; tenantId: string; data: Record<string, unknown>; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('auth_tokens')
    .values({
      id: i.id,
      kind: 'invite',
      user_id: i.userId,
      email: i.email,
      tenant_id: i.tenantId,
      data: JSON.stringify(i.data),
      created_at: i.now,
      expires_at: i.expiresAt,
    })
    .execute();
}

export function findInvite(db: DbOrTrx, id: string) {
  return db
    .selectFrom('auth_tokens')
    .select(['id', 'email', 'tenant_id', 'user_id', 'data', 'expires_at', 'used_at'])
    .where('id', '=', id)
    .where('kind', '=', 'invite')
    .executeTakeFirst();
}

/** Mark an invitation used, atomically: undefined when it was used or expired meanwhile. */
export function consumeInvite(db: DbOrTrx, id: string, now: Date) {
  return db
    .updateTable('auth_tokens')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('kind', '=', 'invite')
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['id', 'email', 'tenant_id', 'data'])
    .executeTakeFirst();
}
