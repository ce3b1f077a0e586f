import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { z } from 'zod';
import { auditFrom, recordAudit } from '../../../platform/audit/audit.service.ts';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { listMembers } from '../../people/people.service.ts';
import { listRequestsForCoordinator } from '../requests/requests.service.ts';
import { listOffersForCoordinator, recordVog } from '../offers/offers.service.ts';
import { proposeToVolunteer } from '../matches/matches.service.ts';
import { listReports, listBlocked, handleReport, blockUser, unblockUser } from '../safety/safety.service.ts';
import { blockForm, idParam, proposeForm, uuidParam, vogForm } from '../helpmatch.schemas.ts';
import { CoordOffersPage, CoordReportsPage, CoordRequestsPage } from './views/coordinator.tsx';
import { actorOf, buurtOptions, COORDINATORS, matchCtx, noticeOf, noticeQuery } from '../helpmatch.http.ts';

/** Coordinator pages: requests, offers with VOG recording, proposing a request to a volunteer, reports and blocks. */
export async function coordinatorRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const policy = { roles: COORDINATORS, personalData: true };
  const crumbs = (req: FastifyRequest, tenant: RequestTenant) => [{ href: `/${tenant.slug}/hulp`, label: req.t('helpmatch.title') }];
  /** The request list: open requests, or all with `?toon=alle`. */
  const listQuery = noticeQuery.extend({ toon: z.string().optional().catch(undefined) });
  const names = async (db: DbOrTrx, tenantId: string) => new Map((await listMembers(db, tenantId)).map((m) => [m.userId, m.name]));

  route.get('/:tenant/hulp/coordinatie', { policy, query: listQuery }, async (req, reply) => {
    const tenant = req.tenant;
    const all = req.query.toon === 'alle';
    const buurten = await buurtOptions(req.db, tenant.id);
    const rows = (await listRequestsForCoordinator(req.db, tenant.id, actorOf(req), all ? undefined : ['open'])).map((r) => ({
      id: r.id,
      category: r.category,
      summary: r.summary,
      buurt: buurten.names.get(r.buurt_code ?? '') ?? '–',
      state: r.state,
      createdAt: r.created_at,
      onBehalf: r.on_behalf,
      isDemo: r.is_demo,
    }));
    return reply.page(<CoordRequestsPage ctx={req.viewContext()} rows={rows} all={all} notice={noticeOf(req.query)} />, {
      title: req.t('helpmatch.coord.title'),
      breadcrumbs: crumbs(req, tenant),
    });
  });

  route.get('/:tenant/hulp/coordinatie/aanbod', { policy, query: noticeQuery }, async (req, reply) => {
    const tenant = req.tenant;
    const [offers, people, buurten] = await Promise.all([
      listOffersForCoordinator(req.db, tenant.id, actorOf(req)),
      names(req.db, tenant.id),
      buurtOptions(req.db, tenant.id),
    ]);
    await recordAudit(req.db, {
      ...auditFrom(req),
      action: 'view',
      entity: 'help_offers',
      entityId: null,
      detail: { count: offers.length },
    });
    const rows = offers.map((o) => ({
      id: o.id,
      name: people.get(o.user_id) ?? '?',
      buurt: buurten.names.get(o.buurt_code ?? '') ?? '–',
      categories: o.categories,
      reach: o.reach,
      vogSeenOn: o.vog_seen_on,
      active: o.active,
      isDemo: o.is_demo,
    }));
    return reply.page(<CoordOffersPage ctx={req.viewContext()} rows={rows} notice={noticeOf(req.query)} />, {
      title: req.t('helpmatch.coord.offers'),
      breadcrumbs: crumbs(req, tenant),
    });
  });

  // Without `invalid`, a form that does not fit is the error page (422) with the field's message.
  route.post('/:tenant/hulp/coordinatie/aanbod/:id/vog', { policy, params: { id: uuidParam }, form: vogForm }, async (req, reply) => {
    await recordVog(req.db, req.tenant.id, actorOf(req), req.params.id, req.body.seenOn, app.clock.now());
    return reply.redirect(`/${req.tenant.slug}/hulp/coordinatie/aanbod?melding=vog-opgeslagen`, 303);
  });

  route.post(
    '/:tenant/hulp/coordinatie/vragen/:id/voorstellen',
    { policy, params: { id: idParam }, form: proposeForm },
    async (req, reply) => {
      const { id } = req.params;
      await proposeToVolunteer(req.db, matchCtx(app, req.tenant), actorOf(req), id, req.body.volunteer);
      return reply.redirect(`/${req.tenant.slug}/hulp/vragen/${id}?melding=voorgesteld`, 303);
    },
  );

  route.get('/:tenant/hulp/coordinatie/meldingen', { policy, query: noticeQuery }, async (req, reply) => {
    const tenant = req.tenant;
    const [reports, blocked, people] = await Promise.all([
      listReports(req.db, tenant.id, actorOf(req)),
      listBlocked(req.db, tenant.id, actorOf(req)),
      names(req.db, tenant.id),
    ]);
    await recordAudit(req.db, {
      ...auditFrom(req),
      action: 'view',
      entity: 'help_reports',
      entityId: null,
      detail: { count: reports.length },
    });
    return reply.page(
      <CoordReportsPage
        ctx={req.viewContext()}
        reports={reports.map((r) => ({
          id: r.id,
          reportedUserId: r.reported_user_id,
          reportedName: people.get(r.reported_user_id ?? '') ?? '?',
          reason: r.reason,
          state: r.state,
          createdAt: r.created_at,
          matchId: r.match_id,
        }))}
        blocked={blocked.map((b) => ({ userId: b.user_id, name: people.get(b.user_id) ?? '?', reason: b.reason }))}
        notice={noticeOf(req.query)}
      />,
      { title: req.t('helpmatch.coord.reports'), breadcrumbs: crumbs(req, tenant) },
    );
  });

  route.post(
    '/:tenant/hulp/coordinatie/meldingen/:id/afgehandeld',
    { policy, params: { id: uuidParam }, form: z.object({}) },
    async (req, reply) => {
      await handleReport(req.db, req.tenant.id, actorOf(req), req.params.id, app.clock.now());
      return reply.redirect(`/${req.tenant.slug}/hulp/coordinatie/meldingen?melding=afgehandeld`, 303);
    },
  );

  route.post('/:tenant/hulp/coordinatie/blokkeren', { policy, form: blockForm }, async (req, reply) => {
    await blockUser(req.db, req.tenant.id, actorOf(req), req.body.userId, req.body.reason, app.clock.now());
    return reply.redirect(`/${req.tenant.slug}/hulp/coordinatie/meldingen?melding=geblokkeerd`, 303);
  });

  route.post('/:tenant/hulp/coordinatie/deblokkeren', { policy, form: blockForm }, async (req, reply) => {
    await unblockUser(req.db, req.tenant.id, actorOf(req), req.body.userId);
    return reply.redirect(`/${req.tenant.slug}/hulp/coordinatie/meldingen?melding=gedeblokkeerd`, 303);
  });
}
