/**
 * Settings pages of the signals module under `/{tenant}/beheer/meldingen` (coordinators and
 * administrators): the hub with the default desk, categories with their questions, routing rules
 * with a route tester, and standard texts. Forms work without JavaScript; bad input shows the form
 * again with the errors (422), refused changes answer 404/409 with a clear message.
 */
import './config.messages.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { auditFrom } from '../../platform/audit/audit.service.ts';
import { AppError, Invalid } from '../../platform/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import type { Translate } from '../../platform/i18n/index.ts';
import { listAreas } from '../areas/areas.service.ts';
import { listOrganisations } from '../people/people.service.ts';
import * as categories from './categories.service.ts';
import * as listStore from './categories.store.ts';
import * as config from './config.service.ts';
import {
  buildQuestion,
  categoryCreateForm,
  categoryEditForm,
  defaultDeskForm,
  groupForm,
  MAX_TEXT,
  questionForm,
  routeTestQuery,
  routingRuleForm,
  standardTextDeleteForm,
  standardTextForm,
} from './config.schemas.ts';
import { CategoriesPage, HubPage, NewCategoryPage, type FormValues } from './views/config-categories.tsx';
import { CategoryPage, categoryValues, QuestionPage, questionValues } from './views/config-category.tsx';
import { RoutingPage, type AreaOption } from './views/config-routing.tsx';
import { TextsPage } from './views/config-texts.tsx';

const POLICY = { roles: ['coordinator', 'admin'] } as const;
const { TEXT_STATES } = categories;

type Errors = Record<string, string>;
const rawValues = (body: unknown): FormValues =>
  Object.fromEntries(
    Object.entries((body ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string') as [string, string][],
  );
/** Field errors of a refused change (422/409 with fields), translated; anything else is rethrown. */
function refused(err: unknown, t: Translate): Errors {
  if (err instanceof AppError && err.fields && (err.status === 422 || err.status === 409)) {
    return Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, t(v)]));
  }
  throw err;
}
const actor = (req: FastifyRequest): config.Actor => ({ actorUserId: req.user!.id, ip: auditFrom(req).ip });
const saved = (req: FastifyRequest) => (req.query as Record<string, unknown> | undefined)?.opgeslagen === '1';

