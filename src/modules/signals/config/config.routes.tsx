/**
 * Settings pages of the signals module under `/{tenant}/beheer/meldingen` (coordinators and
 * administrators): the hub with the default desk, categories with their questions, routing rules
 * with a route tester, and standard texts. Forms work without JavaScript; bad input shows the form
 * again with the errors (422), refused changes answer 404/409 with a clear message.
 */
import './config.messages.ts';
import './config.routing.messages.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { z } from 'zod';
import { auditFrom } from '../../../platform/audit/audit.service.ts';
import { AppError, Invalid } from '../../../platform/errors.ts';
import { formErrorsOf, routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { listAreas } from '../../areas/areas.service.ts';
import { listOrganisations } from '../../people/people.service.ts';
import * as categories from './categories.service.ts';
import * as listStore from './categories.store.ts';
import * as config from './config.service.ts';
import {
  buildQuestion,
  categoryCreateForm,
  categoryEditForm,
  categoryIdParam,
  defaultDeskForm,
  groupForm,
  MAX_TEXT,
  noFields,
  questionForm,
  questionKeyParam,
  routeTestQuery,
  routingRuleForm,
  ruleIdParam,
  savedQuery,
  standardTextDeleteForm,
  standardTextForm,
} from './config.schemas.ts';
import { CategoriesPage, HubPage, NewCategoryPage, type FormValues } from './views/config-categories.tsx';
import { CategoryPage, categoryValues, QuestionPage, questionValues } from './views/config-category.tsx';
import { RoutingPage, type AreaOption } from './views/config-routing.tsx';
import { TextsPage } from './views/config-texts.tsx';

const POLICY = { roles: ['coordinator', 'admin'] } as const;
const { TEXT_STATES } = categories;
/** A form shown again after bad input or a refused change is a 422, whatever refused it (409 for a taken code included). */
const FAILED = 422;

type Errors = Record<string, string>;
type TenantRequest = FastifyRequest & { tenant: RequestTenant };
/** The one-line values of a submitted form (the settings forms have no checkbox groups). */
const single = (values: Record<string, string | string[]>): FormValues =>
  Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => typeof e[1] === 'string'));
const actor = (req: FastifyRequest): config.Actor => ({ principal: req.principal, ip: auditFrom(req).ip });

