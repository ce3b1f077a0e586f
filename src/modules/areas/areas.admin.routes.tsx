import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditFrom, recordAudit } from '../../platform/audit/audit.service.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { CSRF_COOKIE, CsrfError, csrfToken } from '../../platform/http/csrf.ts';
import { countAreas, importAreas, listAreas, type ImportReport } from './areas.service.ts';
import { AdminPage, ImportReportPage } from './views/admin-page.tsx';

interface UploadForm {
  csrf: string | undefined;
  file: Buffer | null;
  fields: Record<string, string>;
}

/** Read every part of a multipart upload: the file into memory (max 20 MB, set on the plugin), fields as text. */
async function readUpload(req: FastifyRequest): Promise<UploadForm> {
  const form: UploadForm = { csrf: undefined, file: null, fields: {} };
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const buf = await part.toBuffer();
      if (part.fieldname === 'file' && buf.length > 0) form.file = buf;
    } else if (typeof part.value === 'string') {
      if (part.fieldname === '_csrf') form.csrf = part.value;
      else form.fields[part.fieldname] = part.value;
    }
  }
  return form;
}

function verifyToken(req: FastifyRequest, secret: string, sent: string | undefined): void {
  const cookie = req.cookies[CSRF_COOKIE];
  if (!cookie || !sent) throw new CsrfError();
  const expected = Buffer.from(csrfToken(secret, cookie));
  const given = Buffer.from(sent);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new CsrfError();
}

const PROPERTY = /^[A-Za-z0-9_]{0,64}$/;

/** Administration of areas: overview and GeoJSON upload (admins of the tenant). */
export async function areasAdminRoutes(app: FastifyInstance): Promise<void> {
  app.get('/:tenant/beheer/gebieden', { config: { policy: { roles: ['admin'] } } }, async (req, reply) => {
    const tenant = req.tenant!;
    const [counts, areas] = await Promise.all([countAreas(app.db, tenant.id), listAreas(app.db, tenant.id)]);
    return reply.page(<AdminPage ctx={req.viewContext()} slug={tenant.slug} counts={counts} areas={areas} />, {
      title: req.t('areas.admin.title'),
      breadcrumbs: [{ href: `/${tenant.slug}/`, label: tenant.name }],
    });
  });

  app.post(
    '/:tenant/beheer/gebieden',
    // The global CSRF check reads `_csrf` from a parsed body, which multipart bodies are not:
    // this handler verifies the token from the multipart field itself, before importing anything.
    { config: { csrf: false, policy: { roles: ['admin'] } } },
    async (req, reply) => {
      const tenant = req.tenant!;
      if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type', 'error.unsupportedMediaType');
      const form = await readUpload(req);
      verifyToken(req, app.config.sessionSecret, form.csrf);
      const level = form.fields.level === 'neighbourhood' ? 'neighbourhood' : 'district';
      const year = Number(form.fields.year || '2024');
      const codeProperty = (form.fields.codeProperty ?? '').trim();
      const nameProperty = (form.fields.nameProperty ?? '').trim();
      const errors: Record<string, string> = {};
      if (!form.file) errors.file = 'areas.admin.noFile';
      if (!Number.isInteger(year) || year < 1900 || year > 2100) errors.year = 'areas.admin.badYear';
      if (!PROPERTY.test(codeProperty)) errors.codeProperty = 'areas.admin.badProperty';
      if (!PROPERTY.test(nameProperty)) errors.nameProperty = 'areas.admin.badProperty';
      if (Object.keys(errors).length > 0) {
        const [counts, areas] = await Promise.all([countAreas(app.db, tenant.id), listAreas(app.db, tenant.id)]);
        const translated = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, req.t(v)]));
        const values = { level, year: form.fields.year ?? '', codeProperty, nameProperty };
        return reply.page(
          <AdminPage ctx={req.viewContext()} slug={tenant.slug} counts={counts} areas={areas} errors={translated} values={values} />,
          {
            title: req.t('areas.admin.title'),
            status: 422,
            breadcrumbs: [{ href: `/${tenant.slug}/`, label: tenant.name }],
          },
        );
      }
      const report: ImportReport = await inTransaction(app.db, async (trx) => {
        const result = await importAreas(trx, {
          tenantId: tenant.id,
          geojson: form.file!,
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
