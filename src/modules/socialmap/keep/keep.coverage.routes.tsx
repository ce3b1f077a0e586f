/** The coordinator's coverage view at /{tenant}/sociale-kaart/dekking, with the CSV downloads of the matrix and of all entries. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { auditFrom, recordAudit } from '../../../platform/audit/audit.service.ts';
import { routes } from '../../../platform/http/route.ts';
import { COORDINATOR_ROLES } from './keep.access.ts';
import { coverageCsv, entriesCsv, staleCount, tenantCoverage, tenantDuplicates } from './keep.coverage.ts';
import { CoveragePage } from './views/coverage.tsx';

/** Send CSV as a download; the byte-order mark makes spreadsheet programs read it as UTF-8. */
function sendCsv(reply: FastifyReply, filename: string, body: string) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(`\uFEFF${body}`);
}

export async function keepCoverageRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const policy = { roles: COORDINATOR_ROLES };

  route.get('/:tenant/sociale-kaart/dekking', { policy }, async (req, reply) => {
    const [matrix, duplicates, stale] = await Promise.all([
      tenantCoverage(req.db, req.principal),
      tenantDuplicates(req.db, req.principal),
      staleCount(req.db, req.principal),
    ]);
    return reply.page(<CoveragePage ctx={req.viewContext()} matrix={matrix} duplicates={duplicates} staleCount={stale} />, {
      title: req.t('socialmap.keep.cov.title'),
      breadcrumbs: [{ href: `/${req.tenant.slug}/sociale-kaart`, label: req.t('socialmap.find.nav') }],
    });
  });

  async function audited(req: FastifyRequest, what: string, rows: number) {
    await recordAudit(req.db, {
      ...auditFrom(req),
      action: 'export',
      entity: 'socialmap_coverage',
      entityId: null,
      detail: { what, rows },
    });
  }

  route.get('/:tenant/sociale-kaart/dekking/dekking.csv', { policy }, async (req, reply) => {
    const matrix = await tenantCoverage(req.db, req.principal);
    await audited(req, 'matrix', matrix.rows.length);
    return sendCsv(reply, `dekking-${req.tenant.slug}.csv`, coverageCsv(matrix, req.t));
  });

  route.get('/:tenant/sociale-kaart/dekking/aanbod.csv', { policy }, async (req, reply) => {
    const csv = await entriesCsv(req.db, req.principal);
    await audited(req, 'entries', csv.split('\n').length - 2);
    return sendCsv(reply, `aanbod-${req.tenant.slug}.csv`, csv);
  });
}
