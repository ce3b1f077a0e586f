/** Shared pieces of the maintenance pages: breadcrumbs, the service form's options and values, the page of one service. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { NotFound, type FieldErrors } from '../../../platform/errors.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { getServiceDetail, type ServiceDetail } from '../records/detail.service.ts';
import { getArea } from '../../areas/areas.service.ts';
import { DOELGROEP, FUNCTIE } from '../taxonomy/taxonomy.ts';
import type { Principal } from '../../../platform/principal.ts';
import { reachedOrganisations, tenantOf } from '../policies.ts';
import * as store from './keep.store.ts';
import { openSuggestions } from './keep.service.ts';
import { serviceForm, termOptions } from './keep.forms.ts';
import type { ServiceFormOptions, ServiceFormValues } from './views/service-form.tsx';
import { KeepServicePage } from './views/service-page.tsx';
import { keepServicePage } from './keep.presenter.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';

export const FUNCTION_CODES = new Set<string>(Object.values(FUNCTIE));
export const GROUP_CODES = new Set<string>(Object.values(DOELGROEP));

/** A request of a page under `/:tenant/` (the route edge guarantees the tenant). */
export type TenantRequest = FastifyRequest & { tenant: RequestTenant };

export const keepBase = (req: { tenant: RequestTenant }) => `/${req.tenant.slug}/sociale-kaart/beheer`;

export function keepCrumbs(req: TenantRequest, extra: { href: string; label: string }[] = []) {
  return [
    { href: `/${req.tenant.slug}/sociale-kaart`, label: req.t('socialmap.find.nav') },
    { href: keepBase(req), label: req.t('socialmap.keep.nav') },
    ...extra,
  ];
}

/** The options of the service form: organisations the principal may add entries for, functions and target groups. */
export async function formOptions(db: DbOrTrx, principal: Principal, locale: 'nl' | 'en' = 'nl'): Promise<ServiceFormOptions> {
  const tenantId = tenantOf(principal);
  const [organisations, functions, groups] = await Promise.all([
    store.listKeepOrganizations(db, tenantId, reachedOrganisations(principal, 'socialmap.service.create')),
    termOptions(db, tenantId, 'functie', locale),
    termOptions(db, tenantId, 'doelgroep', locale),
  ]);
  return { organisations, functions, groups };
}

/** The form's values from what was submitted (the form schema never fails: it only reads). */
export const valuesOfBody = (body: Record<string, string | string[]>): ServiceFormValues => serviceForm.parse(body);

export function valuesOfDetail(d: ServiceDetail): ServiceFormValues {
  const codes = d.terms.map((x) => x.code ?? '');
  return {
    organization_id: d.service.organization_id,
    name: d.service.name,
    description: d.service.description ?? '',
    status: d.service.status,
    email: d.service.email ?? '',
    url: d.service.url ?? '',
    functions: codes.filter((c) => FUNCTION_CODES.has(c)),
    groups: codes.filter((c) => GROUP_CODES.has(c)),
  };
}

/** The form's terms must be terms of the tenant's function and target-group taxonomies. */
export function checkTerms(v: ServiceFormValues, o: ServiceFormOptions): FieldErrors {
  const errors: FieldErrors = {};
  if (v.functions.some((c) => !o.functions.some((x) => x.value === c))) errors.functions = 'socialmap.error.unknownTerm';
  if (v.groups.some((c) => !o.groups.some((x) => x.value === c))) errors.groups = 'socialmap.error.unknownTerm';
  return errors;
}

export const serviceFields = (v: ServiceFormValues) => ({
  name: v.name,
  description: v.description || null,
  status: v.status as 'active',
  email: v.email || null,
  url: v.url || null,
});

export interface ServicePageExtra {
  values?: ServiceFormValues;
  errors?: Record<string, string>;
  cancelErrors?: { scheduleId: string; errors: Record<string, string> };
  /** The notice after a redirect (`?melding=`), as an i18n key. */
  notice?: MessageKey | null;
}

/** The names of the buurten and wijken of a service's locations (a handful), by code. */
async function namesOfAreas(db: DbOrTrx, tenantId: string, codes: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes.filter((c): c is string => !!c))];
  const areas = await Promise.all(unique.map((code) => getArea(db, tenantId, code)));
  return new Map(areas.flatMap((a) => (a ? [[a.code, a.name] as const] : [])));
}

/** The maintenance page of one service (NotFound when it is gone), with its title; the caller checked the principal may maintain it. */
export async function renderServicePage(app: FastifyInstance, req: TenantRequest, serviceId: string, extra: ServicePageExtra = {}) {
  const detail = await getServiceDetail(req.db, req.tenant.id, serviceId);
  if (!detail) throw NotFound('socialmap.error.serviceNotFound');
  const [options, suggestions, areaNames] = await Promise.all([
    formOptions(req.db, req.principal, req.locale),
    openSuggestions(req.db, req.principal, serviceId),
    namesOfAreas(
      req.db,
      req.tenant.id,
      detail.locations.flatMap((l) => [l.location.buurt_code, l.location.wijk_code]),
    ),
  ]);
  return {
    node: (
      <KeepServicePage
        ctx={req.viewContext()}
        page={keepServicePage(detail, req.locale, areaNames)}
        values={extra.values ?? valuesOfDetail(detail)}
        options={options}
        suggestions={suggestions}
        now={app.clock.now()}
        notice={extra.notice ?? null}
        errors={extra.errors}
        cancelErrors={extra.cancelErrors}
      />
    ),
    title: req.t('socialmap.keep.form.editTitle', { name: detail.service.name }),
  };
}
