import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { auditFrom } from '../../../platform/audit/audit.service.ts';
import { areaChoices, itemSetChoices, listSurveys, makeCodes, saveSurvey, surveyForEdit, type SurveyValues } from './builder.service.ts';
import { codesForm, surveyForm, surveyIdParam } from './builder.schemas.ts';
import { CodesPage, SurveyFormPage, SurveyListPage } from './views/builder.tsx';

const policy = { roles: ['coordinator'] as const };
const savedQuery = z.object({ opgeslagen: z.literal('1').optional().catch(undefined) });
type Req = FastifyRequest & { tenant: RequestTenant };

/** The coordinator's survey builder: `/{tenant}/beheer/enquetes`, new, edit, and making codes. */
export async function builderRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

  const formPage = async (
    req: Req,
    reply: FastifyReply,
    id: string | null,
    extra: {
      values?: SurveyValues;
      errors?: Record<string, string>;
      codeErrors?: Record<string, string>;
      status?: number;
      saved?: boolean;
    } = {},
  ) => {
    const edit = id ? await surveyForEdit(req.db, req.principal, req.tenant.id, id, req.locale) : null;
    const areas = await areaChoices(req.db, req.tenant.id);
    const title = edit ? req.t('surveys.builder.editTitle', { title: edit.line.title }) : req.t('surveys.builder.newTitle');
    return reply
      .header('cache-control', 'no-store')
      .page(
        <SurveyFormPage
          ctx={req.viewContext()}
          slug={req.tenant.slug}
          line={edit?.line ?? null}
          values={extra.values ?? edit?.values}
          errors={extra.errors}
          codeErrors={extra.codeErrors}
          itemSets={itemSetChoices(req.locale)}
          areas={areas}
          baseUrl={app.config.baseUrl}
          notice={extra.saved ? 'surveys.builder.saved' : null}
        />,
        {
          title,
          ...(extra.status ? { status: extra.status } : {}),
          breadcrumbs: [{ href: `/${req.tenant.slug}/beheer/enquetes`, label: req.t('surveys.builder.title') }],
        },
      );
  };

  route.get('/:tenant/beheer/enquetes', { policy }, async (req, reply) => {
    const surveys = await listSurveys(req.db, req.principal, req.tenant.id, req.locale);
    const areaNames = new Map((await areaChoices(req.db, req.tenant.id)).map((a) => [a.value, a.label]));
    return reply
      .header('cache-control', 'no-store')
      .page(<SurveyListPage ctx={req.viewContext()} slug={req.tenant.slug} surveys={surveys} areaNames={areaNames} />, {
        title: req.t('surveys.builder.title'),
      });
  });

  route.get('/:tenant/beheer/enquetes/nieuw', { policy }, async (req, reply) => formPage(req, reply, null));

  route.post(
    '/:tenant/beheer/enquetes',
    { policy, form: surveyForm, invalid: (req, reply, errors, values, status) => formPage(req, reply, null, { errors, values, status }) },
    async (req, reply) => {
      const id = await saveSurvey(req.db, req.principal, {
        tenantId: req.tenant.id,
        input: req.body,
        audit: auditFrom(req),
        now: app.clock.now(),
      });
      return reply.redirect(`/${req.tenant.slug}/beheer/enquetes/${id}?opgeslagen=1`, 303);
    },
  );

  route.get('/:tenant/beheer/enquetes/:id', { policy, params: surveyIdParam, query: savedQuery }, async (req, reply) =>
    formPage(req, reply, req.params.id, { saved: req.query.opgeslagen === '1' }),
  );

  route.post(
    '/:tenant/beheer/enquetes/:id',
    {
      policy,
      params: surveyIdParam,
      form: surveyForm,
      invalid: (req, reply, errors, values, status) => formPage(req, reply, req.params.id, { errors, values, status }),
    },
    async (req, reply) => {
      const id = await saveSurvey(req.db, req.principal, {
        tenantId: req.tenant.id,
        id: req.params.id,
        input: req.body,
        audit: auditFrom(req),
        now: app.clock.now(),
      });
      return reply.redirect(`/${req.tenant.slug}/beheer/enquetes/${id}?opgeslagen=1`, 303);
    },
  );

  route.post(
    '/:tenant/beheer/enquetes/:id/codes',
    {
      policy,
      params: surveyIdParam,
      form: codesForm,
      invalid: (req, reply, errors, _values, status) => formPage(req, reply, req.params.id, { codeErrors: errors, status }),
    },
    async (req, reply) => {
      const edit = await surveyForEdit(req.db, req.principal, req.tenant.id, req.params.id, req.locale);
      const codes = await makeCodes(req.db, req.principal, {
        tenantId: req.tenant.id,
        surveyId: req.params.id,
        count: req.body.count,
        kind: req.body.kind,
        audit: auditFrom(req),
        now: app.clock.now(),
      });
      const url = `${app.config.baseUrl}/${req.tenant.slug}/enquete`;
      const qr = req.body.qr
        ? `data:image/svg+xml;base64,${Buffer.from(await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })).toString('base64')}`
        : null;
      // Shown once: never cached, never stored.
      return reply
        .header('cache-control', 'no-store')
        .page(<CodesPage ctx={req.viewContext()} surveyTitle={edit.line.title} kind={req.body.kind} codes={codes} url={url} qr={qr} />, {
          title: req.t('surveys.codes.madeTitle', { count: codes.length }),
        });
    },
  );
}
