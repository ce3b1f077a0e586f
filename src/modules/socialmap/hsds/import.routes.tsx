/** The HSDS import page for coordinators: `/{tenant}/sociale-kaart/beheer/import`. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, Invalid } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { actorFrom } from '../actor.ts';
import { HsdsImportPage } from './views/import-page.tsx';
import { importHsds } from './import.ts';
import { rolesFor } from '../policies.ts';

const POLICY = { roles: rolesFor('socialmap.import') };
/** One HSDS JSON file (the upload limit of the app: 20 MB). */
const UPLOAD_LIMITS = { fileField: 'file', maxFiles: 1, maxFileBytes: 20 * 1024 * 1024, maxFields: 10, rejectTooLarge: true };
/** `outside=keep` keeps locations outside the municipality; anything else refuses them. */
const importForm = z.object({ outside: z.enum(['keep']).optional().catch(undefined) });

/** Register the import page (GET form, POST multipart upload). */
export async function hsdsImportRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const page = (
    req: FastifyRequest & { tenant: RequestTenant },
    reply: FastifyReply,
    status: number,
    props: Omit<Parameters<typeof HsdsImportPage>[0], 'ctx' | 'slug'> = {},
  ) =>
    reply.page(<HsdsImportPage ctx={req.viewContext()} slug={req.tenant.slug} {...props} />, {
      title: req.t('socialmap.import.title'),
      status,
      breadcrumbs: [{ href: `/${req.tenant.slug}/`, label: req.tenant.name }],
    });

  route.get('/:tenant/sociale-kaart/beheer/import', { policy: POLICY }, async (req, reply) => page(req, reply, 200));

  route.post(
    '/:tenant/sociale-kaart/beheer/import',
    {
      policy: POLICY,
      multipart: UPLOAD_LIMITS,
      form: importForm,
      invalid: (req, reply, errors, _values, status) => page(req, reply, status, { errors }),
    },
    async (req, reply) => {
      if (!req.upload) throw new AppError(415, 'unsupported_media_type', 'error.unsupportedMediaType');
      const file = req.upload.files[0];
      if (!file || file.data.length === 0) throw Invalid({ file: 'socialmap.import.noFile' });
      let data: unknown;
      try {
        data = JSON.parse(file.data.toString('utf8'));
      } catch {
        throw Invalid({ file: 'socialmap.import.invalidJson' });
      }
      const report = await importHsds(req.db, req.tenant.id, data, actorFrom(req, app.clock.now()), {
        outside: req.body.outside === 'keep' ? 'keep' : 'reject',
      });
      return page(req, reply, report.written ? 200 : 422, { report });
    },
  );
}
