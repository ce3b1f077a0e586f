import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Invalid } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import type { FieldErrors } from '../../../ui/form.tsx';
import { listIndicatorDefinitions } from '../../monitor/monitor.service.ts';
import { can } from '../policies.ts';
import { cardMoney, listCards } from '../cards/cards.service.ts';
import {
  createGoal,
  createLineActivity,
  getProgramme,
  goalIndicators,
  linkGoalIndicator,
  listGoals,
  listLineActivities,
  listProgrammes,
  saveProgramme,
  type ProgrammeInput,
} from './core.service.ts';
import type { ProgrammePageModel } from './views/programme-page.tsx';
import { ProgrammePage } from './views/programme-page.tsx';
import { ProgrammeForm, ProgrammeList } from './views/programme-list.tsx';

const COORDINATOR = { roles: ['coordinator'] } as const;
const slugParam = { programme: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/) };
const anyForm = z.record(z.string(), z.string());
const listQuery = z.object({ klaar: z.enum(['bewaard']).optional() });
const pageQuery = z.object({ klaar: z.enum(['bewaard', 'doel', 'lijn', 'indicator']).optional() });

type TenantRequest = FastifyRequest & { tenant: RequestTenant };

/** The programme form's fields as the service takes them (the service validates them). */
function programmeFields(b: Record<string, string>): ProgrammeInput {
  return {
    slug: b['slug'] ?? '',
    titleNl: b['titleNl'] ?? '',
    summaryNl: b['summaryNl'] ?? '',
    ownerRole: b['ownerRole'] ?? '',
    startYear: b['startYear'] ?? '',
    endYear: b['endYear'] ?? '',
    status: (b['status'] ?? '') as ProgrammeInput['status'],
  };
}
const NOTICES: Record<string, MessageKey> = {
  bewaard: 'programmes.pform.saved',
  doel: 'programmes.goals.added',
  lijn: 'programmes.line.added',
  indicator: 'programmes.ind.linked',
};

async function pageModel(req: TenantRequest, slug: string): Promise<ProgrammePageModel> {
  const programme = await getProgramme(req.db, req.principal, req.tenant.id, slug);
  const [goals, lines, cards, definitions] = await Promise.all([
    listGoals(req.db, req.principal, req.tenant.id, programme.id),
    listLineActivities(req.db, req.principal, req.tenant.id, programme.id),
    listCards(req.db, req.principal, req.tenant.id, { programmeId: programme.id }),
    listIndicatorDefinitions(req.db, req.principal, req.tenant.id),
  ]);
  const indicators = await goalIndicators(req.db, req.principal, req.tenant.id, goals);
  return {
    programme,
    goals,
    indicators,
    indicatorNames: new Map(definitions.map((d) => [d.code, req.locale === 'nl' ? d.nameNl : d.nameEn || d.nameNl])),
    lines,
    cards: cards.map((c) => ({ ...c, money: cardMoney(c) })),
    canManage: can(req.principal, 'programme.manage'),
    canCreateCard: can(req.principal, 'project.create'),
  };
}

