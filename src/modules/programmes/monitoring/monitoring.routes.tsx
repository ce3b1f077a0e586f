import './monitoring.messages.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { routes } from '../../../platform/http/route.ts';
import { NotFound } from '../../../platform/errors.ts';
import { answerForm, codeForm, inviteForm, MONITOR_RATE_LIMIT, paperQuery, programmeParam, projectParam } from './monitoring.schemas.ts';
import {
  formByCode,
  makeInvitations,
  monitoredProject,
  programmeMonitoring,
  projectMonitoring,
  submitMonitoring,
} from './monitoring.service.ts';
import { MonitorCodePage, MonitorFormPage, MonitorThanksPage } from './views/respond.tsx';
import { MonitorCodesPage, ProgrammeMonitoringView, ProjectMonitoringView } from './views/results.tsx';

type TenantRequest = FastifyRequest & { tenant: RequestTenant };
type Values = Record<string, string | string[]>;

const STAFF = { roles: ['professional', 'coordinator'] } as const;
const PAPER = { roles: ['volunteer', 'professional', 'coordinator'] } as const;

/** Personal to the moment: never cached, no referrer. */
const private_ = (reply: FastifyReply): FastifyReply => reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');

/**
 * Standardised project monitoring: `/{tenant}/projectmonitor` (answer with a code),
 * `/{tenant}/beheer/projectmonitor/papier` (a volunteer enters a paper form),
 * `/{tenant}/programmas/{programme}/projecten/{id}/monitoring` (a card's codes and results, side by side) and
 * `/{tenant}/programmas/{slug}/monitoring` (the programme's cards together).
 */