/** Registers the settings pages. */
export async function configRoutes(app: FastifyInstance): Promise<void> {
  const base = (req: FastifyRequest) => `/${req.tenant!.slug}/beheer/meldingen`;
  const page = (
    req: FastifyRequest,
    reply: FastifyReply,
    body: VNode,
    title: string,
    status = 200,
    crumbs: { href: string; label: string }[] = [],
  ) => reply.page(body, { title, status, breadcrumbs: [{ href: base(req), label: req.t('signals.config.title') }, ...crumbs] });
  const orgs = async (tenantId: string) => (await listOrganisations(app.db, tenantId)).map((o) => ({ id: o.id, name: o.name }));

  // Hub and default desk.
  const hub = async (req: FastifyRequest, reply: FastifyReply, errors?: Errors) => {
    const tenantId = req.tenant!.id;
    const [organisations, desk] = await Promise.all([orgs(tenantId), config.getDefaultDesk(app.db, tenantId)]);
    const body = (
      <HubPage
        ctx={req.viewContext()}
        slug={req.tenant!.slug}
        organisations={organisations}
        defaultDesk={desk}
        saved={saved(req)}
        {...(errors ? { errors } : {})}
      />
    );
    return reply.page(body, { title: req.t('signals.config.title'), status: errors ? 422 : 200 });
  };
  app.get('/:tenant/beheer/meldingen', { config: { policy: POLICY } }, (req, reply) => hub(req, reply));
  app.post('/:tenant/beheer/meldingen/standaardloket', { config: { policy: POLICY } }, async (req, reply) => {
    const parsed = parseForm(defaultDeskForm, req.body, req.t);
    if (!parsed.ok) return hub(req, reply, parsed.errors);
    try {
      await config.changeDefaultDesk(app.db, req.tenant!.id, parsed.data.organisationId, actor(req), app.clock.now());
    } catch (err) {
      return hub(req, reply, refused(err, req.t));
    }
    return reply.redirect(`${base(req)}?opgeslagen=1`, 303);
  });

  // Categories and groups.
  const categoriesPage = async (req: FastifyRequest, reply: FastifyReply, errors?: Errors) => {
    const tenantId = req.tenant!.id;
    const [groups, cats, counts] = await Promise.all([
      listStore.listGroups(app.db, tenantId),
      categories.listCategories(app.db, tenantId),
      config.signalCounts(app.db, tenantId),
    ]);
    const body = (
      <CategoriesPage
        ctx={req.viewContext()}
        slug={req.tenant!.slug}
        groups={groups}
        categories={cats}
        counts={counts}
        saved={saved(req)}
        {...(errors ? { errors, values: rawValues(req.body) } : {})}
      />
    );
    return page(req, reply, body, req.t('signals.config.categories.title'), errors ? 422 : 200);
  };
  app.get('/:tenant/beheer/meldingen/categorieen', { config: { policy: POLICY } }, (req, reply) => categoriesPage(req, reply));
  app.post('/:tenant/beheer/meldingen/groepen', { config: { policy: POLICY } }, async (req, reply) => {
    const parsed = parseForm(groupForm, req.body, req.t);
    if (!parsed.ok) return categoriesPage(req, reply, parsed.errors);
    try {
      await config.createGroup(app.db, req.tenant!.id, parsed.data, actor(req));
    } catch (err) {
      return categoriesPage(req, reply, refused(err, req.t));
    }
    return reply.redirect(`${base(req)}/categorieen?opgeslagen=1`, 303);
  });

  const catCrumb = (req: FastifyRequest) => [{ href: `${base(req)}/categorieen`, label: req.t('signals.config.categories.title') }];
  const newCategory = async (req: FastifyRequest, reply: FastifyReply, values: FormValues, errors?: Errors) => {
    const groups = await listStore.listGroups(app.db, req.tenant!.id);
    const v = { groupId: groups[0]?.id ?? '', ...values };
    const body = (
      <NewCategoryPage ctx={req.viewContext()} slug={req.tenant!.slug} groups={groups} values={v} {...(errors ? { errors } : {})} />
    );
    return page(req, reply, body, req.t('signals.config.category.new'), errors ? 422 : 200, catCrumb(req));
  };
  app.get('/:tenant/beheer/meldingen/categorieen/nieuw', { config: { policy: POLICY } }, (req, reply) =>
    newCategory(req, reply, { deadlineDays: '5', position: '0', active: '1' }),
  );
  app.post('/:tenant/beheer/meldingen/categorieen/nieuw', { config: { policy: POLICY } }, async (req, reply) => {
    const parsed = parseForm(categoryCreateForm, req.body, req.t);
    if (!parsed.ok) return newCategory(req, reply, rawValues(req.body), parsed.errors);
    try {
      const row = await config.createCategory(app.db, req.tenant!.id, parsed.data, actor(req), app.clock.now());
      return reply.redirect(`${base(req)}/categorieen/${row.id}?opgeslagen=1`, 303);
    } catch (err) {
      return newCategory(req, reply, rawValues(req.body), refused(err, req.t));
    }
  });

  type CategoryView = { values?: FormValues; errors?: Errors; questionValues?: FormValues; questionErrors?: Errors };
  const categoryPage = async (req: FastifyRequest, reply: FastifyReply, view: CategoryView = {}) => {
    const tenantId = req.tenant!.id;
    const category = await config.getCategory(app.db, tenantId, (req.params as { id: string }).id);
    const [groups, counts] = await Promise.all([listStore.listGroups(app.db, tenantId), config.signalCounts(app.db, tenantId)]);
    const failed = !!(view.errors || view.questionErrors);
    const body = (
      <CategoryPage
        ctx={req.viewContext()}
        slug={req.tenant!.slug}
        category={category}
        groups={groups}
        signalCount={counts.get(category.id) ?? 0}
        values={view.values ?? categoryValues(category)}
        errors={view.errors}
        questionValues={view.questionValues ?? { type: 'text' }}
        questionErrors={view.questionErrors}
        saved={!failed && saved(req)}
      />
    );
    return page(req, reply, body, req.t('signals.config.category.title', { name: category.name }), failed ? 422 : 200, catCrumb(req));
  };
  app.get('/:tenant/beheer/meldingen/categorieen/:id', { config: { policy: POLICY } }, (req, reply) => categoryPage(req, reply));
  app.post('/:tenant/beheer/meldingen/categorieen/:id', { config: { policy: POLICY } }, async (req, reply) => {
    const category = await config.getCategory(app.db, req.tenant!.id, (req.params as { id: string }).id);
    const parsed = parseForm(categoryEditForm, req.body, req.t);
    if (!parsed.ok) return categoryPage(req, reply, { values: rawValues(req.body), errors: parsed.errors });
    try {
      await config.updateCategory(app.db, req.tenant!.id, category.id, parsed.data, actor(req), app.clock.now());
    } catch (err) {
      return categoryPage(req, reply, { values: rawValues(req.body), errors: refused(err, req.t) });
    }
    return reply.redirect(`${base(req)}/categorieen/${category.id}?opgeslagen=1`, 303);
  });
  app.post('/:tenant/beheer/meldingen/categorieen/:id/verwijderen', { config: { policy: POLICY } }, async (req, reply) => {
    const category = await config.getCategory(app.db, req.tenant!.id, (req.params as { id: string }).id);
    await config.deleteCategory(app.db, req.tenant!.id, category.id, actor(req));
    return reply.redirect(`${base(req)}/categorieen?opgeslagen=1`, 303);
  });

  // Extra questions of a category.
  const translateAll = (errors: Errors, t: Translate) => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, t(v)]));
  app.post('/:tenant/beheer/meldingen/categorieen/:id/vragen', { config: { policy: POLICY } }, async (req, reply) => {
    const category = await config.getCategory(app.db, req.tenant!.id, (req.params as { id: string }).id);
    const values = rawValues(req.body);
    const parsed = parseForm(questionForm, req.body, req.t);
    if (!parsed.ok) return categoryPage(req, reply, { questionValues: values, questionErrors: parsed.errors });
    const built = buildQuestion(
      parsed.data,
      parsed.data.key,
      category.questions.map((q) => q.key),
    );
    if (!built.ok) return categoryPage(req, reply, { questionValues: values, questionErrors: translateAll(built.errors, req.t) });
    try {
      await config.editQuestions(
        app.db,
        req.tenant!.id,
        category.id,
        config.questionEdits.add(built.question),
        actor(req),
        app.clock.now(),
      );
    } catch (err) {
      return categoryPage(req, reply, { questionValues: values, questionErrors: refused(err, req.t) });
    }
    return reply.redirect(`${base(req)}/categorieen/${category.id}?opgeslagen=1#vragen`, 303);
  });

  const questionOf = async (req: FastifyRequest) => {
    const { id, key } = req.params as { id: string; key: string };
    const category = await config.getCategory(app.db, req.tenant!.id, id);
    const question = category.questions.find((q) => q.key === key);
    if (!question) throw new AppError(404, 'not_found', 'signals.config.error.questionNotFound');
    return { category, question };
  };
  const questionPage = (req: FastifyRequest, reply: FastifyReply, category: categories.CategoryRow, values: FormValues, errors?: Errors) =>
    page(
      req,
      reply,
      <QuestionPage ctx={req.viewContext()} slug={req.tenant!.slug} category={category} values={values} errors={errors} />,
      req.t('signals.config.q.editTitle', { name: category.name }),
      errors ? 422 : 200,
      [...catCrumb(req), { href: `${base(req)}/categorieen/${category.id}`, label: category.name }],
    );
  app.get('/:tenant/beheer/meldingen/categorieen/:id/vragen/:key', { config: { policy: POLICY } }, async (req, reply) => {
    const { category, question } = await questionOf(req);
    return questionPage(req, reply, category, questionValues(question));
  });
  app.post('/:tenant/beheer/meldingen/categorieen/:id/vragen/:key', { config: { policy: POLICY } }, async (req, reply) => {
    const { category, question } = await questionOf(req);
    const values = { ...rawValues(req.body), key: question.key };
    const parsed = parseForm(questionForm, req.body, req.t);
    if (!parsed.ok) return questionPage(req, reply, category, values, parsed.errors);
    const built = buildQuestion(
      parsed.data,
      question.key,
      category.questions.filter((q) => q.key !== question.key).map((q) => q.key),
    );
    if (!built.ok) return questionPage(req, reply, category, values, translateAll(built.errors, req.t));
    await config.editQuestions(
      app.db,
      req.tenant!.id,
      category.id,
      config.questionEdits.replace(built.question),
      actor(req),
      app.clock.now(),
    );
    return reply.redirect(`${base(req)}/categorieen/${category.id}?opgeslagen=1#vragen`, 303);
  });
  for (const [path, edit] of [
    ['omhoog', (key: string) => config.questionEdits.move(key, 'up')],
    ['omlaag', (key: string) => config.questionEdits.move(key, 'down')],
    ['verwijderen', (key: string) => config.questionEdits.remove(key)],
  ] as const) {
    app.post(`/:tenant/beheer/meldingen/categorieen/:id/vragen/:key/${path}`, { config: { policy: POLICY } }, async (req, reply) => {
      const { category, question } = await questionOf(req);
      await config.editQuestions(app.db, req.tenant!.id, category.id, edit(question.key), actor(req), app.clock.now());
      return reply.redirect(`${base(req)}/categorieen/${category.id}?opgeslagen=1#vragen`, 303);
    });
  }

  // Routing rules and the route tester.
  const areaOptions = async (tenantId: string): Promise<AreaOption[]> => {
    const [wijken, buurten] = await Promise.all([
      listAreas(app.db, tenantId, { level: 'district' }),
      listAreas(app.db, tenantId, { level: 'neighbourhood' }),
    ]);
    return wijken.flatMap((w) => [
      { code: w.code, name: w.name, level: 'district' as const },
      ...buurten.filter((b) => b.parentCode === w.code).map((b) => ({ code: b.code, name: b.name, level: 'neighbourhood' as const })),
    ]);
  };
  const routingPage = async (req: FastifyRequest, reply: FastifyReply, errors?: Errors) => {
    const tenantId = req.tenant!.id;
    const [rules, groups, cats, areas, organisations, desk] = await Promise.all([
      categories.listRoutingRules(app.db, tenantId),
      listStore.listGroups(app.db, tenantId),
      categories.listCategories(app.db, tenantId),
      areaOptions(tenantId),
      orgs(tenantId),
      config.getDefaultDesk(app.db, tenantId),
    ]);
    const q = routeTestQuery.safeParse(req.query ?? {});
    let test: Parameters<typeof RoutingPage>[0]['test'];
    if (!q.success) test = { categoryId: '', area: '', result: null, errors: { categorie: req.t('signals.config.error.category') } };
    else if (q.data.categorie) {
      try {
        test = {
          categoryId: q.data.categorie,
          area: q.data.gebied,
          result: await categories.testRoute(app.db, tenantId, q.data.categorie, q.data.gebied || null),
        };
      } catch (err) {
        test = { categoryId: q.data.categorie, area: q.data.gebied, result: null, errors: refused(err, req.t) };
      }
    }
    const body = (
      <RoutingPage
        ctx={req.viewContext()}
        slug={req.tenant!.slug}
        rules={rules}
        groups={groups}
        categories={cats}
        areas={areas}
        organisations={organisations}
        defaultDesk={desk}
        saved={!errors && saved(req)}
        errors={errors}
        {...(errors ? { values: rawValues(req.body) } : {})}
        {...(test ? { test } : {})}
      />
    );
    return page(req, reply, body, req.t('signals.config.routing.title'), errors || test?.errors ? 422 : 200);
  };
  app.get('/:tenant/beheer/meldingen/routering', { config: { policy: POLICY } }, (req, reply) => routingPage(req, reply));
  app.post('/:tenant/beheer/meldingen/routering', { config: { policy: POLICY } }, async (req, reply) => {
    const parsed = parseForm(routingRuleForm, req.body, req.t);
    if (!parsed.ok) return routingPage(req, reply, parsed.errors);
    const [kind, id] = parsed.data.target.split(':') as [string, string | undefined];
    const target: categories.RuleTarget =
      kind === 'groep' ? { kind: 'group', id: id! } : kind === 'categorie' ? { kind: 'category', id: id! } : { kind: 'all' };
    try {
      await categories.appendRoutingRule(
        app.db,
        req.tenant!.id,
        { target, areaCode: parsed.data.area || null, organisationId: parsed.data.organisationId },
        actor(req),
      );
    } catch (err) {
      return routingPage(req, reply, refused(err, req.t));
    }
    return reply.redirect(`${base(req)}/routering?opgeslagen=1`, 303);
  });
  for (const path of ['omhoog', 'omlaag', 'verwijderen'] as const) {
    app.post(`/:tenant/beheer/meldingen/routering/:id/${path}`, { config: { policy: POLICY } }, async (req, reply) => {
      const { id } = req.params as { id: string };
      if (path === 'verwijderen') await categories.deleteRoutingRule(app.db, req.tenant!.id, id, actor(req));
      else await categories.moveRoutingRule(app.db, req.tenant!.id, id, path === 'omhoog' ? 'up' : 'down', actor(req));
      return reply.redirect(`${base(req)}/routering?opgeslagen=1`, 303);
    });
  }

  // Standard texts.
  const textsPage = async (req: FastifyRequest, reply: FastifyReply, failed?: { errorFor: string; errors: Errors }) => {
    const tenantId = req.tenant!.id;
    const [cats, texts] = await Promise.all([categories.listCategories(app.db, tenantId), categories.listStandardTexts(app.db, tenantId)]);
    const v = rawValues(req.body);
    const body = (
      <TextsPage
        ctx={req.viewContext()}
        slug={req.tenant!.slug}
        states={TEXT_STATES}
        categories={cats}
        texts={texts}
        saved={!failed && saved(req)}
        maxLength={MAX_TEXT}
        {...(failed ? { ...failed, values: { state: v.state ?? '', categoryId: v.categoryId ?? '', text: v.text ?? '' } } : {})}
      />
    );
    return page(req, reply, body, req.t('signals.config.texts.title'), failed ? 422 : 200);
  };
  app.get('/:tenant/beheer/meldingen/teksten', { config: { policy: POLICY } }, (req, reply) => textsPage(req, reply));
  app.post('/:tenant/beheer/meldingen/teksten', { config: { policy: POLICY } }, async (req, reply) => {
    const v = rawValues(req.body);
    const errorFor = v.form === 'new' ? 'new' : `${v.state ?? ''}:${v.categoryId ?? ''}`;
    const parsed = parseForm(standardTextForm, req.body, req.t);
    if (!parsed.ok) return textsPage(req, reply, { errorFor, errors: parsed.errors });
    const { state, categoryId, text } = parsed.data;
    try {
      await categories.saveStandardText(app.db, req.tenant!.id, categoryId || null, state, text, actor(req), app.clock.now());
    } catch (err) {
      return textsPage(req, reply, { errorFor, errors: refused(err, req.t) });
    }
    return reply.redirect(`${base(req)}/teksten?opgeslagen=1#status-${state}`, 303);
  });
  app.post('/:tenant/beheer/meldingen/teksten/verwijderen', { config: { policy: POLICY } }, async (req, reply) => {
    const parsed = parseForm(standardTextDeleteForm, req.body, req.t);
    if (!parsed.ok) throw Invalid(parsed.errors);
    await categories.removeStandardText(app.db, req.tenant!.id, parsed.data.categoryId || null, parsed.data.state, actor(req));
    return reply.redirect(`${base(req)}/teksten?opgeslagen=1#status-${parsed.data.state}`, 303);
  });
}
