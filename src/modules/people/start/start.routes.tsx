import type { FastifyInstance } from 'fastify';
import { routes } from '../../../platform/http/route.ts';
import { attentionFor } from './start.service.ts';
import { StartPage } from './views/start.tsx';

/** Roles with a start page: staff (residents and volunteers start at the municipality's home). */
export const START_ROLES = ['professional', 'coordinator', 'admin'] as const;

/** `/{tenant}/beheer`: the staff start page and the administrator's home. */
export async function startRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  route.get('/:tenant/beheer', { policy: { roles: START_ROLES } }, async (req, reply) => {
    const items = await attentionFor(req.db, req.principal, req.tenant, app.attentionSources, app.clock.now());
    return reply.page(<StartPage ctx={req.viewContext()} items={items} />, {
      title: req.t('people.start.title'),
      breadcrumbs: [{ href: `/${req.tenant.slug}/`, label: req.tenant.name }],
    });
  });
}
