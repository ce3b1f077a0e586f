/**
 * Invitations into a care circle: a mailed link with a random token, stored only as its SHA-256,
 * valid 14 days and once. Accepting needs the account with the invited e-mail address.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { BadRequest, Conflict, Forbidden, NotFound } from '../../../platform/errors.ts';
import { translator, type Locale } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/mail.service.ts';
import { findUserByEmail } from '../../people/people.service.ts';
import * as store from './circle.store.ts';
import { assertMember, assertOwner, audit, type Actor, type MemberCircle } from './circle.service.ts';
import { authorize } from '../../../platform/principal.ts';
import { can } from '../policies.ts';
import { isUuid } from '../../../platform/ids.ts';
import { hashToken, newToken } from '../../../platform/tokens.ts';
import { circleInvitationView, type CircleInvitationView } from './circle.presenter.ts';

export const INVITE_DAYS = 14;
const MAX_OPEN_INVITATIONS = 50;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Invite someone into the circle by e-mail (owner only); queues the mail in the caller's transaction. */
export async function inviteToCircle(
  db: DbOrTrx,
  circle: MemberCircle,
  actor: Actor,
  input: {
    tenant: { id: string; slug: string; name: string };
    email: string;
    name: string;
    inviterName: string;
    locale: Locale;
    now: Date;
    baseUrl: string;
  },
): Promise<{ token: string; invitationId: string }> {
  assertOwner(circle, actor);
  const email = input.email.trim().toLowerCase();
  const existing = await findUserByEmail(db, email);
  if (existing && !existing.deleted_at) {
    const already = await store.findCircleOfMember(db, circle.tenant_id, circle.id, existing.id);
    if (already) throw Conflict('helpmatch.circle.invite.alreadyMember', { email: 'helpmatch.circle.invite.alreadyMember' });
  }
  const open = await store.listOpenInvitations(db, circle.tenant_id, circle.id, input.now);
  if (open.length >= MAX_OPEN_INVITATIONS) throw Conflict('helpmatch.circle.invite.tooMany', { email: 'helpmatch.circle.invite.tooMany' });
  const token = newToken();
  return inTransaction(db, async (trx) => {
    const invitationId = await store.insertInvitation(trx, {
      tenantId: circle.tenant_id,
      circleId: circle.id,
      tokenHash: hashToken(token),
      email,
      name: input.name.trim(),
      invitedBy: actor.userId,
      now: input.now,
      expiresAt: new Date(input.now.getTime() + INVITE_DAYS * 24 * 3600 * 1000),
    });
    const locale = existing?.locale ?? input.locale;
    const t = translator(locale);
    const vars = {
      name: input.name.trim(),
      inviter: input.inviterName,
      person: circle.person_name,
      municipality: input.tenant.name,
      link: `${input.baseUrl}/${input.tenant.slug}/hulp/kring/uitnodiging/${token}`,
      days: INVITE_DAYS,
    };
    await queueMail(trx, {
      to: email,
      subject: t('helpmatch.circle.invite.mail.subject', vars),
      text: t('helpmatch.circle.invite.mail.body', vars),
      locale,
      tenantId: circle.tenant_id,
      userId: existing?.id ?? null,
      now: input.now,
    });
    await audit(trx, circle.tenant_id, actor, 'invite', 'helpmatch_circle', circle.id, { invitationId });
    return { token, invitationId };
  });
}

export interface CircleInvitation {
  id: string;
  circleId: string;
  email: string;
  name: string;
  personName: string;
}

/** A usable invitation of this tenant by its token; BadRequest for malformed, unknown, used, revoked or expired ones. */
export async function getCircleInvitation(db: DbOrTrx, tenantId: string, token: string, now: Date): Promise<CircleInvitation> {
  if (!TOKEN.test(token)) throw BadRequest('helpmatch.circle.invite.invalid');
  const row = await store.findInvitationByHash(db, tenantId, hashToken(token));
  if (!row || row.accepted_at || row.revoked_at || row.expires_at.getTime() <= now.getTime()) {
    throw BadRequest('helpmatch.circle.invite.invalid');
  }
  return { id: row.id, circleId: row.circle_id, email: row.email, name: row.name, personName: row.person_name };
}

/** Accept an invitation as the signed-in user with the invited address: they become a member. */
export async function acceptCircleInvitation(
  db: DbOrTrx,
  tenantId: string,
  actor: Actor & { email: string },
  token: string,
  now: Date,
): Promise<{ circleId: string }> {
  authorize(can(actor, 'circle.invitation.accept', { tenantId, userIds: [actor.userId] }));
  const inv = await getCircleInvitation(db, tenantId, token, now);
  if (inv.email !== actor.email.toLowerCase()) throw Forbidden('helpmatch.circle.invite.otherAccount');
  return inTransaction(db, async (trx) => {
    if (!(await store.consumeInvitation(trx, tenantId, inv.id, actor.userId, now))) throw BadRequest('helpmatch.circle.invite.invalid');
    await store.insertMember(trx, { tenantId, circleId: inv.circleId, userId: actor.userId, role: 'member', now });
    await audit(trx, tenantId, actor, 'accept_invitation', 'helpmatch_circle_member', actor.userId, {
      circleId: inv.circleId,
      invitationId: inv.id,
    });
    return { circleId: inv.circleId };
  });
}

/** Withdraw an open invitation (owner only). */
export async function revokeCircleInvitation(
  db: DbOrTrx,
  circle: MemberCircle,
  actor: Actor,
  invitationId: string,
  now: Date,
): Promise<void> {
  assertOwner(circle, actor);
  if (!isUuid(invitationId)) throw NotFound();
  await inTransaction(db, async (trx) => {
    if (!(await store.revokeInvitation(trx, circle.tenant_id, circle.id, invitationId, now))) throw NotFound();
    await audit(trx, circle.tenant_id, actor, 'revoke_invitation', 'helpmatch_circle', circle.id, { invitationId });
  });
}

/** Open invitations of the circle (owner only: the addresses are what they typed; other members see none). */
export async function listCircleInvitations(db: DbOrTrx, circle: MemberCircle, actor: Actor, now: Date): Promise<CircleInvitationView[]> {
  assertMember(circle, actor);
  if (circle.role !== 'owner') return [];
  return (await store.listOpenInvitations(db, circle.tenant_id, circle.id, now)).map(circleInvitationView);
}