/** Programmes: `/{tenant}/programmas` and a programme's page (public when active); managing them for the coordinator. */
export async function coreRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const list = (req: TenantRequest) => `/${req.tenant.slug}/programmas`;

  const renderPage = async (
    req: TenantRequest,
    reply: FastifyReply,
    slug: string,
    extra: {
      notice?: MessageKey | null;
      goalForm?: { values: Record<string, string>; errors: FieldErrors };
      lineForm?: { values: Record<string, string>; errors: FieldErrors };
      indicatorForm?: { values: Record<string, string>; errors: FieldErrors };
    },
    status = 200,
  ) => {
    const model = await pageModel(req, slug);
    return reply.page(<ProgrammePage ctx={req.viewContext()} model={model} notice={extra.notice ?? null} {...extra} />, {
      title: model.programme.titleNl,
      status,
      breadcrumbs: [{ href: list(req), label: req.t('programmes.list.title') }],
    });
  };

  const renderForm = (
    req: TenantRequest,
    reply: FastifyReply,
    action: string,
    heading: string,
    values: Record<string, string>,
    errors: FieldErrors,
    status: number,
  ) =>
    reply.page(<ProgrammeForm ctx={req.viewContext()} action={action} heading={heading} values={values} errors={errors} />, {
      title: heading,
      status,
      breadcrumbs: [{ href: list(req), label: req.t('programmes.list.title') }],
    });

  route.get('/:tenant/programmas', { policy: 'public', query: listQuery }, async (req, reply) => {
    const programmes = await listProgrammes(req.db, req.principal, req.tenant.id);
    return reply.page(
      <ProgrammeList
        ctx={req.viewContext()}
        programmes={programmes}
        canManage={can(req.principal, 'programme.manage')}
        notice={req.query.klaar ? 'programmes.pform.saved' : null}
      />,
      { title: req.t('programmes.list.title') },
    );
  });

  // The staff menu's entry: the same list (drafts included for staff).
  route.get('/:tenant/beheer/programmas', { policy: { roles: ['professional', 'coordinator'] } }, async (req, reply) =>
    reply.redirect(list(req), 303),
  );

  route.get('/:tenant/programmas/:programme', { policy: 'public', params: slugParam, query: pageQuery }, async (req, reply) =>
    renderPage(req, reply, req.params.programme, { notice: req.query.klaar ? NOTICES[req.query.klaar]! : null }),
  );

  route.get('/:tenant/beheer/programmas/nieuw', { policy: COORDINATOR }, async (req, reply) =>
    renderForm(req, reply, `/${req.tenant.slug}/beheer/programmas/nieuw`, req.t('programmes.pform.newTitle'), { status: 'draft' }, {}, 200),
  );

  route.post(
    '/:tenant/beheer/programmas/nieuw',
    {
      policy: COORDINATOR,
      form: anyForm,
      invalid: (req, reply, errors, values, status) =>
        renderForm(
          req,
          reply,
          `/${req.tenant.slug}/beheer/programmas/nieuw`,
          req.t('programmes.pform.newTitle'),
          values as Record<string, string>,
          errors,
          status,
        ),
    },
    async (req, reply) => {
      await saveProgramme(req.db, req.principal, req.tenant.id, programmeFields(req.body));
      return reply.redirect(`${list(req)}/${req.body['slug'] ?? ''}?klaar=bewaard`, 303);
    },
  );

  route.get('/:tenant/beheer/programmas/:programme/bewerken', { policy: COORDINATOR, params: slugParam }, async (req, reply) => {
    const p = await getProgramme(req.db, req.principal, req.tenant.id, req.params.programme);
    const values = {
      slug: p.slug,
      titleNl: p.titleNl,
      summaryNl: p.summaryNl,
      ownerRole: p.ownerRole,
      startYear: String(p.startYear),
      endYear: p.endYear === null ? '' : String(p.endYear),
      status: p.status,
    };
    return renderForm(
      req,
      reply,
      `/${req.tenant.slug}/beheer/programmas/${p.slug}/bewerken`,
      req.t('programmes.pform.editTitle'),
      values,
      {},
      200,
    );
  });

  route.post(
    '/:tenant/beheer/programmas/:programme/bewerken',
    {
      policy: COORDINATOR,
      params: slugParam,
      form: anyForm,
      invalid: (req, reply, errors, values, status) =>
        renderForm(
          req,
          reply,
          `/${req.tenant.slug}/beheer/programmas/${req.params.programme}/bewerken`,
          req.t('programmes.pform.editTitle'),
          values as Record<string, string>,
          errors,
          status,
        ),
    },
    async (req, reply) => {
      const p = await getProgramme(req.db, req.principal, req.tenant.id, req.params.programme);
      const b = req.body;
      await saveProgramme(
        req.db,
        req.principal,
        req.tenant.id,
        { ...programmeFields(b), titleEn: p.titleEn, summaryEn: p.summaryEn, sourceNote: p.sourceNote },
        {
          existingId: p.id,
          isDemo: p.isDemo,
        },
      );
      return reply.redirect(`${list(req)}/${b['slug'] ?? p.slug}?klaar=bewaard`, 303);
    },
  );

  route.post(
    '/:tenant/beheer/programmas/:programme/doelen',
    {
      policy: COORDINATOR,
      params: slugParam,
      form: anyForm,
      invalid: (req, reply, errors, values, status) => {
        const map: Record<string, string> = { number: 'goalNumber', titleNl: 'goalTitle' };
        const onForm = Object.fromEntries(Object.entries(errors).map(([f, m]) => [map[f] ?? f, m]));
        return renderPage(
          req,
          reply,
          req.params.programme,
          { goalForm: { values: values as Record<string, string>, errors: onForm } },
          status,
        );
      },
    },
    async (req, reply) => {
      const p = await getProgramme(req.db, req.principal, req.tenant.id, req.params.programme);
      const b = req.body;
      await createGoal(req.db, req.principal, req.tenant.id, p.id, {
        parentId: b['parentId'] ?? '',
        number: b['goalNumber'] ?? '',
        titleNl: b['goalTitle'] ?? '',
      });
      return reply.redirect(`${list(req)}/${p.slug}?klaar=doel#doelen`, 303);
    },
  );

  route.post(
    '/:tenant/beheer/programmas/:programme/lijnactiviteiten',
    {
      policy: COORDINATOR,
      params: slugParam,
      form: anyForm,
      invalid: (req, reply, errors, values, status) => {
        const map: Record<string, string> = { number: 'lineNumber', titleNl: 'lineTitle' };
        const onForm = Object.fromEntries(Object.entries(errors).map(([f, m]) => [map[f] ?? f, m]));
        return renderPage(
          req,
          reply,
          req.params.programme,
          { lineForm: { values: values as Record<string, string>, errors: onForm } },
          status,
        );
      },
    },
    async (req, reply) => {
      const p = await getProgramme(req.db, req.principal, req.tenant.id, req.params.programme);
      const b = req.body;
      await createLineActivity(req.db, req.principal, req.tenant.id, p.id, {
        number: b['lineNumber'] ?? '',
        titleNl: b['lineTitle'] ?? '',
      });
      return reply.redirect(`${list(req)}/${p.slug}?klaar=lijn#lijn`, 303);
    },
  );

  route.post(
    '/:tenant/beheer/programmas/:programme/indicatoren',
    {
      policy: COORDINATOR,
      params: slugParam,
      form: anyForm,
      invalid: (req, reply, errors, values, status) =>
        renderPage(req, reply, req.params.programme, { indicatorForm: { values: values as Record<string, string>, errors } }, status),
    },
    async (req, reply) => {
      const p = await getProgramme(req.db, req.principal, req.tenant.id, req.params.programme);
      const b = req.body;
      const goal = (await listGoals(req.db, req.principal, req.tenant.id, p.id)).find((g) => g.id === b['goalId']);
      if (!goal) throw Invalid({ goalId: 'programmes.error.goal' });
      const known = await listIndicatorDefinitions(req.db, req.principal, req.tenant.id);
      if (!known.some((d) => d.code === b['indicatorCode'])) throw Invalid({ indicatorCode: 'programmes.error.indicator' });
      await linkGoalIndicator(req.db, req.principal, req.tenant.id, goal.id, b['indicatorCode'] ?? '', {
        baselinePeriod: b['baselinePeriod'] ?? '',
        baselineValue: b['baselineValue'] ?? '',
        targetValue: b['targetValue'] ?? '',
        targetYear: b['targetYear'] ?? '',
        comparator: (b['comparator'] ?? '') as 'at_least',
      });
      return reply.redirect(`${list(req)}/${p.slug}?klaar=indicator#doelen`, 303);
    },
  );
}
