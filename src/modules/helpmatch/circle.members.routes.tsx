/** Members and invitations of a care circle, and accepting an invitation by its link. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Unauthorized } from '../../platform/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import * as circles from './circle.service.ts';
import {
  acceptCircleInvitation,
  getCircleInvitation,
  INVITE_DAYS,
  inviteToCircle,
  listCircleInvitations,
  revokeCircleInvitation,
} from './circle.invitations.ts';
import { circleInviteForm, noticeOf } from './circle.schemas.ts';
import { actorOf, circlePath, crumbs, formErrors, listPath, stringFields } from './circle.http.ts';
import { MembersPage } from './views/circle/members.tsx';
import { CircleInvitationPage, type CircleInvitationMode } from './views/circle/invitation.tsx';

export async function circleMemberRoutes(app: FastifyInstance): Promise<void> {
  const member = (req: FastifyRequest) => circles.getCircle(app.db, req.tenant!.id, (req.params as { id: string }).id, req.user!.id);
  const membersPath = (req: FastifyRequest, id: string) => `${circlePath(req, id)}/leden`;

  async function renderMembers(
    req: FastifyRequest,
    reply: FastifyReply,
    circle: circles.MemberCircle,
    extra: { values?: Record<string, string>; errors?: Record<string, string>; status?: number } = {},
  ) {
    const members = await circles.listCircleMembers(app.db, circle);
    const invitations = await listCircleInvitations(app.db, circle, app.clock.now());
    await circles.audit(app.db, circle.tenant_id, actorOf(req), 'view', 'helpmatch_circle_member', null, { circleId: circle.id });
    return reply
      .header('cache-control', 'no-store')
      .page(
        <MembersPage
          ctx={req.viewContext()}
          circle={circle}
          members={members}
          invitations={invitations}
          inviteDays={INVITE_DAYS}
          notice={noticeOf(req.query)}
          {...extra}
        />,
        {
          title: req.t('helpmatch.circle.members.title', { name: circle.person_name }),
          breadcrumbs: crumbs(req, circle),
          ...(extra.status ? { status: extra.status } : {}),
        },
      );
  }

  app.get('/:tenant/hulp/kring/:id/leden', { config: { policy: 'signedIn' } }, async (req, reply) =>
    renderMembers(req, reply, await member(req)),
  );

  app.post(
    '/:tenant/hulp/kring/:id/uitnodigen',
    { config: { policy: 'signedIn', rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const circle = await member(req);
      const form = parseForm(circleInviteForm, req.body, req.t);
      if (!form.ok) return renderMembers(req, reply, circle, { values: stringFields(req.body), errors: form.errors, status: 422 });
      try {
        await inviteToCircle(app.db, circle, actorOf(req), {
          tenant: req.tenant!,
          email: form.data.email,
          name: form.data.name,
          inviterName: req.user!.name,
          locale: req.locale,
          now: app.clock.now(),
          baseUrl: app.config.baseUrl,
        });
      } catch (err) {
        const { status, errors } = formErrors(err, req.t);
        return renderMembers(req, reply, circle, { values: stringFields(req.body), errors, status });
      }
      return reply.redirect(`${membersPath(req, circle.id)}?melding=uitnodiging-verstuurd`, 303);
    },
  );

  app.post('/:tenant/hulp/kring/:id/uitnodigingen/:invitationId/intrekken', { config: { policy: 'signedIn' } }, async (req, reply) => {
    const circle = await member(req);
    await revokeCircleInvitation(app.db, circle, actorOf(req), (req.params as { invitationId: string }).invitationId, app.clock.now());
    return reply.redirect(`${membersPath(req, circle.id)}?melding=uitnodiging-ingetrokken`, 303);
  });

  app.post('/:tenant/hulp/kring/:id/leden/:userId/verwijderen', { config: { policy: 'signedIn' } }, async (req, reply) => {
    const circle = await member(req);
    await circles.removeMember(app.db, circle, actorOf(req), (req.params as { userId: string }).userId);
    return reply.redirect(`${membersPath(req, circle.id)}?melding=lid-verwijderd`, 303);
  });

  app.post('/:tenant/hulp/kring/:id/verlaten', { config: { policy: 'signedIn' } }, async (req, reply) => {
    const circle = await member(req);
    await circles.leaveCircle(app.db, circle, actorOf(req));
    return reply.redirect(`${listPath(req)}?melding=verlaten`, 303);
  });

  app.post('/:tenant/hulp/kring/:id/opheffen', { config: { policy: 'signedIn' } }, async (req, reply) => {
    const circle = await member(req);
    await circles.closeCircle(app.db, circle, actorOf(req));
    return reply.redirect(`${listPath(req)}?melding=opgeheven`, 303);
  });

  // --- the invitation link (the token is the key; accepting needs the invited account) ---
  const rateLimit = { max: 30, timeWindow: '1 minute' };
  const invitationPath = (req: FastifyRequest, token: string) => `${listPath(req)}/uitnodiging/${token}`;

  app.get('/:tenant/hulp/kring/uitnodiging/:token', { config: { policy: 'public', rateLimit } }, async (req, reply) => {
    const { token } = req.params as { token: string };
    const inv = await getCircleInvitation(app.db, req.tenant!.id, token, app.clock.now());
    const mode: CircleInvitationMode = !req.user ? 'signIn' : req.user.email.toLowerCase() === inv.email ? 'accept' : 'otherAccount';
    return reply
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
      .page(
        <CircleInvitationPage
          ctx={req.viewContext()}
          action={invitationPath(req, token)}
          personName={inv.personName}
          email={inv.email}
          mode={mode}
        />,
        {
          title: req.t('helpmatch.circle.invite.page.title'),
        },
      );
  });

  app.post('/:tenant/hulp/kring/uitnodiging/:token', { config: { policy: 'public', rateLimit } }, async (req, reply) => {
    const { token } = req.params as { token: string };
    const now = app.clock.now();
    await getCircleInvitation(app.db, req.tenant!.id, token, now);
    if (!req.user) throw Unauthorized();
    const { circleId } = await acceptCircleInvitation(app.db, req.tenant!.id, { ...actorOf(req), email: req.user.email }, token, now);
    return reply.redirect(`${circlePath(req, circleId)}?melding=welkom`, 303);
  });
}
