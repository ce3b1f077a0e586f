import './list.messages.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { UUID_RE } from '../../../platform/ids.ts';
import { auditFrom, recordAudit } from '../../../platform/audit/audit.service.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { listAreas } from '../../areas/areas.service.ts';
import { listOrganisations } from '../../people/people.service.ts';
import { organisationsInSight } from '../access.ts';
import { listCategories } from '../config/categories.service.ts';
import { categoryIn } from '../config/categories.presenter.ts';
import { EXPORT_LIMIT, exportCsv } from './list.csv.ts';
import {
  deleteFilter,
  filterFor,
  filterQueryString,
  listPage,
  listQueryInput,
  saveFilter,
  saveFilterForm,
  savedFilters,
  type ListQuery,
} from './list.service.ts';
import type { SignalListItem } from './list.presenter.ts';
import { signalMap } from './views/list-map.tsx';
import { SignalListPage } from './views/list.tsx';
import { localDate } from '../../../platform/time.ts';

const STAFF = { roles: ['professional', 'coordinator'], personalData: true } as const;

/** The list for professionals and coordinators: filters, paging, map view, CSV export and saved filters. */
export async function listRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const base = (tenant: RequestTenant) => `/${tenant.slug}/meldingen/behandelen`;

  /** Categories, organisations and the store filter for a query, narrowed to what the requesting viewer may see. */
  const context = async (req: FastifyRequest & { tenant: RequestTenant }, q: ListQuery) => {
    const tenantId = req.tenant.id;
    const [categories, organisations] = await Promise.all([listCategories(req.db, tenantId), listOrganisations(req.db, tenantId)]);
    const filter = filterFor(q, categories, app.clock.now());
    return { tenantId, categories, organisations, filter, orgNames: new Map(organisations.map((o) => [o.id, o.name])) };
  };

  route.get('/:tenant/meldingen/behandelen', { policy: STAFF, query: listQueryInput }, async (req, reply) => {
    const q = req.query;
    const { tenantId, categories, organisations, filter, orgNames } = await context(req, q);
    const inSight = organisationsInSight(req.principal, 'signal.list');
    const [page, saved, districts, neighbourhoods] = await Promise.all([
      listPage(req.db, req.principal, tenantId, filter, { after: q.na, before: q.voor }),
      savedFilters(req.db, req.principal),
      listAreas(req.db, tenantId, { level: 'district' }),
      listAreas(req.db, tenantId, { level: 'neighbourhood' }),
    ]);
    // Each wijk followed by its buurten, by name.
    const areas = districts.flatMap((w) => [
      { code: w.code, name: w.name, level: 'district' as const },
      ...neighbourhoods
        .filter((b) => b.parentCode === w.code)
        .map((b) => ({ code: b.code, name: b.name, level: 'neighbourhood' as const })),
    ]);
    let map;
    if (q.weergave === 'kaart') {
      const needBuurten = page.rows.some((r) => r.sensitive && r.buurtCode);
      const [wijken, buurten] = await Promise.all([
        listAreas(req.db, tenantId, { level: 'district' }),
        needBuurten ? listAreas(req.db, tenantId, { level: 'neighbourhood' }) : [],
      ]);
      const labels = new Map(buurten.flatMap((b) => (b.label ? [[b.code, b.label] as const] : [])));
      const dotLabel = (r: SignalListItem, approximate: boolean) =>
        req.t(approximate ? 'signals.list.map.dotApprox' : 'signals.list.map.dot', {
          id: r.publicId,
          category: r.categoryName,
          state: req.t(`signals.state.${r.state}`),
        });
      map = signalMap(wijken, labels, page.rows, dotLabel);
    }
    return reply.page(
      <SignalListPage
        ctx={req.viewContext()}
        slug={req.tenant.slug}
        query={q}
        page={page}
        categories={categories.map(categoryIn(req.locale))}
        organisations={inSight === 'all' ? organisations : organisations.filter((o) => inSight.includes(o.id))}
        orgNames={orgNames}
        saved={saved}
        map={map}
        exportLimit={EXPORT_LIMIT}
        now={app.clock.now()}
        areas={areas}
      />,
      { title: req.t('signals.list.title') },
    );
  });

  route.get('/:tenant/meldingen/behandelen/export.csv', { policy: STAFF, query: listQueryInput }, async (req, reply) => {
    const q = req.query;
    const { tenantId, filter, orgNames } = await context(req, q);
    const now = app.clock.now();
    const out = await exportCsv(req.db, req.principal, tenantId, filter, {
      orgNames,
      stateLabel: (s) => req.t(`signals.state.${s}`),
      now,
    });
    await recordAudit(req.db, {
      ...auditFrom(req),
      action: 'export',
      entity: 'signal',
      entityId: null,
      detail: { format: 'csv', rows: out.rows, sensitive: out.sensitive, filter: filterQueryString(q) },
    });
    const date = localDate(now);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="meldingen-${req.tenant.slug}-${date}.csv"`)
      .header('cache-control', 'no-store')
      .send(out.csv);
  });

  route.post('/:tenant/meldingen/behandelen/filters', { policy: STAFF, form: saveFilterForm }, async (req, reply) => {
    const { name, ...q } = req.body;
    const saved = await inTransaction(req.db, async (trx) => {
      const row = await saveFilter(trx, req.principal, { name, query: q });
      await recordAudit(trx, { ...auditFrom(req), action: 'create', entity: 'signal_saved_filter', entityId: row.id });
      return row;
    });
    return reply.redirect(`${base(req.tenant)}?${saved.query}`, 303);
  });

  route.post(
    '/:tenant/meldingen/behandelen/filters/:id/verwijderen',
    { policy: STAFF, params: { id: z.string().regex(UUID_RE) }, form: z.object({}) },
    async (req, reply) => {
      const { id } = req.params;
      await inTransaction(req.db, async (trx) => {
        await deleteFilter(trx, req.principal, id);
        await recordAudit(trx, { ...auditFrom(req), action: 'delete', entity: 'signal_saved_filter', entityId: id });
      });
      return reply.redirect(base(req.tenant), 303);
    },
  );
}
