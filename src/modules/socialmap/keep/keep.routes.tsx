/**
 * Provider maintenance of the social map under /{tenant}/sociale-kaart/beheer: the list of one's
 * entries, adding and editing a service, "Klopt nog". Locations and times, suggestions and the
 * coverage view are in their own route files, registered from here.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { inTransaction } from '../../../platform/db/database.ts';
import { Forbidden, Invalid } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http/route.ts';
import { actorFrom } from '../actor.ts';
import { createService, markChecked, updateService } from '../records/services.service.ts';
import { getServiceDetail } from '../records/detail.service.ts';
import { KEEP_ROLES, serviceToMaintain } from './keep.access.ts';
import type { Principal } from '../../../platform/principal.ts';
import { keepOverview } from './keep.service.ts';
import { checkedForm, keepFieldNames, noticeQuery, serviceForm, serviceIdParam } from './keep.forms.ts';
import { noticeKey } from './views/fields.tsx';
import { KeepListPage } from './views/list.tsx';
import { ServiceForm, type ServiceFormValues } from './views/service-form.tsx';
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
  type TenantRequest,
} from './keep.pages.tsx';

/** Service errors on the form's fields: the terms are chosen as functions. */
const SERVICE_FIELDS = { term_codes: 'functions', term_ids: 'functions' };

export async function keepRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const policy = { roles: KEEP_ROLES };

  route.get('/:tenant/sociale-kaart/beheer', { policy, query: noticeQuery }, async (req, reply) => {
    const { services, all, canCreate, openSuggestions } = await keepOverview(req.db, req.principal);
    return reply.page(
      <KeepListPage
        ctx={req.viewContext()}
        services={services}
        all={all}
        canCreate={canCreate}
        openSuggestions={openSuggestions}
        now={app.clock.now()}
        notice={noticeKey(req.query.melding)}
      />,
      { title: req.t('socialmap.keep.title'), breadcrumbs: keepCrumbs(req).slice(0, 1) },
    );
  });

  // --- a new service ---
  async function newPage(
    req: TenantRequest,
    reply: FastifyReply,
    p: Principal,
    values: ServiceFormValues,
    shown?: { errors: Record<string, string>; status: number },
  ) {
    const options = await formOptions(req.db, p, req.locale);
    if (options.organisations.length === 0) throw Forbidden('socialmap.keep.noOrganisations');
    return reply.page(
      <>
        <h1 class="utrecht-heading-1">{req.t('socialmap.keep.form.newTitle')}</h1>
        <ServiceForm
          ctx={req.viewContext()}
          action={`${keepBase(req)}/nieuw`}
          values={values}
          options={options}
          errors={shown?.errors}
          isNew
        />
      </>,
      { title: req.t('socialmap.keep.form.newTitle'), status: shown?.status ?? 200, breadcrumbs: keepCrumbs(req) },
    );
  }

  route.get('/:tenant/sociale-kaart/beheer/nieuw', { policy }, async (req, reply) => newPage(req, reply, req.principal, valuesOfBody({})));

  route.post(
    '/:tenant/sociale-kaart/beheer/nieuw',
    {
      policy,
      form: serviceForm,
      invalid: (req, reply, errors, values, status) =>
        newPage(req, reply, req.principal, valuesOfBody(values), { errors: keepFieldNames(errors, SERVICE_FIELDS), status }),
    },
    async (req, reply) => {
      const p = req.principal;
      const values = req.body;
      const options = await formOptions(req.db, p, req.locale);
      const org = options.organisations.find((o) => o.id === values.organization_id);
      if (!org) throw Forbidden('socialmap.keep.orgNotYours');
      const termErrors = checkTerms(values, options);
      if (Object.keys(termErrors).length > 0) throw Invalid(termErrors);
      const actor = actorFrom(req, app.clock.now());
      const row = await inTransaction(req.db, async (trx) => {
        const created = await createService(
          trx,
          req.tenant.id,
          { organization_id: org.id, ...serviceFields(values), term_codes: [...values.functions, ...values.groups] },
          actor,
        );
        // A provider who writes an entry has just checked it.
        await markChecked(trx, req.tenant.id, created.id, actor);
        return created;
      });
      return reply.redirect(`${keepBase(req)}/aanbod/${row.id}?melding=toegevoegd`, 303);
    },
  );

  // --- edit one service ---
  const params = { id: serviceIdParam };

  route.get('/:tenant/sociale-kaart/beheer/aanbod/:id', { policy, params, query: noticeQuery }, async (req, reply) => {
    const p = req.principal;
    await serviceToMaintain(req.db, p, req.params.id);
    const page = await renderServicePage(app, req, req.params.id, { notice: noticeKey(req.query.melding) });
    return reply.page(page.node, { title: page.title, breadcrumbs: keepCrumbs(req) });
  });

  route.post(
    '/:tenant/sociale-kaart/beheer/aanbod/:id',
    {
      policy,
      params,
      form: serviceForm,
      invalid: async (req, reply, errors, values, status) => {
        const p = req.principal;
        await serviceToMaintain(req.db, p, req.params.id);
        const page = await renderServicePage(app, req, req.params.id, {
          values: valuesOfBody(values),
          errors: keepFieldNames(errors, SERVICE_FIELDS),
        });
        return reply.page(page.node, { title: page.title, status, breadcrumbs: keepCrumbs(req) });
      },
    },
    async (req, reply) => {
      const p = req.principal;
      const { id } = req.params;
      await serviceToMaintain(req.db, p, id);
      const values = req.body;
      const termErrors = checkTerms(values, await formOptions(req.db, p, req.locale));
      if (Object.keys(termErrors).length > 0) throw Invalid(termErrors);
      await inTransaction(req.db, async (trx) => {
        const detail = await getServiceDetail(trx, req.tenant.id, id);
        // Keep terms of other taxonomies (e.g. imported ones); replace functions and target groups.
        const others = (detail?.terms ?? [])
          .filter((x) => !FUNCTION_CODES.has(x.code ?? '') && !GROUP_CODES.has(x.code ?? ''))
          .map((x) => x.id);
        await updateService(
          trx,
          req.tenant.id,
          id,
          { ...serviceFields(values), term_codes: [...values.functions, ...values.groups], term_ids: others },
          actorFrom(req, app.clock.now()),
        );
      });
      return reply.redirect(`${keepBase(req)}/aanbod/${id}?melding=opgeslagen`, 303);
    },
  );

  route.post('/:tenant/sociale-kaart/beheer/aanbod/:id/klopt', { policy, params, form: checkedForm }, async (req, reply) => {
    const p = req.principal;
    const { id } = req.params;
    await serviceToMaintain(req.db, p, id);
    await markChecked(req.db, req.tenant.id, id, actorFrom(req, app.clock.now()));
    const toList = req.body.terug === 'lijst';
    return reply.redirect(toList ? `${keepBase(req)}?melding=gecontroleerd` : `${keepBase(req)}/aanbod/${id}?melding=gecontroleerd`, 303);
  });
}
