import type { FastifyInstance } from 'fastify';
import { routes } from '../../../platform/http/route.ts';
import { listMyRequests } from '../requests/requests.service.ts';
import { getMyOffer, listLatentContacts } from '../offers/offers.service.ts';
import { listMyMatches } from '../matches/details.service.ts';
import { OverviewPage, type OverviewData } from './views/overview.tsx';
import { actorOf, buurtOptions, noticeOf, noticeQuery } from '../helpmatch.http.ts';
import { can } from '../policies.ts';

/** The start page /{tenant}/hulp: public intro, and for members their requests, offer and matches. */
export async function overviewRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  route.get('/:tenant/hulp', { policy: 'public', query: noticeQuery }, async (req, reply) => {
    const tenant = req.tenant;
    const member = !!req.user && req.roles.length > 0;
    const data: OverviewData = {
      signedIn: !!req.user,
      member,
      coordinator: false,
      requests: [],
      offer: null,
      matches: [],
      latentBuurten: [],
    };
    if (member) {
      const actor = actorOf(req);
      const userId = actor.userId;
      data.coordinator = can(req.principal, 'request.list');
      data.requests = (await listMyRequests(req.db, actor)).map((r) => ({
        id: r.id,
        category: r.category,
        summary: r.summary,
        state: r.state,
        isDemo: r.is_demo,
      }));
      const offer = await getMyOffer(req.db, actor);
      data.offer = offer ? { categories: offer.categories, active: offer.active } : null;
      data.matches = (await listMyMatches(req.db, actor)).map((m) => ({
        id: m.match.id,
        category: m.request.category,
        summary: m.request.summary,
        state: m.match.state,
        role: m.role,
      }));
      const latent = await listLatentContacts(req.db, tenant.id, actor, { userId });
      if (latent.length > 0) {
        const names = (await buurtOptions(req.db, tenant.id)).names;
        data.latentBuurten = latent.map((l) => names.get(l.buurt_code) ?? l.buurt_code);
      }
    }
    return reply.page(<OverviewPage ctx={req.viewContext()} data={data} notice={noticeOf(req.query)} />, {
      title: req.t('helpmatch.title'),
    });
  });
}
