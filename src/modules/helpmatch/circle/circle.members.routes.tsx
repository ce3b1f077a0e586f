/** Members and invitations of a care circle, and accepting an invitation by its link. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Unauthorized } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import * as circles from './circle.service.ts';
import {
  acceptCircleInvitation,
  getCircleInvitation,
  INVITE_DAYS,
  inviteToCircle,
  listCircleInvitations,
  revokeCircleInvitation,
} from './circle.invitations.ts';
import { circleInviteForm, noticeOf, noticeQuery } from './circle.schemas.ts';
import { uuidParam } from '../helpmatch.schemas.ts';
import { actorOf, circlePath, crumbs, listPath } from './circle.http.ts';
import { singleValues } from '../helpmatch.http.ts';
import { MembersPage } from './views/members.tsx';
import { circleView } from './circle.presenter.ts';
import { CircleInvitationPage, type CircleInvitationMode } from './views/invitation.tsx';
import type { MessageKey } from '../../../platform/i18n/index.ts';

type TenantRequest = FastifyRequest & { tenant: RequestTenant };

/** The invitation link's token in the path: any text (a malformed, unknown or used token is a 400 that says to ask for a new one). */
const tokenParam = z.string();

export async function circleMemberRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const member = (req: TenantRequest, circleId: string) => circles.getCircle(req.db, req.tenant.id, circleId, actorOf(req));
  const membersPath = (tenant: RequestTenant, id: string) => `${circlePath(tenant, id)}/leden`;
  const circleParams = { id: uuidParam };

  async function renderMembers(
    req: TenantRequest,
    reply: FastifyReply,
    circle: circles.MemberCircle,
    notice: MessageKey | null,
    extra: { values?: Record<string, string>; errors?: Record<string, string>; status?: number } = {},
  ) {
    const members = await circles.listCircleMembers(req.db, circle, actorOf(req));
    const invitations = await listCircleInvitations(req.db, circle, actorOf(req), app.clock.now());
    await circles.audit(req.db, circle.tenant_id, actorOf(req), 'view', 'helpmatch_circle_member', null, { circleId: circle.id });
    return reply
      .header('cache-control', 'no-store')
      .page(
        <MembersPage
          ctx={req.viewContext()}
          circle={circleView(circle)}
          members={members}
          invitations={invitations}
          inviteDays={INVITE_DAYS}
          notice={notice}
          {...extra}
        />,
        {
          title: req.t('helpmatch.circle.members.title', { name: circle.person_name }),
          breadcrumbs: crumbs(req, req.tenant, circle),
          ...(extra.status ? { status: extra.status } : {}),
        },
      );
  }

  route.get('/:tenant/hulp/kring/:id/leden', { policy: 'signedIn', params: circleParams, query: noticeQuery }, async (req, reply) =>
    renderMembers(req, reply, await member(req, req.params.id), noticeOf(req.query)),
  );

  route.post(
    '/:tenant/hulp/kring/:id/uitnodigen',
    {
      policy: 'signedIn',
      rateLimit: { max: 30, timeWindow: '1 minute' },
      params: circleParams,
      form: circleInviteForm,
      invalid: async (req, reply, errors, values, status) =>
        renderMembers(req, reply, await member(req, req.params.id), null, { values: singleValues(values), errors, status }),
    },
    async (req, reply) => {
      const circle = await member(req, req.params.id);
      await inviteToCircle(req.db, circle, actorOf(req), {
        tenant: req.tenant,
        email: req.body.email,
        name: req.body.name,
        inviterName: req.user!.name,
        locale: req.locale,
        now: app.clock.now(),
        baseUrl: app.config.baseUrl,
      });
      return reply.redirect(`${membersPath(req.tenant, circle.id)}?melding=uitnodiging-verstuurd`, 303);
    },
  );

  route.post(
    '/:tenant/hulp/kring/:id/uitnodigingen/:invitationId/intrekken',
    { policy: 'signedIn', params: { id: uuidParam, invitationId: uuidParam }, form: z.object({}) },
    async (req, reply) => {
      const circle = await member(req, req.params.id);
      await revokeCircleInvitation(req.db, circle, actorOf(req), req.params.invitationId, app.clock.now());
      return reply.redirect(`${membersPath(req.tenant, circle.id)}?melding=uitnodiging-ingetrokken`, 303);
    },
  );

  route.post(
    '/:tenant/hulp/kring/:id/leden/:userId/verwijderen',
    { policy: 'signedIn', params: { id: uuidParam, userId: uuidParam }, form: z.object({}) },
    async (req, reply) => {
      const circle = await member(req, req.params.id);
      await circles.removeMember(req.db, circle, actorOf(req), req.params.userId);
      return reply.redirect(`${membersPath(req.tenant, circle.id)}?melding=lid-verwijderd`, 303);
    },
  );

  route.post('/:tenant/hulp/kring/:id/verlaten', { policy: 'signedIn', params: circleParams, form: z.object({}) }, async (req, reply) => {
    const circle = await member(req, req.params.id);
    await circles.leaveCircle(req.db, circle, actorOf(req));
    return reply.redirect(`${listPath(req.tenant)}?melding=verlaten`, 303);
  });

  route.post('/:tenant/hulp/kring/:id/opheffen', { policy: 'signedIn', params: circleParams, form: z.object({}) }, async (req, reply) => {
    const circle = await member(req, req.params.id);
    await circles.closeCircle(req.db, circle, actorOf(req));
    return reply.redirect(`${listPath(req.tenant)}?melding=opgeheven`, 303);
  });

  // --- the invitation link (the token is the key; accepting needs the invited account) ---
  const rateLimit = { max: 30, timeWindow: '1 minute' };
  const invitationPath = (tenant: RequestTenant, token: string) => `${listPath(tenant)}/uitnodiging/${token}`;

  route.get(
    '/:tenant/hulp/kring/uitnodiging/:token',
    { policy: 'public', rateLimit, params: { token: tokenParam } },
    async (req, reply) => {
      const { token } = req.params;
      const inv = await getCircleInvitation(req.db, req.tenant.id, token, app.clock.now());
      const mode: CircleInvitationMode = !req.user ? 'signIn' : req.user.email.toLowerCase() === inv.email ? 'accept' : 'otherAccount';
      return reply
        .header('referrer-policy', 'no-referrer')
        .header('cache-control', 'no-store')
        .page(
          <CircleInvitationPage
            ctx={req.viewContext()}
            action={invitationPath(req.tenant, token)}
            personName={inv.personName}
            email={inv.email}
            mode={mode}
          />,
          {
            title: req.t('helpmatch.circle.invite.page.title'),
          },
        );
    },
  );

  route.post(
    '/:tenant/hulp/kring/uitnodiging/:token',
    { policy: 'public', rateLimit, params: { token: tokenParam }, form: z.object({}) },
    async (req, reply) => {
      const { token } = req.params;
      const now = app.clock.now();
      await getCircleInvitation(req.db, req.tenant.id, token, now);
      if (!req.user) throw Unauthorized();
      const { circleId } = await acceptCircleInvitation(req.db, req.tenant.id, { ...actorOf(req), email: req.user.email }, token, now);
      return reply.redirect(`${circlePath(req.tenant, circleId)}?melding=welkom`, 303);
    },
  );
}
