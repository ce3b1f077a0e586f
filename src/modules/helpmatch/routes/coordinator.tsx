import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditFrom, recordAudit } from '../../../platform/audit/audit.service.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { Invalid } from '../../../platform/errors.ts';
import { listMembers } from '../../people/people.service.ts';
import * as hm from '../helpmatch.service.ts';
import { blockForm, proposeForm, vogForm } from '../helpmatch.schemas.ts';
import { CoordOffersPage, CoordReportsPage, CoordRequestsPage } from '../views/coordinator.tsx';
import { actorOf, buurtOptions, COORDINATORS, matchCtx, noticeOf } from './shared.ts';

/** Coordinator pages: requests, offers with VOG recording, proposing a request to a volunteer, reports and blocks. */
export async function coordinatorRoutes(app: FastifyInstance): Promise<void> {
  const policy = { roles: COORDINATORS, personalData: true };
  const crumbs = (req: FastifyRequest) => [{ href: `/${req.tenant!.slug}/hulp`, label: req.t('helpmatch.title') }];
  const names = async (tenantId: string) => new Map((await listMembers(app.db, tenantId)).map((m) => [m.userId, m.name]));

  app.get('/:tenant/hulp/coordinatie', { config: { policy } }, async (req, reply) => {
    const tenant = req.tenant!;
    const all = (req.query as { toon?: string }).toon === 'alle';
    const buurten = await buurtOptions(app.db, tenant.id);
    const rows = (await hm.listRequestsForCoordinator(app.db, tenant.id, all ? undefined : ['open'])).map((r) => ({
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
      breadcrumbs: crumbs(req),
    });
  });

  app.get('/:tenant/hulp/coordinatie/aanbod', { config: { policy } }, async (req, reply) => {
    const tenant = req.tenant!;
    const [offers, people, buurten] = await Promise.all([
      hm.listOffersForCoordinator(app.db, tenant.id),
      names(tenant.id),
      buurtOptions(app.db, tenant.id),
    ]);
    await recordAudit(app.db, {
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
      breadcrumbs: crumbs(req),
    });
  });

  app.post('/:tenant/hulp/coordinatie/aanbod/:id/vog', { config: { policy } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const form = parseForm(vogForm, req.body, req.t);
    if (!form.ok) throw Invalid({ seenOn: 'helpmatch.vog.invalidDate' });
    await hm.recordVog(app.db, req.tenant!.id, actorOf(req), id, form.data.seenOn, app.clock.now());
    return reply.redirect(`/${req.tenant!.slug}/hulp/coordinatie/aanbod?melding=vog-opgeslagen`, 303);
  });

  app.post('/:tenant/hulp/coordinatie/vragen/:id/voorstellen', { config: { policy } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const form = parseForm(proposeForm, req.body, req.t);
    if (!form.ok) throw Invalid({ volunteer: 'helpmatch.match.noOffer' });
    await hm.proposeToVolunteer(app.db, matchCtx(app, req), actorOf(req), id, form.data.volunteer);
    return reply.redirect(`/${req.tenant!.slug}/hulp/vragen/${id}?melding=voorgesteld`, 303);
  });

  app.get('/:tenant/hulp/coordinatie/meldingen', { config: { policy } }, async (req, reply) => {
    const tenant = req.tenant!;
    const [reports, blocked, people] = await Promise.all([
      hm.listReports(app.db, tenant.id),
      hm.listBlocked(app.db, tenant.id),
      names(tenant.id),
    ]);
    await recordAudit(app.db, {
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
      { title: req.t('helpmatch.coord.reports'), breadcrumbs: crumbs(req) },
    );
  });

  app.post('/:tenant/hulp/coordinatie/meldingen/:id/afgehandeld', { config: { policy } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    await hm.handleReport(app.db, req.tenant!.id, actorOf(req), id, app.clock.now());
    return reply.redirect(`/${req.tenant!.slug}/hulp/coordinatie/meldingen?melding=afgehandeld`, 303);
  });

  app.post('/:tenant/hulp/coordinatie/blokkeren', { config: { policy } }, async (req, reply) => {
    const form = parseForm(blockForm, req.body, req.t);
    if (!form.ok) throw Invalid(form.errors);
    await hm.blockUser(app.db, req.tenant!.id, actorOf(req), form.data.userId, form.data.reason, app.clock.now());
    return reply.redirect(`/${req.tenant!.slug}/hulp/coordinatie/meldingen?melding=geblokkeerd`, 303);
  });

  app.post('/:tenant/hulp/coordinatie/deblokkeren', { config: { policy } }, async (req, reply) => {
    const form = parseForm(blockForm, req.body, req.t);
    if (!form.ok) throw Invalid(form.errors);
    await hm.unblockUser(app.db, req.tenant!.id, actorOf(req), form.data.userId);
    return reply.redirect(`/${req.tenant!.slug}/hulp/coordinatie/meldingen?melding=gedeblokkeerd`, 303);
  });
}
