import type { DbOrTrx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { BadRequest, Conflict, Forbidden } from '../../../platform/errors.ts';
import { translator, type Locale } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/mail.service.ts';
import { hashToken, newToken } from '../../../platform/tokens.ts';
import * as store from '../people.store.ts';
import { findMembership } from '../../../platform/auth/memberships.service.ts';
import { addMembership, createUser, getOrganisation } from '../people.service.ts';
import { INVITE_ROLES } from '../people.schemas.ts';
import { isUuid } from '../../../platform/ids.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { can } from '../policies.ts';

export const INVITE_DAYS = 7;
type InviteRole = (typeof INVITE_ROLES)[number];

/**
 * Invite someone into an organisation of the tenant (`organisation.invite`: administrators, and
 * coordinators of it or of the whole municipality): stores the token's SHA-256 (kind 'invite',
 * valid 7 days) and queues the mail with the link, in the caller's transaction.
 */
export async function inviteToOrganisation(
  db: DbOrTrx,
  principal: Principal,
  input: {
    tenant: { id: string; name: string };
    organisationId: string;
    email: string;
    name: string;
    role: InviteRole;
    locale: Locale;
    now: Date;
    baseUrl: string;
  },
): Promise<{ token: string; invitationId: string }> {
  // Refused before the lookup, so that nobody else learns which organisations exist.
  authorize(can(principal, 'organisation.list', { tenantId: input.tenant.id }));
  const org = await getOrganisation(db, input.tenant.id, input.organisationId);
  authorize(can(principal, 'organisation.invite', { tenantId: input.tenant.id, organisationIds: [org.id] }));
  const email = input.email.trim().toLowerCase();
  const existing = await store.findUserByEmail(db, email);
  if (existing) {
    const member = await findMembership(db, {
      tenantId: input.tenant.id,
      userId: existing.id,
      organisationId: org.id,
      role: input.role,
    });
    if (member) throw Conflict('people.invite.alreadyMember', { email: 'people.invite.alreadyMember' });
  }
  const token = newToken();
  const id = hashToken(token);
  await store.insertInvite(db, {
    id,
    userId: existing?.id ?? null,
    email,
    tenantId: input.tenant.id,
    data: { organisationId: org.id, role: input.role, name: input.name.trim() },
    now: input.now,
    expiresAt: new Date(input.now.getTime() + INVITE_DAYS * 24 * 3600 * 1000),
  });
  const locale = existing?.locale ?? input.locale;
  const t = translator(locale);
  const vars = {
    name: input.name.trim(),
    organisation: org.name,
    municipality: input.tenant.name,
    role: t(`people.role.${input.role}`),
    link: `${input.baseUrl}/uitnodiging/${token}`,
    days: INVITE_DAYS,
  };
  await queueMail(db, {
    to: email,
    subject: t('people.invite.mail.subject', vars),
    text: t('people.invite.mail.body', vars),
    locale,
    tenantId: input.tenant.id,
    userId: existing?.id ?? null,
    now: input.now,
  });
  return { token, invitationId: id };
}

export interface Invitation {
  id: string;
  email: string;
  tenantId: string;
  organisationId: string;
  organisationName: string;
  role: InviteRole;
  name: string;
  /** The account that already exists for this e-mail address, if any. */
  existingUserId: string | null;
}

function parseData(data: unknown): { organisationId: string; role: InviteRole; name: string } | null {
  const d = data as Record<string, unknown> | null;
  if (!d || !isUuid(d.organisationId) || !INVITE_ROLES.includes(d.role as InviteRole)) return null;
  return { organisationId: d.organisationId, role: d.role as InviteRole, name: typeof d.name === 'string' ? d.name : '' };
}

/** A valid invitation by its token; BadRequest for unknown, used or expired ones. */
export async function getInvitation(db: DbOrTrx, token: string, now: Date): Promise<Invitation> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw BadRequest('people.invite.invalid');
  const row = await store.findInvite(db, hashToken(token));
  if (!row || row.used_at || row.expires_at.getTime() <= now.getTime() || !row.tenant_id) throw BadRequest('people.invite.invalid');
  const data = parseData(row.data);
  if (!data) throw BadRequest('people.invite.invalid');
  const org = await store.findOrganisation(db, row.tenant_id, data.organisationId);
  if (!org) throw BadRequest('people.invite.invalid');
  const existing = await store.findUserByEmail(db, row.email);
  return {
    id: row.id,
    email: row.email,
    tenantId: row.tenant_id,
    organisationId: org.id,
    organisationName: org.name,
    role: data.role,
    name: data.name,
    existingUserId: existing?.id ?? null,
  };
}

/**
 * Accept an invitation (`invitation.accept`: whoever holds the token): marks the token used, creates
 * the account when there is none (then name and password are needed), and adds the membership. An
 * existing account must be the signed-in principal.
 */
export async function acceptInvitation(
  db: DbOrTrx,
  principal: Principal,
  input: { token: string; now: Date; name?: string; password?: string },
): Promise<{ userId: string; created: boolean; membershipId: string; tenantId: string; role: InviteRole; organisationId: string }> {
  const inv = await getInvitation(db, input.token, input.now);
  authorize(can(principal, 'invitation.accept', { tenantId: inv.tenantId }));
  return inTransaction(db, async (trx) => {
    const used = await store.consumeInvite(trx, inv.id, input.now);
    if (!used) throw BadRequest('people.invite.invalid');
    let userId: string;
    let created = false;
    if (inv.existingUserId) {
      if (principal.userId !== inv.existingUserId) throw Forbidden('people.invite.signInFirst');
      userId = inv.existingUserId;
    } else {
      if (!input.name || !input.password) throw BadRequest('people.invite.invalid');
      userId = (await createUser(trx, { email: inv.email, name: input.name, password: input.password })).id;
      created = true;
    }
    const m = await addMembership(trx, { tenantId: inv.tenantId, userId, organisationId: inv.organisationId, role: inv.role });
    return { userId, created, membershipId: m.id, tenantId: inv.tenantId, role: inv.role, organisationId: inv.organisationId };
  });
}
