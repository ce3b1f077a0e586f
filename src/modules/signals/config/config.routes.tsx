/**
 * Settings pages of the signals module under `/{tenant}/beheer/meldingen` (coordinators and
 * administrators): the hub with the default desk, and categories with their questions (routing
 * rules and standard texts: config.routing.routes.tsx). Forms work without JavaScript; bad input
 * shows the form again with the errors (422), refused changes answer 404/409 with a clear message.
 */
import './config.messages.ts';
import './config.english.messages.ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError, Invalid } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http/route.ts';
import * as categories from './categories.service.ts';
import * as listStore from './categories.store.ts';
import * as config from './config.service.ts';
import {
  actor,
  configBase as base,
  configPage as page,
  FAILED,
  orgChoices as orgs,
  POLICY,
  single,
  type Errors,
  type TenantRequest,
} from './config.http.ts';
import { categoryModel, groupModel } from './categories.presenter.ts';
import {
  buildQuestion,
  categoryCreateForm,
  categoryEditForm,
  categoryIdParam,
  defaultDeskForm,
  groupEditForm,
  groupForm,
  groupIdParam,
  noFields,
  questionForm,
  questionKeyParam,
  savedQuery,
} from './config.schemas.ts';
import { CategoriesPage, HubPage, NewCategoryPage, type FormValues } from './views/config-categories.tsx';
import { CategoryPage, categoryValues, QuestionPage, questionValues } from './views/config-category.tsx';
import { GroupPage, groupValues } from './views/config-group.tsx';

/** Registers the settings pages. */
export async function configRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

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
        groups={groups.map(groupModel)}
        categories={cats.map(categoryModel)}
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

  // One group's texts, Dutch and English (issue 12).
  const groupPage = async (req: TenantRequest, reply: FastifyReply, id: string, values?: FormValues, errors?: Errors) => {
    const group = groupModel(await config.getGroup(req.db, req.tenant.id, id));
    const body = (
      <GroupPage ctx={req.viewContext()} slug={req.tenant.slug} group={group} values={values ?? groupValues(group)} errors={errors} />
    );
    return page(req, reply, body, req.t('signals.config.group.editTitle', { name: group.name }), errors ? FAILED : 200, catCrumb(req));
  };
  route.get('/:tenant/beheer/meldingen/groepen/:id', { policy: POLICY, params: groupIdParam }, (req, reply) =>
    groupPage(req, reply, req.params.id),
  );
  route.post(
    '/:tenant/beheer/meldingen/groepen/:id',
    {
      policy: POLICY,
      params: groupIdParam,
      form: groupEditForm,
      invalid: (req, reply, errors, values) => groupPage(req, reply, req.params.id, single(values), errors),
    },
    async (req, reply) => {
      const group = await config.updateGroup(req.db, req.tenant.id, req.params.id, req.body, actor(req));
      return reply.redirect(`${base(req.tenant)}/categorieen?opgeslagen=1#groep-${group.code}`, 303);
    },
  );

  function catCrumb(req: TenantRequest) {
    return [{ href: `${base(req.tenant)}/categorieen`, label: req.t('signals.config.categories.title') }];
  }
  const newCategory = async (req: TenantRequest, reply: FastifyReply, values: FormValues, errors?: Errors) => {
    const groups = await listStore.listGroups(req.db, req.tenant.id);
    const v = { groupId: groups[0]?.id ?? '', ...values };
    const body = (
      <NewCategoryPage
        ctx={req.viewContext()}
        slug={req.tenant.slug}
        groups={groups.map(groupModel)}
        values={v}
        {...(errors ? { errors } : {})}
      />
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
    const shown = categoryModel(category);
    const body = (
      <CategoryPage
        ctx={req.viewContext()}
        slug={req.tenant.slug}
        category={shown}
        groups={groups.map(groupModel)}
        signalCount={counts.get(category.id) ?? 0}
        values={view.values ?? categoryValues(shown)}
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
  const questionPage = (req: TenantRequest, reply: FastifyReply, category: listStore.CategoryRow, values: FormValues, errors?: Errors) =>
    page(
      req,
      reply,
      <QuestionPage ctx={req.viewContext()} slug={req.tenant.slug} category={categoryModel(category)} values={values} errors={errors} />,
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
}
