import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { routes } from '../../../platform/http/route.ts';
import { cardLinkOf, resultsOf, seesDrafts } from './results.service.ts';
import { ResultPage } from './views/result-page.tsx';

const referenceParam = { reference: z.string().regex(/^EVA-\d{4}-\d{4,6}$/) };

/** The result page `/{tenant}/evaluaties/{reference}`: public when published, the municipality's staff always. */
export async function resultRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

  route.get('/:tenant/evaluaties/:reference', { policy: 'public', params: referenceParam }, async (req, reply) => {
    const model = await resultsOf(req.db, req.principal, req.tenant.id, req.params.reference);
    const staff = seesDrafts(req.principal, req.tenant.id);
    const e = model.evaluation;
    const card = await cardLinkOf(req.db, req.principal, req.tenant.id, e.cardId);
    return reply.page(<ResultPage ctx={req.viewContext()} model={model} staff={staff} card={card} />, {
      title: req.locale === 'nl' ? e.titleNl : e.titleEn || e.titleNl,
      ...(staff ? { breadcrumbs: [{ href: `/${req.tenant.slug}/evaluaties`, label: req.t('evaluation.admin.nav') }] } : {}),
    });
  });
}
