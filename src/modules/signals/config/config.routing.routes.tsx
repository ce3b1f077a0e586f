/**
 * Settings pages of the signals module, part two (coordinators and administrators): the routing
 * rules with a route tester, and the standard texts per state (and category). The hub, categories
 * and questions are in config.routes.tsx; both share config.http.ts.
 */
import './config.routing.messages.ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { formErrorsOf, routes } from '../../../platform/http/route.ts';
import { listAreas } from '../../areas/areas.service.ts';
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
import { categoryModel, groupModel, routingRule, standardText } from './categories.presenter.ts';
import {
  MAX_TEXT,
  noFields,
  routeTestQuery,
  routingRuleForm,
  ruleIdParam,
  savedQuery,
  standardTextDeleteForm,
  standardTextForm,
} from './config.schemas.ts';
import type { FormValues } from './views/config-categories.tsx';
import { RoutingPage, type AreaOption } from './views/config-routing.tsx';
import { TextsPage } from './views/config-texts.tsx';

const { TEXT_STATES } = categories;

/** Registers the routing and standard-text settings pages. */
export async function configRoutingRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

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
    const [rules, groups, cats, areas, organisations, desk, unstaffed] = await Promise.all([
      categories.listRoutingRules(req.db, tenantId),
      listStore.listGroups(req.db, tenantId),
      categories.listCategories(req.db, tenantId),
      areaOptions(req),
      orgs(req),
      config.getDefaultDesk(req.db, tenantId),
      categories.organisationsWithoutHandlers(req.db, tenantId),
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
        rules={rules.map(routingRule)}
        groups={groups.map(groupModel)}
        categories={cats.map(categoryModel)}
        areas={areas}
        organisations={organisations}
        defaultDesk={desk}
        unstaffed={[...unstaffed]}
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
        categories={cats.map(categoryModel)}
        texts={texts.map(standardText)}
        saved={!failed && !!view.saved}
        maxLength={MAX_TEXT}
        {...(failed
          ? {
              errorFor: failed.errorFor,
              errors: failed.errors,
              values: {
                state: failed.values.state ?? '',
                categoryId: failed.values.categoryId ?? '',
                text: failed.values.text ?? '',
                textEn: failed.values.textEn ?? '',
              },
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
      const { state, categoryId, text, textEn } = req.body;
      await categories.saveStandardText(req.db, req.tenant.id, categoryId || null, state, text, actor(req), app.clock.now(), textEn);
      return reply.redirect(`${base(req.tenant)}/teksten?opgeslagen=1#status-${state}`, 303);
    },
  );
  route.post('/:tenant/beheer/meldingen/teksten/verwijderen', { policy: POLICY, form: standardTextDeleteForm }, async (req, reply) => {
    const { state, categoryId } = req.body;
    await categories.removeStandardText(req.db, req.tenant.id, categoryId || null, state, actor(req));
    return reply.redirect(`${base(req.tenant)}/teksten?opgeslagen=1#status-${state}`, 303);
  });
}
