import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditFrom, recordAudit } from '../../../platform/audit/audit.service.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { AppError, Invalid } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { countAreas, importAreas, listAreas, type ImportReport } from '../areas.service.ts';
import { AdminPage, ImportReportPage } from './views/admin-page.tsx';

const PROPERTY = /^[A-Za-z0-9_]{0,64}$/;

/** The upload form: a GeoJSON file (max 20 MB) and how to read it. Field messages are i18n keys. */
const uploadForm = z.object({
  level: z.enum(['district', 'neighbourhood']).catch('district'),
  year: z
    .union([z.literal(''), z.coerce.number().int('areas.admin.badYear').min(1900, 'areas.admin.badYear').max(2100, 'areas.admin.badYear')])
    .default(''),
  codeProperty: z.string().trim().regex(PROPERTY, 'areas.admin.badProperty').default(''),
  nameProperty: z.string().trim().regex(PROPERTY, 'areas.admin.badProperty').default(''),
});
const UPLOAD_LIMITS = { fileField: 'file', maxFiles: 1, maxFileBytes: 20 * 1024 * 1024, maxFields: 10, rejectTooLarge: true };
const ADMIN = { roles: ['admin'] } as const;

/** Administration of areas: overview and GeoJSON upload (admins of the tenant). */
export async function areasAdminRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

  const adminPage = async (
    req: FastifyRequest & { tenant: RequestTenant },
    reply: FastifyReply,
    form?: { errors: Record<string, string>; values: Record<string, string | string[]>; status: number },
  ) => {
    const tenant = req.tenant;
    const [counts, areas] = await Promise.all([countAreas(req.db, tenant.id), listAreas(req.db, tenant.id)]);
    const values = form && {
      level: String(form.values.level ?? '') === 'neighbourhood' ? 'neighbourhood' : 'district',
      year: String(form.values.year ?? ''),
      codeProperty: String(form.values.codeProperty ?? '').trim(),
      nameProperty: String(form.values.nameProperty ?? '').trim(),
    };
    return reply.page(
      <AdminPage
        ctx={req.viewContext()}
        slug={tenant.slug}
        counts={counts}
        areas={areas}
        {...(form ? { errors: form.errors, values } : {})}
      />,
      { title: req.t('areas.admin.title'), status: form?.status ?? 200, breadcrumbs: [{ href: `/${tenant.slug}/`, label: tenant.name }] },
    );
  };

  route.get('/:tenant/beheer/gebieden', { policy: ADMIN }, (req, reply) => adminPage(req, reply));

  route.post(
    '/:tenant/beheer/gebieden',
    {
      policy: ADMIN,
      multipart: UPLOAD_LIMITS,
      form: uploadForm,
      // A missing file is told together with the other fields.
      invalid: (req, reply, errors, values, status) =>
        adminPage(req, reply, { errors: req.upload?.files[0] ? errors : { file: req.t('areas.admin.noFile'), ...errors }, values, status }),
    },
    async (req, reply) => {
      const tenant = req.tenant;
      if (!req.upload) throw new AppError(415, 'unsupported_media_type', 'error.unsupportedMediaType');
      const file = req.upload.files[0];
      if (!file) throw Invalid({ file: 'areas.admin.noFile' });
      const { level, codeProperty, nameProperty } = req.body;
      const year = req.body.year === '' ? 2024 : req.body.year;
      const report: ImportReport = await inTransaction(req.db, async (trx) => {
        const result = await importAreas(trx, {
          tenantId: tenant.id,
          geojson: file.data,
          level,
          year,
          source: 'Upload door beheerder',
          codeProperty,
          nameProperty,
          now: app.clock.now(),
        });
        await recordAudit(trx, {
          ...auditFrom(req),
          action: 'import',
          entity: 'areas',
          entityId: null,
          detail: { level, year, created: result.created, updated: result.updated, rejected: result.rejected.length },
        });
        return result;
      });
      return reply.page(<ImportReportPage ctx={req.viewContext()} slug={tenant.slug} report={report} />, {
        title: req.t('areas.admin.reportTitle'),
        breadcrumbs: [
          { href: `/${tenant.slug}/`, label: tenant.name },
          { href: `/${tenant.slug}/beheer/gebieden`, label: req.t('areas.admin.title') },
        ],
      });
    },
  );
}
