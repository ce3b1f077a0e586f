import { forgetMailTo } from '../../platform/mail/mail.service.ts';
import type { DbOrTrx } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { Conflict, Forbidden, Invalid, NotFound, type FieldErrors } from '../../platform/errors.ts';
import { authorize, type Principal } from '../../platform/principal.ts';
import { can, type Action } from './policies.ts';
import { listAuditByActor } from '../../platform/audit/audit.read.ts';
import { listMailsTo } from '../../platform/mail/mail.read.ts';
import { listTenants } from '../../platform/tenants/tenants.service.ts';
import * as memberships from '../../platform/auth/memberships.service.ts';
import { endSessionsOfUser } from '../../platform/auth/sessions.service.ts';
import { hashPassword } from './auth/password.ts';
import * as store from './people.store.ts';
import { NAME_MAX, ORGANISATION_KINDS, ROLES, emailSchema } from './people.schemas.ts';
import { isUuid } from '../../platform/ids.ts';
import type { Locale, OrganisationKind } from './people.tables.ts';
import { deleteRemovalsOfUser } from './admin/admin.removals.store.ts';
import type { Role } from '../../platform/roles.ts';

export { ORGANISATION_KINDS, ROLES };

export interface NewUser {
  email: string;
  name: string;
  locale?: Locale;
  phone?: string | null;
  address?: string | null;
  /** Plain password; hashed here with argon2id. Check it with `passwordProblem` first. */
  password?: string | null;
  isDemo?: boolean;
  totpSecretEncrypted?: string | null;
  /** Since when the second factor is on (the caller's clock): required with `totpSecretEncrypted`. */
  totpEnabledAt?: Date;
}

/** Create a user with a lower-cased e-mail address; a taken address gives Conflict. */
export async function createUser(db: DbOrTrx, input: NewUser): Promise<{ id: string }> {
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  const fields: FieldErrors = {};
  if (!emailSchema.safeParse(email).success) fields.email = 'form.invalidEmail';
  if (name.length === 0) fields.name = 'form.required';
  else if (name.length > NAME_MAX) fields.name = 'form.tooLong';
  if (Object.keys(fields).length > 0) throw Invalid(fields);
  if (input.totpSecretEncrypted && !input.totpEnabledAt) {
    throw new Error('createUser: a second factor needs totpEnabledAt (the clock of the caller).');
  }
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const row = await store.insertUser(db, {
    email,
    name,
    locale: input.locale ?? 'nl',
    phone: input.phone?.trim() || null,
    address: input.address?.trim() || null,
    passwordHash,
    isDemo: input.isDemo ?? false,
    totpSecret: input.totpSecretEncrypted ?? null,
    totpEnabledAt: input.totpSecretEncrypted ? (input.totpEnabledAt ?? null) : null,
  });
  if (!row) throw Conflict('people.emailTaken', { email: 'people.emailTaken' });
  return { id: row.id };
}

/** Find an active or deleted user by e-mail address (case-insensitive); undefined when unknown. */
export async function findUserByEmail(db: DbOrTrx, email: string) {
  return store.findUserByEmail(db, email.trim().toLowerCase());
}

/** Create an organisation in a tenant; a name used twice in one tenant gives Conflict. */
export async function createOrganisation(
  db: DbOrTrx,
  input: { tenantId: string; name: string; kind: OrganisationKind },
): Promise<{ id: string }> {
  const name = input.name.trim();
  const fields: FieldErrors = {};
  if (name.length === 0) fields.name = 'form.required';
  else if (name.length > NAME_MAX) fields.name = 'form.tooLong';
  if (!ORGANISATION_KINDS.includes(input.kind)) fields.kind = 'people.org.kindInvalid';
  if (Object.keys(fields).length > 0) throw Invalid(fields);
  if (await store.findOrganisationByName(db, input.tenantId, name)) {
    throw Conflict('people.org.nameTaken', { name: 'people.org.nameTaken' });
  }
  const row = await store.insertOrganisation(db, { tenantId: input.tenantId, name, kind: input.kind });
  if (!row) throw Conflict('people.org.nameTaken', { name: 'people.org.nameTaken' });
  return { id: row.id };
}

/** An organisation of the tenant by its name (case-insensitive), or undefined. */
export async function findOrganisationByName(db: DbOrTrx, tenantId: string, name: string) {
  return store.findOrganisationByName(db, tenantId, name.trim());
}