/** Registers the settings pages. */
export async function configRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const base = (tenant: RequestTenant) => `/${tenant.slug}/beheer/meldingen`;
  const page = (
    req: TenantRequest,
    reply: FastifyReply,
    body: VNode,
    title: string,
    status = 200,
    crumbs: { href: string; label: string }[] = [],
  ) => reply.page(body, { title, status, breadcrumbs: [{ href: base(req.tenant), label: req.t('signals.config.title') }, ...crumbs] });
  const orgs = async (req: TenantRequest) => (await listOrganisations(req.db, req.tenant.id)).map((o) => ({ id: o.id, name: o.name }));

  // Hub and default desk.
  const hub = async (req: TenantRequest, reply: FastifyReply, view: { saved?: boolean; errors?: Errors }) => {
    const tenantId = req.tenant.id;
    const [organisations, desk] = await Promise.all([orgs(req), config.getDefaultDesk(req.db, tenantId)]);
    const body = (
      <HubPage
        ctx={req.viewContext()}
        slug={req.tenant.slug}
        organisations={organisations}
        defaultDesk={desk}
        saved={!!view.saved}
        {...(view.errors ? { errors: view.errors } : {})}
      />
    );
    return reply.page(body, { title: req.t('signals.config.title'), status: view.errors ? FAILED : 200 });
  };
  route.get('/:tenant/beheer/meldingen', { policy: POLICY, query: savedQuery }, (req, reply) =>
    hub(req, reply, { saved: req.query.opgeslagen === '1' }),
  );
  route.post(
    '/:tenant/beheer/meldingen/standaardloket',
    { policy: POLICY, form: defaultDeskForm, invalid: (req, reply, errors) => hub(req, reply, { errors }) },
    async (req, reply) => {
      await config.changeDefaultDesk(req.db, req.tenant.id, req.body.organisationId, actor(req), app.clock.now());
      return reply.redirect(`${base(req.tenant)}?opgeslagen=1`, 303);
    },
  );

  // Categories and groups.
  const categoriesPage = async (
    req: TenantRequest,
    reply: FastifyReply,
    view: { saved?: boolean; errors?: Errors; values?: FormValues },
  ) => {
    const tenantId = req.tenant.id;
    const [groups, cats, counts] = await Promise.all([
      listStore.listGroups(req.db, tenantId),
      categories.listCategories(req.db, tenantId),
      config.signalCounts(req.db, tenantId),
    ]);
    const body = (
      <CategoriesPage
        ctx={req.viewContext()}
        slug={req.tenant.slug}
        groups={groups}
        categories={cats}
        counts={counts}
        saved={!!view.saved}
        {...(view.errors ? { errors: view.errors, values: view.values ?? {} } : {})}
      />
    );
    return page(req, reply, body, req.t('signals.config.categories.title'), view.errors ? FAILED : 200);
  };
  route.get('/:tenant/beheer/meldingen/categorieen', { policy: POLICY, query: savedQuery }, (req, reply) =>
    categoriesPage(req, reply, { saved: req.query.opgeslagen === '1' }),
  );
  route.post(
    '/:tenant/beheer/meldingen/groepen',
    {
      policy: POLICY,
      form: groupForm,
      invalid: (req, reply, errors, values) => categoriesPage(req, reply, { errors, values: single(values) }),
    },
    async (req, reply) => {
      await config.createGroup(req.db, req.tenant.id, req.body, actor(req));
      return reply.redirect(`${base(req.tenant)}/categorieen?opgeslagen=1`, 303);
    },
  );

  const catCrumb = (req: TenantRequest) => [{ href: `${base(req.tenant)}/categorieen`, label: req.t('signals.config.categories.title') }];
  const newCategory = async (req: TenantRequest, reply: FastifyReply, values: FormValues, errors?: Errors) => {
    const groups = await listStore.listGroups(req.db, req.tenant.id);
    const v = { groupId: groups[0]?.id ?? '', ...values };
    const body = (
      <NewCategoryPage ctx={req.viewContext()} slug={req.tenant.slug} groups={groups} values={v} {...(errors ? { errors } : {})} />
    );
    return page(req, reply, body, req.t('signals.config.category.new'), errors ? FAILED : 200, catCrumb(req));
  };
  route.get('/:tenant/beheer/meldingen/categorieen/nieuw', { policy: POLICY }, (req, reply) =>
    newCategory(req, reply, { deadlineDays: '5', position: '0', active: '1' }),
  );
  route.post(
    '/:tenant/beheer/meldingen/categorieen/nieuw',
    { policy: POLICY, form: categoryCreateForm, invalid: (req, reply, errors, values) => newCategory(req, reply, single(values), errors) },
    async (req, reply) => {
      const row = await config.createCategory(req.db, req.tenant.id, req.body, actor(req), app.clock.now());
      return reply.redirect(`${base(req.tenant)}/categorieen/${row.id}?opgeslagen=1`, 303);
    },
  );

  type CategoryView = { saved?: boolean; values?: FormValues; errors?: Errors; questionValues?: FormValues; questionErrors?: Errors };
  const categoryPage = async (req: TenantRequest, reply: FastifyReply, id: string, view: CategoryView = {}) => {
    const tenantId = req.tenant.id;
    const category = await config.getCategory(req.db, tenantId, id);
    const [groups, counts] = await Promise.all([listStore.listGroups(req.db, tenantId), config.signalCounts(req.db, tenantId)]);
    const failed = !!(view.errors || view.questionErrors);
    const body = (
      <CategoryPage
        ctx={req.viewContext()}
        slug={req.tenant.slug}
        category={category}
        groups={groups}
        signalCount={counts.get(category.id) ?? 0}
        values={view.values ?? categoryValues(category)}
        errors={view.errors}
        questionValues={view.questionValues ?? { type: 'text' }}
        questionErrors={view.questionErrors}
        saved={!failed && !!view.saved}
      />
    );
    return page(req, reply, body, req.t('signals.config.category.title', { name: category.name }), failed ? FAILED : 200, catCrumb(req));
  };
  const categoryPath = '/:tenant/beheer/meldingen/categorieen/:id' as const;
  route.get(categoryPath, { policy: POLICY, params: categoryIdParam, query: savedQuery }, (req, reply) =>
    categoryPage(req, reply, req.params.id, { saved: req.query.opgeslagen === '1' }),
  );
  route.post(
    categoryPath,
    {
      policy: POLICY,
      params: categoryIdParam,
      form: categoryEditForm,
      invalid: (req, reply, errors, values) => categoryPage(req, reply, req.params.id, { values: single(values), errors }),
    },
    async (req, reply) => {
      const category = await config.getCategory(req.db, req.tenant.id, req.params.id);
      await config.updateCategory(req.db, req.tenant.id, category.id, req.body, actor(req), app.clock.now());
      return reply.redirect(`${base(req.tenant)}/categorieen/${category.id}?opgeslagen=1`, 303);
    },
  );
  route.post(`${categoryPath}/verwijderen`, { policy: POLICY, params: categoryIdParam, form: noFields }, async (req, reply) => {
    const category = await config.getCategory(req.db, req.tenant.id, req.params.id);
    await config.deleteCategory(req.db, req.tenant.id, category.id, actor(req));
    return reply.redirect(`${base(req.tenant)}/categorieen?opgeslagen=1`, 303);
  });

  // Extra questions of a category.
  route.post(
    `${categoryPath}/vragen`,
    {
      policy: POLICY,
      params: categoryIdParam,
      form: questionForm,
      invalid: (req, reply, errors, values) =>
        categoryPage(req, reply, req.params.id, { questionValues: single(values), questionErrors: errors }),
    },
    async (req, reply) => {
      const category = await config.getCategory(req.db, req.tenant.id, req.params.id);
      const built = buildQuestion(
        req.body,
        req.body.key,
        category.questions.map((q) => q.key),
      );
      if (!built.ok) throw Invalid(built.errors);
      await config.editQuestions(req.db, req.tenant.id, category.id, config.questionEdits.add(built.question), actor(req), app.clock.now());
      return reply.redirect(`${base(req.tenant)}/categorieen/${category.id}?opgeslagen=1#vragen`, 303);
    },
  );

  const questionOf = async (req: TenantRequest, params: { id: string; key: string }) => {
    const category = await config.getCategory(req.db, req.tenant.id, params.id);
    const question = category.questions.find((q) => q.key === params.key);
    if (!question) throw new AppError(404, 'not_found', 'signals.config.error.questionNotFound');
    return { category, question };
  };
  const questionPage = (req: TenantRequest, reply: FastifyReply, category: categories.CategoryRow, values: FormValues, errors?: Errors) =>
    page(
      req,
      reply,
      <QuestionPage ctx={req.viewContext()} slug={req.tenant.slug} category={category} values={values} errors={errors} />,
      req.t('signals.config.q.editTitle', { name: category.name }),
      errors ? FAILED : 200,
      [...catCrumb(req), { href: `${base(req.tenant)}/categorieen/${category.id}`, label: category.name }],
    );
  const questionPath = `${categoryPath}/vragen/:key` as const;
  const questionParams = { ...categoryIdParam, ...questionKeyParam };
  route.get(questionPath, { policy: POLICY, params: questionParams }, async (req, reply) => {
    const { category, question } = await questionOf(req, req.params);
    return questionPage(req, reply, category, questionValues(question));
  });
  route.post(
    questionPath,
    {
      policy: POLICY,
      params: questionParams,
      form: questionForm,
      invalid: async (req, reply, errors, values) => {
        const { category, question } = await questionOf(req, req.params);
        return questionPage(req, reply, category, { ...single(values), key: question.key }, errors);
      },
    },
    async (req, reply) => {
      const { category, question } = await questionOf(req, req.params);
      const built = buildQuestion(
        req.body,
        question.key,
        category.questions.filter((q) => q.key !== question.key).map((q) => q.key),
      );
      if (!built.ok) throw Invalid(built.errors);
      await config.editQuestions(
        req.db,
        req.tenant.id,
        category.id,
        config.questionEdits.replace(built.question),
        actor(req),
        app.clock.now(),
      );
      return reply.redirect(`${base(req.tenant)}/categorieen/${category.id}?opgeslagen=1#vragen`, 303);
    },
  );
  for (const [path, edit] of [
    ['omhoog', (key: string) => config.questionEdits.move(key, 'up')],
    ['omlaag', (key: string) => config.questionEdits.move(key, 'down')],
    ['verwijderen', (key: string) => config.questionEdits.remove(key)],
  ] as const) {
    route.post(`${questionPath}/${path}`, { policy: POLICY, params: questionParams, form: noFields }, async (req, reply) => {
      const { category, question } = await questionOf(req, req.params);
      await config.editQuestions(req.db, req.tenant.id, category.id, edit(question.key), actor(req), app.clock.now());
      return reply.redirect(`${base(req.tenant)}/categorieen/${category.id}?opgeslagen=1#vragen`, 303);
    });
  }

  // Routing rules and the route tester.
  const areaOptions = async (req: TenantRequest): Promise<AreaOption[]> => {
    const [wijken, buurten] = await Promise.all([
      listAreas(req.db, req.tenant.id, { level: 'district' }),
      listAreas(req.db, req.tenant.id, { level: 'neighbourhood' }),
    ]);
    return wijken.flatMap((w) => [
      { code: w.code, name: w.name, level: 'district' as const },
      ...buurten.filter((b) => b.parentCode === w.code).map((b) => ({ code: b.code, name: b.name, level: 'neighbourhood' as const })),
    ]);
  };
  type RoutingView = { saved?: boolean; errors?: Errors; values?: FormValues; query?: z.output<typeof routeTestQuery> };
  const routingPage = async (req: TenantRequest, reply: FastifyReply, view: RoutingView) => {
    const tenantId = req.tenant.id;
    const [rules, groups, cats, areas, organisations, desk] = await Promise.all([
      categories.listRoutingRules(req.db, tenantId),
      listStore.listGroups(req.db, tenantId),
      categories.listCategories(req.db, tenantId),
      areaOptions(req),
      orgs(req),
      config.getDefaultDesk(req.db, tenantId),
    ]);
    const q = view.query;
    let test: Parameters<typeof RoutingPage>[0]['test'];
    // A route test asked with a malformed category or area (null: not readable) is told at the category.
    if (q && (q.categorie === null || q.gebied === null)) {
      test = { categoryId: '', area: '', result: null, errors: { categorie: req.t('signals.config.error.category') } };
    } else if (q?.categorie) {
      const area = q.gebied ?? '';
      try {
        test = { categoryId: q.categorie, area, result: await categories.testRoute(req.db, tenantId, q.categorie, area || null) };
      } catch (err) {
        const refused = formErrorsOf(err, req.t);
        if (!refused) throw err;
        test = { categoryId: q.categorie, area, result: null, errors: refused.errors };
      }
    }
    const body = (
      <RoutingPage
        ctx={req.viewContext()}
        slug={req.tenant.slug}
        rules={rules}
        groups={groups}
        categories={cats}
        areas={areas}
        organisations={organisations}
        defaultDesk={desk}
        saved={!view.errors && !!view.saved}
        errors={view.errors}
        {...(view.errors ? { values: view.values ?? {} } : {})}
        {...(test ? { test } : {})}
      />
    );
    return page(req, reply, body, req.t('signals.config.routing.title'), view.errors || test?.errors ? FAILED : 200);
  };
  route.get('/:tenant/beheer/meldingen/routering', { policy: POLICY, query: routeTestQuery }, (req, reply) =>
    routingPage(req, reply, { saved: req.query.opgeslagen === '1', query: req.query }),
  );
  route.post(
    '/:tenant/beheer/meldingen/routering',
    {
      policy: POLICY,
      form: routingRuleForm,
      invalid: (req, reply, errors, values) => routingPage(req, reply, { errors, values: single(values) }),
    },
    async (req, reply) => {
      await categories.appendRoutingRule(
        req.db,
        req.tenant.id,
        { target: req.body.target, areaCode: req.body.area || null, organisationId: req.body.organisationId },
        actor(req),
      );
      return reply.redirect(`${base(req.tenant)}/routering?opgeslagen=1`, 303);
    },
  );
  for (const path of ['omhoog', 'omlaag', 'verwijderen'] as const) {
    route.post(
      `/:tenant/beheer/meldingen/routering/:id/${path}`,
      { policy: POLICY, params: ruleIdParam, form: noFields },
      async (req, reply) => {
        const { id } = req.params;
        if (path === 'verwijderen') await categories.deleteRoutingRule(req.db, req.tenant.id, id, actor(req));
        else await categories.moveRoutingRule(req.db, req.tenant.id, id, path === 'omhoog' ? 'up' : 'down', actor(req));
        return reply.redirect(`${base(req.tenant)}/routering?opgeslagen=1`, 303);
      },
    );
  }

  // Standard texts.
  type Failed = { errorFor: string; errors: Errors; values: FormValues };
  const textsPage = async (req: TenantRequest, reply: FastifyReply, view: { saved?: boolean; failed?: Failed }) => {
    const tenantId = req.tenant.id;
    const [cats, texts] = await Promise.all([categories.listCategories(req.db, tenantId), categories.listStandardTexts(req.db, tenantId)]);
    const failed = view.failed;
    const body = (
      <TextsPage
        ctx={req.viewContext()}
        slug={req.tenant.slug}
        states={TEXT_STATES}
        categories={cats}
        texts={texts}
        saved={!failed && !!view.saved}
        maxLength={MAX_TEXT}
        {...(failed
          ? {
              errorFor: failed.errorFor,
              errors: failed.errors,
              values: { state: failed.values.state ?? '', categoryId: failed.values.categoryId ?? '', text: failed.values.text ?? '' },
            }
          : {})}
      />
    );
    return page(req, reply, body, req.t('signals.config.texts.title'), failed ? FAILED : 200);
  };
  route.get('/:tenant/beheer/meldingen/teksten', { policy: POLICY, query: savedQuery }, (req, reply) =>
    textsPage(req, reply, { saved: req.query.opgeslagen === '1' }),
  );
  route.post(
    '/:tenant/beheer/meldingen/teksten',
    {
      policy: POLICY,
      form: standardTextForm,
      // Which form on the page failed: the new one, or the one of a state (and category).
      invalid: (req, reply, errors, submitted) => {
        const values = single(submitted);
        const errorFor = values.form === 'new' ? 'new' : `${values.state ?? ''}:${values.categoryId ?? ''}`;
        return textsPage(req, reply, { failed: { errorFor, errors, values } });
      },
    },
    async (req, reply) => {
      const { state, categoryId, text } = req.body;
      await categories.saveStandardText(req.db, req.tenant.id, categoryId || null, state, text, actor(req), app.clock.now());
      return reply.redirect(`${base(req.tenant)}/teksten?opgeslagen=1#status-${state}`, 303);
    },
  );
  route.post('/:tenant/beheer/meldingen/teksten/verwijderen', { policy: POLICY, form: standardTextDeleteForm }, async (req, reply) => {
    const { state, categoryId } = req.body;
    await categories.removeStandardText(req.db, req.tenant.id, categoryId || null, state, actor(req));
    return reply.redirect(`${base(req.tenant)}/teksten?opgeslagen=1#status-${state}`, 303);
  });
}
