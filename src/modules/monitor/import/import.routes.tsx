/** The monitor import page for coordinators: `/{tenant}/beheer/monitor/import` (works without JavaScript). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, Invalid } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { SUBJECTS } from '../../../platform/principal.ts';
import type { Role } from '../../../platform/roles.ts';
import { RULES } from '../policies.ts';
import { importMonitorFile, listMonitorImports, MAX_IMPORT_BYTES, type MonitorImportReport } from './import.service.ts';
import { MonitorImportPage, type ImportFormValues } from './views/import-page.tsx';

const POLICY = {
  roles: SUBJECTS.filter((s): s is Role => s !== 'anyone' && s !== 'signedIn' && RULES['monitor.import'][s] !== undefined),
};
const UPLOAD_LIMITS = { fileField: 'file', maxFiles: 1, maxFileBytes: MAX_IMPORT_BYTES, maxFields: 10, rejectTooLarge: true };
const importForm = z.object({
  format: z.enum(['auto', 'csv', 'xlsx', 'cbs']).catch('auto'),
  period: z
    .string()
    .trim()
    .regex(/^(\d{4})?$/, 'monitor.import.badPeriod')
    .optional(),
});

export const monitorImportPath = (slug: string) => `/${slug}/beheer/monitor/import`;

/** Register the import page (GET form and earlier imports, POST multipart upload). */
export async function monitorImportRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const page = async (
    req: FastifyRequest & { tenant: RequestTenant },
    reply: FastifyReply,
    status: number,
    props: { errors?: Record<string, string>; report?: MonitorImportReport; values?: ImportFormValues } = {},
  ) => {
    const history = await listMonitorImports(req.db, req.principal, req.tenant.id);
    return reply.page(<MonitorImportPage ctx={req.viewContext()} slug={req.tenant.slug} history={history} {...props} />, {
      title: req.t('monitor.import.title'),
      status,
      breadcrumbs: [
        { href: `/${req.tenant.slug}/`, label: req.tenant.name },
        { href: `/${req.tenant.slug}/beheer/monitor`, label: req.t('monitor.nav') },
      ],
    });
  };

  route.get('/:tenant/beheer/monitor/import', { policy: POLICY }, async (req, reply) => page(req, reply, 200));

  route.post(
    '/:tenant/beheer/monitor/import',
    {
      policy: POLICY,
      multipart: UPLOAD_LIMITS,
      form: importForm,
      invalid: (req, reply, errors, values, status) =>
        page(req, reply, status, {
          errors: req.upload?.files[0] ? errors : { file: req.t('monitor.import.noFile'), ...errors },
          values: { format: String(values.format ?? 'auto'), period: String(values.period ?? '') },
        }),
    },
    async (req, reply) => {
      if (!req.upload) throw new AppError(415, 'unsupported_media_type', 'error.unsupportedMediaType');
      const file = req.upload.files[0];
      if (!file || file.data.length === 0) throw Invalid({ file: 'monitor.import.noFile' });
      const report = await importMonitorFile(req.db, req.principal, {
        tenantId: req.tenant.id,
        fileName: file.name,
        bytes: file.data,
        format: req.body.format === 'auto' ? undefined : req.body.format,
        period: req.body.period || undefined,
        now: app.clock.now(),
      });
      return page(req, reply, report.written ? 200 : 422, { report, values: { format: req.body.format, period: req.body.period ?? '' } });
    },
  );
}
