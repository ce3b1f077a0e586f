/**
 * Locations and times of a service under /{tenant}/sociale-kaart/beheer/aanbod/{id}: add or edit a
 * location (coordinates → buurt/wijk, outside the municipality refused), add or remove a time,
 * cancel one date. Every write goes through the social map service functions (audited there).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { Forbidden, Invalid, NotFound, type FieldErrors } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http/route.ts';
import { actorFrom } from '../actor.ts';
import { addScheduleException, createSchedule, deleteSchedule } from '../records/schedules.service.ts';
import { createLocation, updateLocation } from '../records/locations.service.ts';
import { getServiceDetail, type ServiceDetail } from '../records/detail.service.ts';
import { updateService } from '../records/services.service.ts';
import { occurrences } from '../schedule.ts';
import { DATE_RE, EXCEPTION_NOTE_MAX, type ScheduleInput } from '../socialmap.schemas.ts';
import { KEEP_ROLES, serviceToMaintain } from './keep.access.ts';
import { cancelForm, decimal, keepFieldNames, locationForm, scheduleForm, serviceIdParam, termOptions, uuidParam } from './keep.forms.ts';
import { keepBase, keepCrumbs, renderServicePage, type TenantRequest } from './keep.pages.tsx';
import { KeepLocationPage, type LocationFormValues } from './views/location-form.tsx';
import { KeepSchedulePage, MONTH_WEEKS, WEEKDAY_CODES, type ScheduleFormValues } from './views/schedule-form.tsx';
import { ZONE } from '../../../platform/time.ts';
import type { Principal } from '../../../platform/principal.ts';
import { can, tenantOf } from '../policies.ts';

/** A service the principal maintains, with the people organisation linked to it. */
type MaintainedDetail = ServiceDetail & { peopleOrganisationId: string | null };

async function detailToMaintain(db: DbOrTrx, p: Principal, id: string): Promise<MaintainedDetail> {
  const owner = await serviceToMaintain(db, p, id);
  const detail = await getServiceDetail(db, tenantOf(p), id);
  if (!detail) throw NotFound('socialmap.error.serviceNotFound');
  return { ...detail, peopleOrganisationId: owner.people_organisation_id };
}

/** The schedule input for the social map service, or field errors (i18n keys) of what the form itself checks. */
export function scheduleFromForm(
  serviceId: string,
  v: ScheduleFormValues,
): { ok: true; input: ScheduleInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!['weekly', 'monthly', 'once'].includes(v.kind)) errors.kind = 'socialmap.keep.sched.err.kind';
  const days = v.days.filter((d) => (WEEKDAY_CODES as readonly string[]).includes(d));
  const weeks = v.weeks.filter((w) => (MONTH_WEEKS as readonly string[]).includes(w));
  if ((v.kind === 'weekly' || v.kind === 'monthly') && (days.length === 0 || days.length !== v.days.length)) {
    errors.days = 'socialmap.keep.sched.err.days';
  }
  if (v.kind === 'monthly' && (weeks.length === 0 || weeks.length !== v.weeks.length)) errors.weeks = 'socialmap.keep.sched.err.weeks';
  if (v.kind === 'once' && !DATE_RE.test(v.date)) errors.date = 'socialmap.keep.sched.err.date';
  if (!v.opens_at) errors.opens_at = 'socialmap.keep.sched.err.opens';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const byday =
    v.kind === 'weekly' ? days.join(',') : v.kind === 'monthly' ? weeks.flatMap((w) => days.map((d) => `${w}${d}`)).join(',') : null;
  return {
    ok: true,
    input: {
      service_id: serviceId,
      freq: v.kind === 'weekly' ? 'WEEKLY' : v.kind === 'monthly' ? 'MONTHLY' : null,
      byday,
      dtstart: v.kind === 'once' ? v.date : null,
      valid_from: v.kind === 'once' ? v.date : v.valid_from || null,
      valid_to: v.kind === 'once' ? v.date : v.valid_to || null,
      opens_at: v.opens_at,
      closes_at: v.closes_at || null,
      description: v.description || null,
    },
  };
}

