/** The HSDS import page for coordinators and admins: `/{tenant}/sociale-kaart/beheer/import`. */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import { CSRF_COOKIE, CsrfError, csrfToken } from '../../../platform/http/csrf.ts';
import { actorFrom } from '../service/common.ts';
import { HsdsImportPage } from '../views/hsds/import-page.tsx';
import { importHsds } from './import.ts';

const POLICY = { roles: ['coordinator', 'admin'] } as const;

async function readUpload(req: FastifyRequest): Promise<{ csrf?: string; file: Buffer | null; fields: Record<string, string> }> {
  const form: { csrf?: string; file: Buffer | null; fields: Record<string, string> } = { file: null, fields: {} };
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

/** Register the import page (GET form, POST multipart upload). */
export async function hsdsImportRoutes(app: FastifyInstance): Promise<void> {
  const crumbs = (req: FastifyRequest) => [{ href: `/${req.tenant!.slug}/`, label: req.tenant!.name }];

  app.get('/:tenant/sociale-kaart/beheer/import', { config: { policy: POLICY } }, async (req, reply) =>
    reply.page(<HsdsImportPage ctx={req.viewContext()} slug={req.tenant!.slug} />, {
      title: req.t('socialmap.import.title'),
      breadcrumbs: crumbs(req),
    }),
  );

  app.post(
    '/:tenant/sociale-kaart/beheer/import',
    // Multipart bodies are not parsed for the global CSRF check: the handler verifies the token itself, before importing.
    { config: { csrf: false, policy: POLICY } },
    async (req, reply) => {
      const tenant = req.tenant!;
      if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type', 'error.unsupportedMediaType');
      const form = await readUpload(req);
      verifyToken(req, app.config.sessionSecret, form.csrf);
      const page = (status: number, props: Omit<Parameters<typeof HsdsImportPage>[0], 'ctx' | 'slug'>) =>
        reply.page(<HsdsImportPage ctx={req.viewContext()} slug={tenant.slug} {...props} />, {
          title: req.t('socialmap.import.title'),
          status,
          breadcrumbs: crumbs(req),
        });
      if (!form.file) return page(422, { errors: { file: req.t('socialmap.import.noFile') } });
      let data: unknown;
      try {
        data = JSON.parse(form.file.toString('utf8'));
      } catch {
        return page(422, { errors: { file: req.t('socialmap.import.invalidJson') } });
      }
      const report = await importHsds(app.db, tenant.id, data, actorFrom(req, app.clock.now()), {
        outside: form.fields.outside === 'keep' ? 'keep' : 'reject',
      });
      return page(report.written ? 200 : 422, { report });
    },
  );
}
