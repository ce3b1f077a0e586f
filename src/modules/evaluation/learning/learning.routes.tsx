import type { FastifyInstance } from 'fastify';
import { routes } from '../../../platform/http/route.ts';
import { can } from '../policies.ts';
import { installationLearning, municipalityLearning } from './learning.service.ts';
import { InstallationLearningPage, MunicipalityLearningPage } from './views/learning-pages.tsx';

/**
 * Learning together: `/{tenant}/samen-leren` (a municipality's experiments and cards; staff also
 * see what is not published) and `/samen-leren` (what every municipality of the installation
 * published; no municipality, so the one unscoped read of this module, published rows only).
 */
export async function learningRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

  route.get('/:tenant/samen-leren', { policy: 'public' }, async (req, reply) => {
    const model = await municipalityLearning(req.db, req.principal, req.tenant.id, req.locale);
    const name = req.tenant.name;
    return reply.page(
      <MunicipalityLearningPage
        ctx={req.viewContext()}
        slug={req.tenant.slug}
        name={name}
        experiments={model.experiments}
        cards={model.cards}
        staff={can(req.principal, 'evaluation.viewDraft')}
      />,
      { title: req.t('evaluation.learning.title', { name }) },
    );
  });

  route.get('/samen-leren', { policy: 'public' }, async (req, reply) => {
    // unscoped: /samen-leren belongs to no municipality; installationLearning reads published rows only
    const municipalities = await installationLearning(app.db, app.clock.now(), req.locale);
    return reply.page(<InstallationLearningPage ctx={req.viewContext()} municipalities={municipalities} />, {
      title: req.t('evaluation.learning.shared.title'),
    });
  });
}