/** Service errors on the location form's fields. */
const LOCATION_FIELDS = { term_codes: 'accessibility', term_ids: 'accessibility' };
/** Service errors on the schedule form's fields. */
const SCHEDULE_FIELDS = { dtstart: 'date', byday: 'days', until: 'valid_to' };
const serviceParams = { id: serviceIdParam };
const locationParams = { id: serviceIdParam, locationId: uuidParam };
const scheduleParams = { id: serviceIdParam, scheduleId: uuidParam };

export async function keepPlacesRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const policy = { roles: KEEP_ROLES };

  // --- locations ---
  async function locationPage(
    req: TenantRequest,
    reply: FastifyReply,
    detail: ServiceDetail,
    values: LocationFormValues,
    locationId: string | null,
    shown?: { errors: Record<string, string>; status: number },
  ) {
    const accessibilityOptions = await termOptions(req.db, req.tenant.id, 'toegankelijkheid', req.locale);
    const base = `${keepBase(req)}/aanbod/${detail.service.id}/locatie`;
    return reply.page(
      <KeepLocationPage
        ctx={req.viewContext()}
        service={{ id: detail.service.id, name: detail.service.name }}
        action={locationId ? `${base}/${locationId}` : base}
        values={values}
        accessibilityOptions={accessibilityOptions}
        errors={shown?.errors}
        isNew={locationId === null}
      />,
      {
        title: req.t(locationId ? 'socialmap.keep.editLocation' : 'socialmap.keep.addLocation'),
        status: shown?.status ?? 200,
        breadcrumbs: keepCrumbs(req),
      },
    );
  }

  function locationOf(detail: MaintainedDetail, p: Principal, locationId: string) {
    const l = detail.locations.find((x) => x.location.id === locationId);
    if (!l) throw NotFound('socialmap.keep.loc.notOfService');
    // A shared place of another organisation is maintained by that organisation (or a coordinator).
    const facts = {
      tenantId: tenantOf(p),
      organisationIds: [detail.peopleOrganisationId],
      sharedWithOtherOrganisation: Boolean(l.location.organization_id && l.location.organization_id !== detail.service.organization_id),
    };
    if (!can(p, 'socialmap.location.edit', facts)) throw Forbidden('socialmap.keep.notYours');
    return l;
  }

  route.get('/:tenant/sociale-kaart/beheer/aanbod/:id/locatie', { policy, params: serviceParams }, async (req, reply) => {
    const detail = await detailToMaintain(req.db, req.principal, req.params.id);
    return locationPage(req, reply, detail, locationForm.parse({}), null);
  });

  route.get('/:tenant/sociale-kaart/beheer/aanbod/:id/locatie/:locationId', { policy, params: locationParams }, async (req, reply) => {
    const p = req.principal;
    const { id, locationId } = req.params;
    const detail = await detailToMaintain(req.db, p, id);
    const l = locationOf(detail, p, locationId);
    const values: LocationFormValues = {
      name: l.location.name ?? '',
      address_1: l.address?.address_1 ?? '',
      postal_code: l.address?.postal_code ?? '',
      city: l.address?.city ?? '',
      latitude: l.location.latitude?.toString() ?? '',
      longitude: l.location.longitude?.toString() ?? '',
      accessibility: l.terms.map((x) => x.code ?? '').filter((c) => c.startsWith('toegankelijkheid.')),
    };
    return locationPage(req, reply, detail, values, locationId);
  });

  /** Save a new location (locationId null) or a location of the service; field errors are thrown (Invalid) for the form. */
  async function saveLocation(req: TenantRequest, id: string, locationId: string | null, v: LocationFormValues): Promise<void> {
    const p = req.principal;
    const detail = await detailToMaintain(req.db, p, id);
    if (locationId) locationOf(detail, p, locationId);
    const lat = decimal(v.latitude);
    const lon = decimal(v.longitude);
    const errors: FieldErrors = {};
    if (Number.isNaN(lat)) errors.latitude = 'socialmap.error.latitude';
    if (Number.isNaN(lon)) errors.longitude = 'socialmap.error.longitude';
    const allowed = new Set((await termOptions(req.db, req.tenant.id, 'toegankelijkheid')).map((o) => o.value));
    if (v.accessibility.some((c) => !allowed.has(c))) errors.accessibility = 'socialmap.error.unknownTerm';
    if (Object.keys(errors).length > 0) throw Invalid(errors);
    const hasAddress = Boolean(v.address_1 || v.postal_code || v.city);
    const input = {
      name: v.name || null,
      latitude: lat,
      longitude: lon,
      address: hasAddress ? { address_1: v.address_1, postal_code: v.postal_code, city: v.city } : null,
      term_codes: [...v.accessibility],
    };
    const actor = actorFrom(req, app.clock.now());
    await inTransaction(req.db, async (trx) => {
      if (locationId) {
        await updateLocation(trx, req.tenant.id, locationId, input, actor);
      } else {
        const created = await createLocation(trx, req.tenant.id, { ...input, organization_id: detail.service.organization_id }, actor);
        await updateService(trx, req.tenant.id, id, { location_ids: [...detail.locations.map((l) => l.location.id), created.id] }, actor);
      }
    });
  }

  /** The location form again with the messages (access checked again: the form may come from anyone with the role). */
  async function locationAgain(
    req: TenantRequest,
    reply: FastifyReply,
    id: string,
    locationId: string | null,
    shown: { errors: Record<string, string>; values: Record<string, string | string[]>; status: number },
  ) {
    const p = req.principal;
    const detail = await detailToMaintain(req.db, p, id);
    if (locationId) locationOf(detail, p, locationId);
    const errors = keepFieldNames(shown.errors, LOCATION_FIELDS);
    return locationPage(req, reply, detail, locationForm.parse(shown.values), locationId, { errors, status: shown.status });
  }

  route.post(
    '/:tenant/sociale-kaart/beheer/aanbod/:id/locatie',
    {
      policy,
      params: serviceParams,
      form: locationForm,
      invalid: (req, reply, errors, values, status) => locationAgain(req, reply, req.params.id, null, { errors, values, status }),
    },
    async (req, reply) => {
      await saveLocation(req, req.params.id, null, req.body);
      return reply.redirect(`${keepBase(req)}/aanbod/${req.params.id}?melding=locatie-opgeslagen`, 303);
    },
  );

  route.post(
    '/:tenant/sociale-kaart/beheer/aanbod/:id/locatie/:locationId',
    {
      policy,
      params: locationParams,
      form: locationForm,
      invalid: (req, reply, errors, values, status) =>
        locationAgain(req, reply, req.params.id, req.params.locationId, { errors, values, status }),
    },
    async (req, reply) => {
      await saveLocation(req, req.params.id, req.params.locationId, req.body);
      return reply.redirect(`${keepBase(req)}/aanbod/${req.params.id}?melding=locatie-opgeslagen`, 303);
    },
  );

  // --- times ---
  const schedulePage = (
    req: TenantRequest,
    reply: FastifyReply,
    detail: ServiceDetail,
    values: ScheduleFormValues,
    shown?: { errors: Record<string, string>; status: number },
  ) =>
    reply.page(<KeepSchedulePage ctx={req.viewContext()} service={detail.service} values={values} errors={shown?.errors} />, {
      title: req.t('socialmap.keep.sched.addTitle', { name: detail.service.name }),
      status: shown?.status ?? 200,
      breadcrumbs: keepCrumbs(req),
    });

  route.get('/:tenant/sociale-kaart/beheer/aanbod/:id/tijden', { policy, params: serviceParams }, async (req, reply) => {
    const detail = await detailToMaintain(req.db, req.principal, req.params.id);
    return schedulePage(req, reply, detail, { ...scheduleForm.parse({}), kind: 'weekly' });
  });

  route.post(
    '/:tenant/sociale-kaart/beheer/aanbod/:id/tijden',
    {
      policy,
      params: serviceParams,
      form: scheduleForm,
      invalid: async (req, reply, errors, values, status) => {
        const detail = await detailToMaintain(req.db, req.principal, req.params.id);
        return schedulePage(req, reply, detail, scheduleForm.parse(values), { errors: keepFieldNames(errors, SCHEDULE_FIELDS), status });
      },
    },
    async (req, reply) => {
      const p = req.principal;
      const detail = await detailToMaintain(req.db, p, req.params.id);
      const parsed = scheduleFromForm(detail.service.id, req.body);
      if (!parsed.ok) throw Invalid(parsed.errors);
      await createSchedule(req.db, req.tenant.id, parsed.input, actorFrom(req, app.clock.now()));
      return reply.redirect(`${keepBase(req)}/aanbod/${detail.service.id}?melding=tijd-toegevoegd`, 303);
    },
  );

  function scheduleOf(detail: ServiceDetail, scheduleId: string) {
    const all = [...detail.schedules, ...detail.locations.flatMap((l) => l.schedules)];
    const s = all.find((x) => x.id === scheduleId);
    if (!s) throw NotFound('socialmap.keep.sched.notOfService');
    return s;
  }

  route.post(
    '/:tenant/sociale-kaart/beheer/aanbod/:id/tijden/:scheduleId/verwijderen',
    { policy, params: scheduleParams, form: z.object({}) },
    async (req, reply) => {
      const p = req.principal;
      const { id, scheduleId } = req.params;
      const detail = await detailToMaintain(req.db, p, id);
      scheduleOf(detail, scheduleId);
      await deleteSchedule(req.db, req.tenant.id, scheduleId, actorFrom(req, app.clock.now()));
      return reply.redirect(`${keepBase(req)}/aanbod/${id}?melding=tijd-verwijderd`, 303);
    },
  );

  route.post(
    '/:tenant/sociale-kaart/beheer/aanbod/:id/tijden/:scheduleId/afgelast',
    {
      policy,
      params: scheduleParams,
      form: cancelForm,
      // The messages go beside the dates of this time on the service page.
      invalid: async (req, reply, errors, _values, status) => {
        const p = req.principal;
        const { id, scheduleId } = req.params;
        scheduleOf(await detailToMaintain(req.db, p, id), scheduleId);
        const page = await renderServicePage(app, req, id, { cancelErrors: { scheduleId, errors } });
        return reply.page(page.node, { title: page.title, status, breadcrumbs: keepCrumbs(req) });
      },
    },
    async (req, reply) => {
      const p = req.principal;
      const { id, scheduleId } = req.params;
      const detail = await detailToMaintain(req.db, p, id);
      const schedule = scheduleOf(detail, scheduleId);
      const { date, note } = req.body;
      const errors: FieldErrors = {};
      if (!DATE_RE.test(date) || !DateTime.fromISO(date).isValid) errors.date = 'socialmap.keep.sched.err.date';
      else {
        const day = DateTime.fromISO(date, { zone: ZONE });
        const rule = { ...schedule, cancelled: [] };
        if (occurrences(rule, day.toJSDate(), day.plus({ days: 1 }).toJSDate()).filter((o) => o.date === date).length === 0) {
          errors.date = 'socialmap.keep.sched.err.noOccurrence';
        }
      }
      if (note.length > EXCEPTION_NOTE_MAX) errors.note = 'socialmap.error.tooLong';
      if (Object.keys(errors).length > 0) throw Invalid(errors);
      await addScheduleException(
        req.db,
        req.tenant.id,
        { schedule_id: scheduleId, date, note: note || null },
        actorFrom(req, app.clock.now()),
      );
      return reply.redirect(`${keepBase(req)}/aanbod/${id}?melding=afgelast`, 303);
    },
  );
}
