import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import type { Role } from '../../../platform/roles.ts';
import { openSurveysForPaper, submitResponse, surveyForPaper } from '../respond/respond.service.ts';
import { answerForm } from '../respond/respond.schemas.ts';
import { QuestionnairePage, UnavailablePage } from '../respond/views/respond.tsx';
import { PaperListPage, SavedNotice } from './views/paper.tsx';

/** Who enters paper forms (as `survey.enterPaper` in policies.ts). */
const PAPER_ROLES: readonly Role[] = ['volunteer', 'professional', 'coordinator'];
const surveyParam = { survey: z.string().uuid() };
const savedQuery = z.object({ opgeslagen: z.literal('1').optional().catch(undefined) });

/**
 * `/{tenant}/enquete/papier`: a volunteer, professional or coordinator enters a paper form on the
 * respondent's behalf, with the form's paper code. Nothing records who entered which response.
 */
export async function paperRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const policy = { roles: PAPER_ROLES };

  route.get('/:tenant/enquete/papier', { policy }, async (req, reply) => {
    const surveys = await openSurveysForPaper(req.db, req.principal, req.tenant.id, req.locale);
    return reply
      .header('cache-control', 'no-store')
      .page(<PaperListPage ctx={req.viewContext()} slug={req.tenant.slug} surveys={surveys} />, { title: req.t('surveys.paper.title') });
  });

  const formPage = async (
    req: FastifyRequest & { tenant: RequestTenant },
    reply: FastifyReply,
    surveyId: string,
    extra: { errors?: Record<string, string>; values?: Record<string, string | string[]>; status?: number; saved?: boolean } = {},
  ) => {
    const view = await surveyForPaper(req.db, req.principal, req.tenant.id, surveyId, req.locale);
    const ctx = req.viewContext();
    reply.header('cache-control', 'no-store');
    if (view.availability !== 'open') return reply.page(<UnavailablePage ctx={ctx} view={view} />, { title: view.title });
    const code = typeof extra.values?.code === 'string' ? extra.values.code : '';
    return reply.page(
      <>
        <SavedNotice ctx={ctx} messageKey={extra.saved ? 'surveys.paper.saved' : null} />
        <QuestionnairePage
          ctx={ctx}
          action={`/${req.tenant.slug}/enquete/papier/${surveyId}`}
          view={view}
          code={{ mode: 'field', value: code }}
          errors={extra.errors}
          values={extra.values}
          paper
        />
      </>,
      {
        title: req.t('surveys.paper.formTitle', { title: view.title }),
        ...(extra.status ? { status: extra.status } : {}),
        breadcrumbs: [{ href: `/${req.tenant.slug}/enquete/papier`, label: req.t('surveys.paper.title') }],
      },
    );
  };

  route.get('/:tenant/enquete/papier/:survey', { policy, params: surveyParam, query: savedQuery }, async (req, reply) =>
    formPage(req, reply, req.params.survey, { saved: req.query.opgeslagen === '1' }),
  );

  route.post(
    '/:tenant/enquete/papier/:survey',
    {
      policy,
      params: surveyParam,
      form: answerForm,
      invalid: (req, reply, errors, values, status) => formPage(req, reply, req.params.survey, { errors, values, status }),
    },
    async (req, reply) => {
      await submitResponse(req.db, req.principal, {
        tenantId: req.tenant.id,
        channel: 'paper',
        surveyId: req.params.survey,
        code: req.body.code ?? '',
        body: req.body,
        locale: req.locale,
      });
      return reply.redirect(`/${req.tenant.slug}/enquete/papier/${req.params.survey}?opgeslagen=1`, 303);
    },
  );
}
