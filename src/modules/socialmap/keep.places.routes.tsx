/**
 * Locations and times of a service under /{tenant}/sociale-kaart/beheer/aanbod/{id}: add or edit a
 * location (coordinates → buurt/wijk, outside the municipality refused), add or remove a time,
 * cancel one date. Every write goes through the social map service functions (audited there).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import { inTransaction } from '../../platform/db/database.ts';
import { Forbidden, NotFound } from '../../platform/errors.ts';
import {
  actorFrom,
  addScheduleException,
  createLocation,
  createSchedule,
  deleteSchedule,
  getServiceDetail,
  updateLocation,
  updateService,
  type ServiceDetail,
} from './socialmap.service.ts';
import { occurrences } from './schedule.ts';
import type { ScheduleInput } from './socialmap.schemas.ts';
import { KEEP_ROLES, maintainerFrom, serviceToMaintain, type Maintainer } from './keep.access.ts';
import { decimal, field, fieldList, formErrors, termOptions } from './keep.forms.ts';
import { keepBase, keepCrumbs, renderServicePage } from './keep.pages.tsx';
import { KeepLocationPage, type LocationFormValues } from './views/keep/location-form.tsx';
import { KeepSchedulePage, MONTH_WEEKS, WEEKDAY_CODES, type ScheduleFormValues } from './views/keep/schedule-form.tsx';
import { ZONE } from '../../platform/time.ts';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

async function detailToMaintain(app: FastifyInstance, m: Maintainer, id: string): Promise<ServiceDetail> {
  await serviceToMaintain(app.db, m, id);
  const detail = await getServiceDetail(app.db, m.tenantId, id);
  if (!detail) throw NotFound('socialmap.error.serviceNotFound');
  return detail;
}

function locationValues(body: unknown): LocationFormValues {
  return {
    name: field(body, 'name', 300),
    address_1: field(body, 'address_1', 300),
    postal_code: field(body, 'postal_code', 30),
    city: field(body, 'city', 150),
    latitude: field(body, 'latitude', 30),
    longitude: field(body, 'longitude', 30),
    accessibility: fieldList(body, 'accessibility'),
  };
}

function scheduleValues(body: unknown): ScheduleFormValues {
  return {
    kind: field(body, 'kind', 20),
    days: fieldList(body, 'days'),
    weeks: fieldList(body, 'weeks'),
    date: field(body, 'date', 20),
    valid_from: field(body, 'valid_from', 20),
    valid_to: field(body, 'valid_to', 20),
    opens_at: field(body, 'opens_at', 20),
    closes_at: field(body, 'closes_at', 20),
    description: field(body, 'description', 1200),
  };
}

/** The schedule input for the social map service, or field errors (i18n keys) of what the form itself checks. */
export function scheduleFromForm(
  serviceId: string,
  v: ScheduleFormValues,
): { ok: true; input: ScheduleInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
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

const translate = (req: FastifyRequest, errors: Record<string, string>) =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, req.t(v)]));