export async function monitoringRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

  // Answering, by a resident or professional, and on paper by a volunteer: the same two steps.
  for (const paper of [false, true]) {
    const base = paper ? '/:tenant/beheer/projectmonitor/papier' : '/:tenant/projectmonitor';
    const policy = paper ? PAPER : 'public';
    const at = (slug: string, tail = '') => `${base.replace(':tenant', slug)}${tail}`;
    const title = paper ? 'programmes.monitoring.paperTitle' : 'programmes.monitoring.codeTitle';
    const codePage = (
      req: TenantRequest,
      reply: FastifyReply,
      extra: { errors?: Record<string, string>; values?: Values; saved?: boolean; status?: number },
    ) =>
      private_(reply).page(
        <MonitorCodePage
          ctx={req.viewContext()}
          action={at(req.tenant.slug, '/code')}
          paper={paper}
          errors={extra.errors}
          values={extra.values}
          saved={extra.saved ?? false}
        />,
        { title: req.t(title), status: extra.status ?? 200 },
      );

    route.get(base, { policy, query: paperQuery }, async (req, reply) => codePage(req, reply, { saved: req.query.klaar === '1' }));

    route.post(
      `${base}/code`,
      {
        policy,
        rateLimit: MONITOR_RATE_LIMIT,
        form: codeForm,
        invalid: (req, reply, errors, values, status) => codePage(req, reply, { errors, values, status }),
      },
      async (req, reply) => {
        const form = await formByCode(req.db, req.principal, { tenantId: req.tenant.id, code: req.body.code, paper, locale: req.locale });
        return private_(reply).page(
          <MonitorFormPage
            ctx={req.viewContext()}
            action={at(req.tenant.slug, '/antwoorden')}
            form={form}
            code={req.body.code}
            paper={paper}
          />,
          { title: form.project.title },
        );
      },
    );

    route.post(
      `${base}/antwoorden`,
      {
        policy,
        rateLimit: MONITOR_RATE_LIMIT,
        form: answerForm,
        invalid: async (req, reply, errors, values, status) => {
          const code = typeof values.code === 'string' ? values.code : '';
          // An unknown or used code, or a project that has not ended: back to the code form with the message.
          if (errors.code) return codePage(req, reply, { errors: { code: errors.code }, values: { code }, status });
          const form = await formByCode(req.db, req.principal, { tenantId: req.tenant.id, code, paper, locale: req.locale });
          return private_(reply).page(
            <MonitorFormPage
              ctx={req.viewContext()}
              action={at(req.tenant.slug, '/antwoorden')}
              form={form}
              code={code}
              paper={paper}
              errors={errors}
              values={values}
            />,
            { title: form.project.title, status },
          );
        },
      },
      async (req, reply) => {
        await submitMonitoring(req.db, req.principal, {
          tenantId: req.tenant.id,
          code: req.body.code,
          body: req.body,
          paper,
          locale: req.locale,
        });
        return reply.redirect(paper ? at(req.tenant.slug, '?klaar=1') : at(req.tenant.slug, '/bedankt'), 303);
      },
    );
  }

  route.get('/:tenant/projectmonitor/bedankt', { policy: 'public' }, async (req, reply) =>
    private_(reply).page(<MonitorThanksPage ctx={req.viewContext()} />, { title: req.t('programmes.monitoring.thanksTitle') }),
  );

  const projectPage = async (
    req: TenantRequest,
    reply: FastifyReply,
    programme: string,
    id: string,
    extra: { errors?: Record<string, string>; values?: Values; status?: number } = {},
  ) => {
    const tenant = req.tenant;
    const model = await projectMonitoring(req.db, req.principal, tenant.id, id, req.locale);
    if (model.project.programmeSlug !== programme) throw NotFound();
    return reply.page(
      <ProjectMonitoringView ctx={req.viewContext()} slug={tenant.slug} model={model} errors={extra.errors} values={extra.values} />,
      {
        title: req.t('programmes.monitoring.heading', { title: model.project.title }),
        status: extra.status ?? 200,
        breadcrumbs: [
          { href: `/${tenant.slug}/`, label: tenant.name },
          { href: `/${tenant.slug}/programmas/${model.project.programmeSlug}`, label: model.project.programmeTitle },
        ],
      },
    );
  };

  route.get('/:tenant/programmas/:programme/projecten/:id/monitoring', { policy: STAFF, params: projectParam }, async (req, reply) =>
    projectPage(req, reply, req.params.programme, req.params.id),
  );

  route.post(
    '/:tenant/programmas/:programme/projecten/:id/monitoring/codes',
    {
      policy: STAFF,
      params: projectParam,
      form: inviteForm,
      invalid: (req, reply, errors, values, status) =>
        projectPage(req, reply, req.params.programme, req.params.id, { errors, values, status }),
    },
    async (req, reply) => {
      const head = await monitoredProject(req.db, req.principal, req.tenant.id, req.params.id, req.locale);
      if (head.programmeSlug !== req.params.programme) throw NotFound();
      const codes = await makeInvitations(req.db, req.principal, {
        tenantId: req.tenant.id,
        projectId: req.params.id,
        phase: req.body.phase,
        role: req.body.role,
        kind: req.body.kind,
        count: req.body.count,
      });
      // Shown once: never cached, never stored.
      return private_(reply).page(
        <MonitorCodesPage
          ctx={req.viewContext()}
          title={head.title}
          kind={req.body.kind}
          codes={codes}
          url={`${app.config.baseUrl}/${req.tenant.slug}/projectmonitor`}
          back={`/${req.tenant.slug}/programmas/${head.programmeSlug}/projecten/${head.id}/monitoring`}
        />,
        { title: req.t('programmes.monitoring.codes.title', { count: codes.length }) },
      );
    },
  );

  route.get('/:tenant/programmas/:programme/monitoring', { policy: STAFF, params: programmeParam }, async (req, reply) => {
    const model = await programmeMonitoring(req.db, req.principal, req.tenant.id, req.params.programme, req.locale);
    return reply.page(<ProgrammeMonitoringView ctx={req.viewContext()} slug={req.tenant.slug} model={model} />, {
      title: req.t('programmes.monitoring.programme.heading', { title: model.programme.title }),
    });
  });
}
