import './overview.messages.ts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { routes } from '../../../platform/http/route.ts';
import { budgetCsv, cardsCsv } from './overview.csv.ts';
import { overviewPath, programmePath } from './overview.paths.ts';
import { programmeDocument, programmeOverview } from './overview.service.ts';
import { OverviewPage, programmeTitle } from './views/overview-page.tsx';
import { ProgrammeDocumentPage } from './views/programme-document.tsx';

const programmeParam = { programme: z.string().max(100) };

/**
 * A programme's overviews (public for an active programme, as the programme itself):
 * `/{tenant}/programmas/{programme}/overzicht` (planning and financing), `…/document` (the
 * printable programme document), `…/overzicht/projecten.csv` and `…/overzicht/begroting.csv`.
 */
export async function overviewRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

  route.get('/:tenant/programmas/:programme/overzicht', { policy: 'public', params: programmeParam }, async (req, reply) => {
    const model = await programmeOverview(req.db, req.principal, req.tenant.id, req.params.programme);
    const ctx = req.viewContext();
    const title = programmeTitle(ctx, model.programme);
    return reply.page(<OverviewPage ctx={ctx} slug={req.tenant.slug} model={model} />, {
      title: req.t('programmes.overview.heading', { title }),
      breadcrumbs: [
        { href: `/${req.tenant.slug}/`, label: req.tenant.name },
        { href: programmePath(req.tenant.slug, model.programme.slug), label: title },
      ],
    });
  });

  route.get('/:tenant/programmas/:programme/document', { policy: 'public', params: programmeParam }, async (req, reply) => {
    const model = await programmeDocument(req.db, req.principal, req.tenant.id, req.params.programme);
    const ctx = req.viewContext();
    const title = programmeTitle(ctx, model.programme);
    return reply.page(<ProgrammeDocumentPage ctx={ctx} slug={req.tenant.slug} model={model} />, {
      title: `${req.t('programmes.overview.doc.title')}: ${title}`,
      breadcrumbs: [
        { href: `/${req.tenant.slug}/`, label: req.tenant.name },
        { href: programmePath(req.tenant.slug, model.programme.slug), label: title },
        { href: overviewPath(req.tenant.slug, model.programme.slug), label: req.t('programmes.overview.title') },
      ],
    });
  });

  const csv = (kind: 'projecten' | 'begroting') =>
    route.get(`/:tenant/programmas/:programme/overzicht/${kind}.csv`, { policy: 'public', params: programmeParam }, async (req, reply) => {
      const model = await programmeOverview(req.db, req.principal, req.tenant.id, req.params.programme);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${kind}-${req.tenant.slug}-${model.programme.slug}.csv"`)
        .header('cache-control', 'no-store')
        .send(kind === 'projecten' ? cardsCsv(model) : budgetCsv(model));
    });
  csv('projecten');
  csv('begroting');
}