/** Organisations of a tenant by name, with the number of distinct members. */
export async function listOrganisations(db: DbOrTrx, tenantId: string) {
  const rows = await store.listOrganisations(db, tenantId);
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, memberCount: Number(r.memberCount) }));
}

/** One organisation of the tenant; NotFound when it does not exist there. */
export async function getOrganisation(db: DbOrTrx, tenantId: string, organisationId: string) {
  if (!isUuid(organisationId)) throw NotFound();
  const org = await store.findOrganisation(db, tenantId, organisationId);
  if (!org) throw NotFound();
  return { id: org.id, name: org.name, kind: org.kind };
}

/** Give a user a role in a tenant (optionally in one of its organisations); adding it twice is harmless. */
export async function addMembership(
  db: DbOrTrx,
  input: { tenantId: string; userId: string; organisationId?: string | null; role: Role },
): Promise<{ id: string }> {
  const organisationId = input.organisationId || null;
  if (!ROLES.includes(input.role)) throw Invalid({ role: 'people.roleInvalid' });
  if (!isUuid(input.userId)) throw Invalid({ userId: 'people.userUnknown' });
  if (organisationId !== null && (!isUuid(organisationId) || !(await store.findOrganisation(db, input.tenantId, organisationId)))) {
    throw Invalid({ organisationId: 'people.org.notInTenant' });
  }
  const user = await store.findUserById(db, input.userId);
  if (!user || user.deleted_at) throw Invalid({ userId: 'people.userUnknown' });
  const row = await memberships.addMembership(db, { tenantId: input.tenantId, userId: input.userId, organisationId, role: input.role });
  if (!row) throw Conflict();
  return { id: row.id };
}

/** Remove one membership of the tenant; the last administrator cannot be removed. */
export async function removeMembership(
  db: DbOrTrx,
  tenantId: string,
  membershipId: string,
): Promise<{ userId: string; role: Role; organisationId: string | null }> {
  if (!isUuid(membershipId)) throw NotFound();
  return inTransaction(db, async (trx) => {
    const m = await memberships.findMembershipById(trx, tenantId, membershipId);
    if (!m) throw NotFound();
    if (m.role === 'admin') {
      // Wait for a concurrent removal to finish, then count what it left.
      await memberships.lockAdminMemberships(trx, tenantId);
      if ((await memberships.countRole(trx, tenantId, 'admin')) <= 1) throw Conflict('people.lastAdmin');
    }
    await memberships.removeMembership(trx, tenantId, membershipId);
    return { userId: m.user_id, role: m.role, organisationId: m.organisation_id };
  });
}

export interface MemberRow {
  membershipId: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  userId: string;
  name: string;
  email: string | null;
}

/**
 * Whether a person is within the reach of this tenant's administrators: every role they hold is a
 * role other than admin in this tenant (or they have no account yet, e.g. a new invitee). Someone
 * with a role in another municipality, or an administrator, is beyond it: an administrator must
 * never be able to act as them or see their live sign-in, reset or invitation links.
 */
export async function isWithinAdminReach(db: DbOrTrx, tenantId: string, who: { userId: string | null; email: string }): Promise<boolean> {
  return !(await store.hasRoleBeyondAdminReach(db, tenantId, who));
}

/** Names by user id (for showing people instead of ids, e.g. in the audit log); deleted and unknown accounts are left out. */
export async function userNames(db: DbOrTrx, ids: readonly string[]): Promise<Map<string, string>> {
  const valid = [...new Set(ids.filter(isUuid))];
  return new Map((await store.namesOfUsers(db, valid)).map((u) => [u.id, u.name]));
}

