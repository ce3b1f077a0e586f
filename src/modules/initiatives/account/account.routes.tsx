import './account.messages.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { AppError, Invalid } from '../../../platform/errors.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import type { FieldErrors } from '../../../ui/form.tsx';
import { referenceParam } from '../review/review.schemas.ts';
import { accountPage, addFile, fileBytes, recordSpotCheck, removeFile, submitAccount } from './account.service.ts';
import { accountForm, accountQuery, fileParam, removeForm, spotCheckForm, UPLOAD_LIMITS, uploadForm } from './account.schemas.ts';
import { AccountPage, type AccountPageProps } from './views/account-page.tsx';

const COORDINATOR = { roles: ['coordinator'] } as const;
type TenantRequest = FastifyRequest & { tenant: RequestTenant };
type Values = Record<string, string | string[]>;
const strings = (v: Values, max = 4000) =>
  Object.fromEntries(Object.entries(v).flatMap(([k, x]) => (typeof x === 'string' ? [[k, x.slice(0, max)]] : [])));

const NOTICES: Record<string, MessageKey> = {
  bestand: 'initiatives.account.notice.file',
  verwijderd: 'initiatives.account.notice.removed',
  ingestuurd: 'initiatives.account.notice.submitted',
  steekproef: 'initiatives.account.notice.checked',
};

/** Accountability afterwards: `/{tenant}/samen-doen/verantwoorden/{reference}` for the applicant (and coordinators), and the files. */
export async function accountRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const path = (req: TenantRequest, reference: string) => `/${req.tenant.slug}/samen-doen/verantwoorden/${reference}`;

  const render = async (
    req: TenantRequest,
    reply: FastifyReply,
    reference: string,
    extra: Omit<AccountPageProps, 'ctx' | 'slug' | 'model'> = {},
    status = 200,
  ) => {
    const model = await accountPage(req.db, req.principal, req.tenant.id, reference);
    return reply.page(<AccountPage ctx={req.viewContext()} slug={req.tenant.slug} model={model} {...extra} />, {
      title: req.t('initiatives.account.title', { reference: model.reference, title: model.title }),
      status,
      breadcrumbs: [{ href: `/${req.tenant.slug}/`, label: req.tenant.name }],
    });
  };

  route.get(
    '/:tenant/samen-doen/verantwoorden/:reference',
    { policy: 'signedIn', params: referenceParam, query: accountQuery },
    async (req, reply) => render(req, reply, req.params.reference, { notice: req.query.klaar ? NOTICES[req.query.klaar] : null }),
  );

  route.post(
    '/:tenant/samen-doen/verantwoorden/:reference/bestand',
    {
      policy: 'signedIn',
      params: referenceParam,
      multipart: UPLOAD_LIMITS,
      form: uploadForm,
      invalid: (req, reply, errors, values, status) =>
        render(req, reply, req.params.reference, { upload: { values: strings(values, 200), errors: errors as FieldErrors } }, status),
    },
    async (req, reply) => {
      if (!req.upload) throw new AppError(415, 'unsupported_media_type', 'error.unsupportedMediaType');
      const tooLarge = req.upload.tooLarge[0];
      if (tooLarge !== undefined) {
        throw new AppError(
          413,
          'file_too_large',
          'initiatives.account.error.tooLarge',
          { file: 'initiatives.account.error.tooLarge' },
          { name: tooLarge },
        );
      }
      const file = req.upload.files[0];
      if (!file || file.data.length === 0) throw Invalid({ file: 'initiatives.account.error.noFile' });
      await addFile(req.db, req.principal, req.tenant.id, req.params.reference, {
        kind: req.body.kind,
        fileName: file.name,
        bytes: file.data,
        altText: req.body.altText,
        shownPublicly: req.body.shown,
      });
      return reply.redirect(`${path(req, req.params.reference)}?klaar=bestand#ac-account`, 303);
    },
  );

  route.post(
    '/:tenant/samen-doen/verantwoorden/:reference/verwijderen',
    { policy: 'signedIn', params: referenceParam, form: removeForm },
    async (req, reply) => {
      await removeFile(req.db, req.principal, req.tenant.id, req.params.reference, req.body.file);
      return reply.redirect(`${path(req, req.params.reference)}?klaar=verwijderd#ac-account`, 303);
    },
  );

  route.post(
    '/:tenant/samen-doen/verantwoorden/:reference/insturen',
    {
      policy: 'signedIn',
      params: referenceParam,
      form: accountForm,
      invalid: (req, reply, errors, values, status) =>
        render(req, reply, req.params.reference, { account: { values: strings(values), errors: errors as FieldErrors } }, status),
    },
    async (req, reply) => {
      await submitAccount(req.db, req.principal, req.tenant.id, req.params.reference, {
        whatHappened: req.body.whatHappened,
        participants: req.body.participants,
        spentCents: req.body.spent,
      });
      return reply.redirect(`${path(req, req.params.reference)}?klaar=ingestuurd#ac-account`, 303);
    },
  );

  route.post(
    '/:tenant/samen-doen/verantwoorden/:reference/steekproef',
    {
      policy: COORDINATOR,
      params: referenceParam,
      form: spotCheckForm,
      invalid: (req, reply, errors, values, status) =>
        render(req, reply, req.params.reference, { check: { values: strings(values, 1000), errors: errors as FieldErrors } }, status),
    },
    async (req, reply) => {
      await recordSpotCheck(req.db, req.principal, req.tenant.id, req.params.reference, req.body.result);
      return reply.redirect(`${path(req, req.params.reference)}?klaar=steekproef#ac-account`, 303);
    },
  );

  // A photo the applicant let be shown is public; other photos and every receipt only for the applicant and coordinators.
  route.get('/:tenant/samen-doen/bestanden/:id', { policy: 'public', params: fileParam }, async (req, reply) => {
    const f = await fileBytes(req.db, req.principal, req.tenant.id, req.params.id);
    const pdf = f.contentType === 'application/pdf';
    const name = `${f.kind === 'photo' ? 'foto' : 'bonnetje'}-${req.params.id.slice(0, 8)}.${pdf ? 'pdf' : 'jpg'}`;
    return reply
      .header('content-type', f.contentType)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', f.isPublic ? 'public, max-age=300' : 'private, no-store')
      .header('content-disposition', `${pdf ? 'attachment' : 'inline'}; filename="${name}"`)
      .header('referrer-policy', 'no-referrer')
      .header('content-security-policy', "default-src 'none'; img-src 'self'; sandbox")
      .send(f.bytes);
  });
}
