/**
 * Provider maintenance of the social map under /{tenant}/sociale-kaart/beheer: the list of one's
 * entries, adding and editing a service, "Klopt nog". Locations and times, suggestions and the
 * coverage view are in their own route files, registered from here.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { inTransaction } from '../../platform/db/database.ts';
import { Forbidden } from '../../platform/errors.ts';
import { actorFrom, createService, getServiceDetail, markChecked, updateService } from './socialmap.service.ts';
import { KEEP_ROLES, maintainerFrom, serviceToMaintain, type Maintainer } from './keep.access.ts';
import * as store from './keep.store.ts';
import { openSuggestions } from './keep.service.ts';
import { field, formErrors } from './keep.forms.ts';
import { noticeKey } from './views/keep/fields.tsx';
import { KeepListPage } from './views/keep/list.tsx';
import { ServiceForm, type ServiceFormValues } from './views/keep/service-form.tsx';
import {
  checkTerms,
  formOptions,
  FUNCTION_CODES,
  GROUP_CODES,
  keepBase,
  keepCrumbs,
  renderServicePage,
  serviceFields,
  valuesOfBody,
  type ServicePageExtra,
} from './keep.pages.tsx';
import { keepPlacesRoutes } from './keep.places.routes.tsx';
import { keepSuggestRoutes } from './keep.suggest.routes.tsx';
import { keepCoverageRoutes } from './keep.coverage.routes.tsx';

export async function keepRoutes(app: FastifyInstance): Promise<void> {
  const policy = { roles: KEEP_ROLES };

  app.get('/:tenant/sociale-kaart/beheer', { config: { policy } }, async (req, reply) => {
    const m = maintainerFrom(req);
    const [services, organisations, suggestions] = await Promise.all([
      store.listKeepServices(app.db, m.tenantId, m.organisationIds),
      store.listKeepOrganizations(app.db, m.tenantId, m.organisationIds),
      openSuggestions(app.db, m),
    ]);
    return reply.page(
      <KeepListPage
        ctx={req.viewContext()}
        services={services}
        all={m.organisationIds === null}
        canCreate={organisations.length > 0}
        openSuggestions={suggestions.length}
        now={app.clock.now()}
        notice={noticeKey(req.query)}
      />,
      { title: req.t('socialmap.keep.title'), breadcrumbs: keepCrumbs(req).slice(0, 1) },
    );
  });

  // --- a new service ---
  async function newPage(req: FastifyRequest, m: Maintainer, values: ServiceFormValues, errors?: Record<string, string>) {
    const options = await formOptions(app, m);
    if (options.organisations.length === 0) throw Forbidden('socialmap.keep.noOrganisations');
    const ctx = req.viewContext();
    return (
      <>
        <h1 class="utrecht-heading-1">{req.t('socialmap.keep.form.newTitle')}</h1>
        <ServiceForm ctx={ctx} action={`${keepBase(req)}/nieuw`} values={values} options={options} errors={errors} isNew />
      </>
    );
  }

  app.get('/:tenant/sociale-kaart/beheer/nieuw', { config: { policy } }, async (req, reply) => {
    const m = maintainerFrom(req);
    const empty = valuesOfBody({});
    return reply.page(await newPage(req, m, empty), { title: req.t('socialmap.keep.form.newTitle'), breadcrumbs: keepCrumbs(req) });
  });

  app.post('/:tenant/sociale-kaart/beheer/nieuw', { config: { policy } }, async (req, reply) => {
    const m = maintainerFrom(req);
    const values = valuesOfBody(req.body);
    const options = await formOptions(app, m);
    const org = options.organisations.find((o) => o.id === values.organization_id);
    if (!org) throw Forbidden('socialmap.keep.orgNotYours');
    const title = req.t('socialmap.keep.form.newTitle');
    const termErrors = checkTerms(values, options);
    if (Object.keys(termErrors).length > 0) {
      const errors = Object.fromEntries(Object.entries(termErrors).map(([k, v]) => [k, req.t(v)]));
      return reply.page(await newPage(req, m, values, errors), { title, status: 422, breadcrumbs: keepCrumbs(req) });
    }
    try {
      const actor = actorFrom(req, app.clock.now());
      const row = await inTransaction(app.db, async (trx) => {
        const created = await createService(
          trx,
          m.tenantId,
          { organization_id: org.id, ...serviceFields(values), term_codes: [...values.functions, ...values.groups] },
          actor,
        );
        // A provider who writes an entry has just checked it.
        await markChecked(trx, m.tenantId, created.id, actor);
        return created;
      });
      return reply.redirect(`${keepBase(req)}/aanbod/${row.id}?melding=toegevoegd`, 303);
    } catch (err) {
      const errors = formErrors(err, req.t, { term_codes: 'functions' });
      return reply.page(await newPage(req, m, values, errors), { title, status: 422, breadcrumbs: keepCrumbs(req) });
    }
  });

  // --- edit one service ---
  const servicePage = (req: FastifyRequest, m: Maintainer, id: string, extra: ServicePageExtra = {}) =>
    renderServicePage(app, req, m, id, extra);

  app.get('/:tenant/sociale-kaart/beheer/aanbod/:id', { config: { policy } }, async (req, reply) => {
    const m = maintainerFrom(req);
    const { id } = req.params as { id: string };
    await serviceToMaintain(app.db, m, id);
    const page = await servicePage(req, m, id);
    return reply.page(page.node, { title: page.title, breadcrumbs: keepCrumbs(req) });
  });

  app.post('/:tenant/sociale-kaart/beheer/aanbod/:id', { config: { policy } }, async (req, reply) => {
    const m = maintainerFrom(req);
    const { id } = req.params as { id: string };
    await serviceToMaintain(app.db, m, id);
    const values = valuesOfBody(req.body);
    const options = await formOptions(app, m);
    const termErrors = checkTerms(values, options);
    const fail = async (errors: Record<string, string>) => {
      const page = await servicePage(req, m, id, { values, errors });
      return reply.page(page.node, { title: page.title, status: 422, breadcrumbs: keepCrumbs(req) });
    };
    if (Object.keys(termErrors).length > 0) return fail(Object.fromEntries(Object.entries(termErrors).map(([k, v]) => [k, req.t(v)])));
    try {
      await inTransaction(app.db, async (trx) => {
        const detail = await getServiceDetail(trx, m.tenantId, id);
        // Keep terms of other taxonomies (e.g. imported ones); replace functions and target groups.
        const others = (detail?.terms ?? [])
          .filter((x) => !FUNCTION_CODES.has(x.code ?? '') && !GROUP_CODES.has(x.code ?? ''))
          .map((x) => x.id);
        await updateService(
          trx,
          m.tenantId,
          id,
          { ...serviceFields(values), term_codes: [...values.functions, ...values.groups], term_ids: others },
          actorFrom(req, app.clock.now()),
        );
      });
    } catch (err) {
      return fail(formErrors(err, req.t, { term_codes: 'functions', term_ids: 'functions' }));
    }
    return reply.redirect(`${keepBase(req)}/aanbod/${id}?melding=opgeslagen`, 303);
  });

  app.post('/:tenant/sociale-kaart/beheer/aanbod/:id/klopt', { config: { policy } }, async (req, reply) => {
    const m = maintainerFrom(req);
    const { id } = req.params as { id: string };
    await serviceToMaintain(app.db, m, id);
    await markChecked(app.db, m.tenantId, id, actorFrom(req, app.clock.now()));
    const toList = field(req.body, 'terug', 10) === 'lijst';
    return reply.redirect(toList ? `${keepBase(req)}?melding=gecontroleerd` : `${keepBase(req)}/aanbod/${id}?melding=gecontroleerd`, 303);
  });

  await app.register(keepPlacesRoutes);
  await app.register(keepSuggestRoutes);
  await app.register(keepCoverageRoutes);
}