/** Everyone with a role in the municipality, once each, by name. */
export async function peopleOfTenant(db: DbOrTrx, tenantId: string): Promise<{ id: string; name: string }[]> {
  const people = new Map<string, string>();
  for (const m of await store.listMembers(db, tenantId, {})) if (!people.has(m.userId)) people.set(m.userId, m.name);
  return [...people].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Memberships of the tenant with the person's name and e-mail, optionally for one organisation, role or user. */
export async function listMembers(
  db: DbOrTrx,
  tenantId: string,
  filters: { organisationId?: string; role?: Role; userId?: string } = {},
): Promise<MemberRow[]> {
  if (filters.organisationId !== undefined && !isUuid(filters.organisationId)) return [];
  if (filters.userId !== undefined && !isUuid(filters.userId)) return [];
  return store.listMembers(db, tenantId, filters);
}

/** The profile of a user with their memberships; NotFound for unknown or deleted accounts. */
export async function getUserProfile(db: DbOrTrx, userId: string) {
  const u = isUuid(userId) ? await store.findUserById(db, userId) : undefined;
  if (!u || u.deleted_at) throw NotFound();
  const held = await store.membershipsOfUser(db, userId);
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    locale: u.locale,
    phone: u.phone,
    address: u.address,
    isDemo: u.is_demo,
    totpEnabled: u.totp_enabled_at !== null,
    createdAt: u.created_at,
    memberships: held,
  };
}

/** Account self-service acts on the principal's own account: the action must be allowed (`account.*`, signed in). */
function ownAccount(principal: Principal, action: Action, facts: { isDemo?: boolean } = {}): string {
  authorize(can(principal, action, undefined, facts));
  if (!principal.userId) throw Forbidden();
  return principal.userId;
}

/** The principal's own profile with their memberships (`account.view`). */
export async function getOwnProfile(db: DbOrTrx, principal: Principal) {
  return getUserProfile(db, ownAccount(principal, 'account.view'));
}

/** Change the principal's own name, language, phone and address (`account.update`); returns the names of the fields that changed. */
export async function updateProfile(
  db: DbOrTrx,
  principal: Principal,
  p: { name: string; locale: Locale; phone: string | null; address: string | null },
): Promise<string[]> {
  const userId = ownAccount(principal, 'account.update');
  const before = await getUserProfile(db, userId);
  const changed = (['name', 'locale', 'phone', 'address'] as const).filter((k) => (before[k] ?? null) !== (p[k] ?? null));
  if (changed.length > 0) await store.updateUserProfile(db, userId, { ...p, now: principal.now });
  return changed;
}

/** Everything we hold about the principal (`account.export`): profile, memberships, their audit entries and the mails sent to them (as of the principal's moment). */
export async function exportUserData(db: DbOrTrx, principal: Principal) {
  const userId = ownAccount(principal, 'account.export');
  const now = principal.now;
  const profile = await getUserProfile(db, userId);
  const tenants = new Map((await listTenants(db)).map((t) => [t.id, t.name]));
  const audit = await listAuditByActor(db, userId);
  const mails = await listMailsTo(db, { userId, email: profile.email });
  return {
    exportedAt: now.toISOString(),
    profile: {
      id: profile.id,
      email: profile.email,
      name: profile.name,
      locale: profile.locale,
      phone: profile.phone,
      address: profile.address,
      isDemo: profile.isDemo,
      secondFactorEnabled: profile.totpEnabled,
      createdAt: profile.createdAt,
    },
    memberships: profile.memberships.map((m) => ({
      tenantId: m.tenantId,
      tenantName: tenants.get(m.tenantId) ?? null,
      role: m.role,
      organisationId: m.organisationId,
      organisationName: m.organisationName,
      since: m.createdAt,
    })),
    auditLog: audit,
    mails,
  };
}

/**
 * Delete the principal's own account (`account.delete`; never a shared demo account) by anonymising
 * it: the row stays (contributions keep pointing at it) but e-mail, phone, address, password and
 * second factor are erased; sessions, tokens and memberships go.
 */
export async function deleteAccount(db: DbOrTrx, principal: Principal): Promise<void> {
  const userId = ownAccount(principal, 'account.delete');
  const now = principal.now;
  if (!isUuid(userId)) throw NotFound();
  await inTransaction(db, async (trx) => {
    const u = await store.findUserById(trx, userId);
    if (!u || u.deleted_at) throw NotFound();
    if (!can(principal, 'account.delete', undefined, { isDemo: u.is_demo })) throw Forbidden('people.delete.demo');
    await endSessionsOfUser(trx, userId);
    await memberships.removeMembershipsOfUser(trx, userId);
    await deleteRemovalsOfUser(trx, userId);
    await store.deleteUserTokens(trx, userId, u.email);
    await forgetMailTo(trx, { userId, email: u.email });
    await store.anonymiseUser(trx, userId, now);
  });
}
