/**
 * The coordinator's monitor pages (professionals read): `/{tenant}/beheer/monitor` with every
 * indicator, an indicator's page with its targets and latest values, and the forms to define or
 * edit an indicator and to add or remove a target. Work without JavaScript; 422 with messages.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { can } from '../policies.ts';
import {
  createTarget,
  defineIndicator,
  getIndicator,
  latestPerArea,
  listIndicatorOverview,
  removeTarget,
  targetsWithCourse,
} from '../monitor.service.ts';
import { CODE, indicatorInput, targetInput } from './indicators.schemas.ts';
import { IndicatorsOverviewPage, indicatorPath, monitorPath } from './views/overview.tsx';
import { IndicatorPage } from './views/indicator-page.tsx';
import { IndicatorFormPage, type IndicatorFormValues } from './views/indicator-form.tsx';

const READ = { roles: ['professional', 'coordinator', 'admin'] } as const;
const MANAGE = { roles: ['coordinator'] } as const;
const codeParam = { code: z.string().max(50).regex(CODE) };
const DONE = ['indicator', 'target', 'removed'] as const;
const doneQuery = z.object({ klaar: z.enum(DONE).optional().catch(undefined) });
const NOTICE: Record<(typeof DONE)[number], MessageKey> = {
  indicator: 'monitor.ind.saved',
  target: 'monitor.target.added',
  removed: 'monitor.target.removed',
};

type TenantRequest = FastifyRequest & { tenant: RequestTenant };
const strings = (values: Record<string, string | string[]>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : v]));
const crumbs = (req: TenantRequest) => [
  { href: `/${req.tenant.slug}/`, label: req.tenant.name },
  { href: monitorPath(req.tenant.slug), label: req.t('monitor.ind.title') },
];

export async function indicatorRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

  route.get('/:tenant/beheer/monitor', { policy: READ, query: doneQuery }, async (req, reply) => {
    const indicators = await listIndicatorOverview(req.db, req.principal, req.tenant.id);
    return reply.page(
      <IndicatorsOverviewPage
        ctx={req.viewContext()}
        slug={req.tenant.slug}
        indicators={indicators}
        canManage={can(req.principal, 'monitor.indicators.manage')}
        notice={req.query.klaar ? NOTICE[req.query.klaar] : null}
      />,
      { title: req.t('monitor.ind.title'), breadcrumbs: [{ href: `/${req.tenant.slug}/`, label: req.tenant.name }] },
    );
  });

  const formPage = (
    req: TenantRequest,
    reply: FastifyReply,
    values: IndicatorFormValues,
    code?: string,
    errors?: Record<string, string>,
    status = 200,
  ) =>
    reply.page(
      <IndicatorFormPage
        ctx={req.viewContext()}
        action={code ? indicatorPath(req.tenant.slug, code) : `${monitorPath(req.tenant.slug)}/indicatoren`}
        {...(code ? { code } : {})}
        values={values}
        errors={errors}
      />,
      { title: code ? req.t('monitor.ind.editTitle', { code }) : req.t('monitor.ind.newTitle'), status, breadcrumbs: crumbs(req) },
    );

  route.get('/:tenant/beheer/monitor/indicatoren/nieuw', { policy: MANAGE }, (req, reply) =>
    formPage(req, reply, { unit: 'percent', direction: 'up', source: 'survey', theme: 'meet' }),
  );

  route.post(
    '/:tenant/beheer/monitor/indicatoren',
    {
      policy: MANAGE,
      form: indicatorInput,
      invalid: (req, reply, errors, values, status) => formPage(req, reply, strings(values), undefined, errors, status),
    },
    async (req, reply) => {
      const code = await defineIndicator(req.db, req.principal, req.tenant.id, req.body);
      return reply.redirect(`${indicatorPath(req.tenant.slug, code)}?klaar=indicator`, 303);
    },
  );

  const indicatorPage = async (
    req: TenantRequest,
    reply: FastifyReply,
    code: string,
    opts: { notice?: MessageKey | null; errors?: Record<string, string>; values?: Record<string, string>; status?: number } = {},
  ) => {
    const indicator = await getIndicator(req.db, req.principal, req.tenant.id, code);
    const [targets, latest] = await Promise.all([
      targetsWithCourse(req.db, req.principal, req.tenant.id, { indicatorCode: code, municipalityCode: req.tenant.id }),
      latestPerArea(req.db, req.principal, req.tenant.id, code),
    ]);
    return reply.page(
      <IndicatorPage
        ctx={req.viewContext()}
        slug={req.tenant.slug}
        indicator={indicator}
        targets={targets}
        latest={latest}
        canManage={can(req.principal, 'monitor.targets.manage')}
        notice={opts.notice ?? null}
        errors={opts.errors}
        values={opts.values}
      />,
      { title: req.locale === 'nl' ? indicator.nameNl : indicator.nameEn, status: opts.status ?? 200, breadcrumbs: crumbs(req) },
    );
  };

  route.get('/:tenant/beheer/monitor/indicatoren/:code', { policy: READ, params: codeParam, query: doneQuery }, async (req, reply) => {
    return indicatorPage(req, reply, req.params.code, { notice: req.query.klaar ? NOTICE[req.query.klaar] : null });
  });

  route.get('/:tenant/beheer/monitor/indicatoren/:code/bewerken', { policy: MANAGE, params: codeParam }, async (req, reply) => {
    const i = await getIndicator(req.db, req.principal, req.tenant.id, req.params.code);
    const values: IndicatorFormValues = {
      nameNl: i.nameNl,
      nameEn: i.nameEn,
      descriptionNl: i.descriptionNl,
      descriptionEn: i.descriptionEn,
      unit: i.unit,
      direction: i.direction,
      source: i.source,
      theme: i.theme,
      formula: i.formula ?? '',
      minRespondents: String(i.minRespondents),
      decimals: String(i.decimals),
    };
    return formPage(req, reply, values, i.code);
  });

  route.post(
    '/:tenant/beheer/monitor/indicatoren/:code',
    {
      policy: MANAGE,
      params: codeParam,
      form: indicatorInput.omit({ code: true }),
      invalid: (req, reply, errors, values, status) => formPage(req, reply, strings(values), req.params.code, errors, status),
    },
    async (req, reply) => {
      await defineIndicator(req.db, req.principal, req.tenant.id, { ...req.body, code: req.params.code }, req.params.code);
      return reply.redirect(`${indicatorPath(req.tenant.slug, req.params.code)}?klaar=indicator`, 303);
    },
  );

  route.post(
    '/:tenant/beheer/monitor/indicatoren/:code/streefwaarden',
    {
      policy: MANAGE,
      params: codeParam,
      form: targetInput,
      invalid: (req, reply, errors, values, status) =>
        indicatorPage(req, reply, req.params.code, { errors, values: strings(values), status }),
    },
    async (req, reply) => {
      await createTarget(req.db, req.principal, req.tenant.id, req.params.code, req.body);
      return reply.redirect(`${indicatorPath(req.tenant.slug, req.params.code)}?klaar=target#streefwaarden`, 303);
    },
  );

  route.post(
    '/:tenant/beheer/monitor/indicatoren/:code/streefwaarden/:id/verwijderen',
    { policy: MANAGE, params: { ...codeParam, id: z.uuid() } },
    async (req, reply) => {
      await removeTarget(req.db, req.principal, req.tenant.id, req.params.id);
      return reply.redirect(`${indicatorPath(req.tenant.slug, req.params.code)}?klaar=removed#streefwaarden`, 303);
    },
  );
}