export async function keepPlacesRoutes(app: FastifyInstance): Promise<void> {
  const policy = { roles: KEEP_ROLES };

  // --- locations ---
  async function locationPage(
    req: FastifyRequest,
    detail: ServiceDetail,
    values: LocationFormValues,
    locationId: string | null,
    errors?: Record<string, string>,
  ) {
    const accessibilityOptions = await termOptions(app.db, req.tenant!.id, 'toegankelijkheid');
    const base = `${keepBase(req)}/aanbod/${detail.service.id}/locatie`;
    return (
      <KeepLocationPage
        ctx={req.viewContext()}
        service={{ id: detail.service.id, name: detail.service.name }}
        action={locationId ? `${base}/${locationId}` : base}
        values={values}
        accessibilityOptions={accessibilityOptions}
        errors={errors}
        isNew={locationId === null}
      />
    );
  }

  function locationOf(detail: ServiceDetail, m: Maintainer, locationId: string) {
    const l = detail.locations.find((x) => x.location.id === locationId);
    if (!l) throw NotFound('socialmap.keep.loc.notOfService');
    // A shared place of another organisation is maintained by that organisation (or a coordinator).
    if (m.organisationIds !== null && l.location.organization_id && l.location.organization_id !== detail.service.organization_id) {
      throw Forbidden('socialmap.keep.notYours');
    }
    return l;
  }

  app.get('/:tenant/sociale-kaart/beheer/aanbod/:id/locatie', { config: { policy } }, async (req, reply) => {
    const m = maintainerFrom(req);
    const detail = await detailToMaintain(app, m, (req.params as { id: string }).id);
    return reply.page(await locationPage(req, detail, locationValues({ city: '' }), null), {
      title: req.t('socialmap.keep.addLocation'),
      breadcrumbs: keepCrumbs(req),
    });
  });

  app.get('/:tenant/sociale-kaart/beheer/aanbod/:id/locatie/:locationId', { config: { policy } }, async (req, reply) => {
    const m = maintainerFrom(req);
    const { id, locationId } = req.params as { id: string; locationId: string };
    const detail = await detailToMaintain(app, m, id);
    const l = locationOf(detail, m, locationId);
    const values: LocationFormValues = {
      name: l.location.name ?? '',
      address_1: l.address?.address_1 ?? '',
      postal_code: l.address?.postal_code ?? '',
      city: l.address?.city ?? '',
      latitude: l.location.latitude?.toString() ?? '',
      longitude: l.location.longitude?.toString() ?? '',
      accessibility: l.terms.map((x) => x.code ?? '').filter((c) => c.startsWith('toegankelijkheid.')),
    };
    return reply.page(await locationPage(req, detail, values, locationId), {
      title: req.t('socialmap.keep.editLocation'),
      breadcrumbs: keepCrumbs(req),
    });
  });

  async function saveLocation(req: FastifyRequest, locationId: string | null) {
    const m = maintainerFrom(req);
    const { id } = req.params as { id: string };
    const detail = await detailToMaintain(app, m, id);
    if (locationId) locationOf(detail, m, locationId);
    const v = locationValues(req.body);
    const lat = decimal(v.latitude);
    const lon = decimal(v.longitude);
    const errors: Record<string, string> = {};
    if (Number.isNaN(lat)) errors.latitude = 'socialmap.error.latitude';
    if (Number.isNaN(lon)) errors.longitude = 'socialmap.error.longitude';
    const allowed = new Set((await termOptions(app.db, m.tenantId, 'toegankelijkheid')).map((o) => o.value));
    if (v.accessibility.some((c) => !allowed.has(c))) errors.accessibility = 'socialmap.error.unknownTerm';
    const hasAddress = Boolean(v.address_1 || v.postal_code || v.city);
    const input = {
      name: v.name || null,
      latitude: lat,
      longitude: lon,
      address: hasAddress ? { address_1: v.address_1, postal_code: v.postal_code, city: v.city } : null,
      term_codes: [...v.accessibility],
    };
    try {
      if (Object.keys(errors).length > 0) throw Object.assign(new Error('form'), { formErrors: errors });
      const actor = actorFrom(req, app.clock.now());
      await inTransaction(app.db, async (trx) => {
        if (locationId) {
          await updateLocation(trx, m.tenantId, locationId, input, actor);
        } else {
          const created = await createLocation(trx, m.tenantId, { ...input, organization_id: detail.service.organization_id }, actor);
          await updateService(trx, m.tenantId, id, { location_ids: [...detail.locations.map((l) => l.location.id), created.id] }, actor);
        }
      });
      return { ok: true as const, id };
    } catch (err) {
      const fe = (err as { formErrors?: Record<string, string> }).formErrors;
      const translated = fe ? translate(req, fe) : formErrors(err, req.t, { term_codes: 'accessibility', term_ids: 'accessibility' });
      return { ok: false as const, node: await locationPage(req, detail, v, locationId, translated) };
    }
  }

  app.post('/:tenant/sociale-kaart/beheer/aanbod/:id/locatie', { config: { policy } }, async (req, reply) => {
    const r = await saveLocation(req, null);
    if (r.ok) return reply.redirect(`${keepBase(req)}/aanbod/${r.id}?melding=locatie-opgeslagen`, 303);
    return reply.page(r.node, { title: req.t('socialmap.keep.addLocation'), status: 422, breadcrumbs: keepCrumbs(req) });
  });

  app.post('/:tenant/sociale-kaart/beheer/aanbod/:id/locatie/:locationId', { config: { policy } }, async (req, reply) => {
    const r = await saveLocation(req, (req.params as { locationId: string }).locationId);
    if (r.ok) return reply.redirect(`${keepBase(req)}/aanbod/${r.id}?melding=locatie-opgeslagen`, 303);
    return reply.page(r.node, { title: req.t('socialmap.keep.editLocation'), status: 422, breadcrumbs: keepCrumbs(req) });
  });

  // --- times ---
  const emptySchedule: ScheduleFormValues = {
    kind: 'weekly',
    days: [],
    weeks: [],
    date: '',
    valid_from: '',
    valid_to: '',
    opens_at: '',
    closes_at: '',
    description: '',
  };

  app.get('/:tenant/sociale-kaart/beheer/aanbod/:id/tijden', { config: { policy } }, async (req, reply) => {
    const m = maintainerFrom(req);
    const detail = await detailToMaintain(app, m, (req.params as { id: string }).id);
    return reply.page(<KeepSchedulePage ctx={req.viewContext()} service={detail.service} values={emptySchedule} />, {
      title: req.t('socialmap.keep.sched.addTitle', { name: detail.service.name }),
      breadcrumbs: keepCrumbs(req),
    });
  });

  app.post('/:tenant/sociale-kaart/beheer/aanbod/:id/tijden', { config: { policy } }, async (req, reply) => {
    const m = maintainerFrom(req);
    const detail = await detailToMaintain(app, m, (req.params as { id: string }).id);
    const values = scheduleValues(req.body);
    const parsed = scheduleFromForm(detail.service.id, values);
    let errors: Record<string, string>;
    if (parsed.ok) {
      try {
        await createSchedule(app.db, m.tenantId, parsed.input, actorFrom(req, app.clock.now()));
        return reply.redirect(`${keepBase(req)}/aanbod/${detail.service.id}?melding=tijd-toegevoegd`, 303);
      } catch (err) {
        errors = formErrors(err, req.t, { dtstart: 'date', byday: 'days', until: 'valid_to' });
      }
    } else {
      errors = translate(req, parsed.errors);
    }
    return reply.page(<KeepSchedulePage ctx={req.viewContext()} service={detail.service} values={values} errors={errors} />, {
      title: req.t('socialmap.keep.sched.addTitle', { name: detail.service.name }),
      status: 422,
      breadcrumbs: keepCrumbs(req),
    });
  });

  function scheduleOf(detail: ServiceDetail, scheduleId: string) {
    const all = [...detail.schedules, ...detail.locations.flatMap((l) => l.schedules)];
    const s = all.find((x) => x.id === scheduleId);
    if (!s) throw NotFound('socialmap.keep.sched.notOfService');
    return s;
  }

  app.post('/:tenant/sociale-kaart/beheer/aanbod/:id/tijden/:scheduleId/verwijderen', { config: { policy } }, async (req, reply) => {
    const m = maintainerFrom(req);
    const { id, scheduleId } = req.params as { id: string; scheduleId: string };
    const detail = await detailToMaintain(app, m, id);
    scheduleOf(detail, scheduleId);
    await deleteSchedule(app.db, m.tenantId, scheduleId, actorFrom(req, app.clock.now()));
    return reply.redirect(`${keepBase(req)}/aanbod/${id}?melding=tijd-verwijderd`, 303);
  });

  app.post('/:tenant/sociale-kaart/beheer/aanbod/:id/tijden/:scheduleId/afgelast', { config: { policy } }, async (req, reply) => {
    const m = maintainerFrom(req);
    const { id, scheduleId } = req.params as { id: string; scheduleId: string };
    const detail = await detailToMaintain(app, m, id);
    const schedule = scheduleOf(detail, scheduleId);
    const index = field(req.body, 'index', 4);
    const date = field(req.body, `date-${index}`, 20) || field(req.body, 'date', 20);
    const note = field(req.body, `note-${index}`, 600) || field(req.body, 'note', 600);
    const errors: Record<string, string> = {};
    if (!DATE_RE.test(date) || !DateTime.fromISO(date).isValid) errors.date = req.t('socialmap.keep.sched.err.date');
    else {
      const day = DateTime.fromISO(date, { zone: ZONE });
      const rule = { ...schedule, cancelled: [] };
      if (occurrences(rule, day.toJSDate(), day.plus({ days: 1 }).toJSDate()).filter((o) => o.date === date).length === 0) {
        errors.date = req.t('socialmap.keep.sched.err.noOccurrence');
      }
    }
    if (note.length > 500) errors.note = req.t('socialmap.error.tooLong');
    if (Object.keys(errors).length === 0) {
      try {
        await addScheduleException(
          app.db,
          m.tenantId,
          { schedule_id: scheduleId, date, note: note || null },
          actorFrom(req, app.clock.now()),
        );
        return reply.redirect(`${keepBase(req)}/aanbod/${id}?melding=afgelast`, 303);
      } catch (err) {
        Object.assign(errors, formErrors(err, req.t));
      }
    }
    const page = await renderServicePage(app, req, m, id, { cancelErrors: { scheduleId, errors } });
    return reply.page(page.node, { title: page.title, status: 422, breadcrumbs: keepCrumbs(req) });
  });
}
