/** Services (activities, facilities, help) of the social map: create, update, read, mark checked. */
import type { DbOrTrx, Trx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { Invalid, NotFound } from '../../../platform/errors.ts';
import * as store from '../socialmap.store.ts';
import { serviceInput, type ServiceInput } from '../socialmap.schemas.ts';
import { audit, changedFields, parseInput, type Actor } from '../actor.ts';
import { authorizeEntry } from './access.ts';
import { resolveTermIds } from '../taxonomy/taxonomy.service.ts';
import { isUuid } from '../../../platform/ids.ts';
import { refreshServiceOccurrences } from '../occurrences/occurrences.service.ts';

export type Service = store.ServiceRow;

async function checkLinks(trx: Trx, tenantId: string, organizationId: string, locationIds: readonly string[] | undefined): Promise<void> {
  if (!(await store.findOrganization(trx, tenantId, organizationId))) {
    throw Invalid({ organization_id: 'socialmap.error.organizationNotFound' });
  }
  if (locationIds && locationIds.length > 0) {
    const found = await store.listLocations(trx, tenantId, { ids: [...new Set(locationIds)] });
    if (found.length !== new Set(locationIds).size) throw Invalid({ location_ids: 'socialmap.error.locationNotFound' });
  }
}

/**
 * Create a service of an organisation, with its locations (`location_ids`) and taxonomy terms
 * (`term_ids` / `term_codes`); unknown organisations, locations or terms are refused (Invalid).
 */
export async function createService(db: DbOrTrx, tenantId: string, input: ServiceInput, actor: Actor): Promise<Service> {
  const data = parseInput(serviceInput, input);
  return inTransaction(db, async (trx) => {
    const { id, location_ids, term_ids, term_codes, ...rest } = data;
    await authorizeEntry(trx, actor, tenantId, 'socialmap.service.create', { organizationId: rest.organization_id });
    await checkLinks(trx, tenantId, rest.organization_id, location_ids);
    const termIds = await resolveTermIds(trx, tenantId, term_ids, term_codes);
    const row = await store.insertService(trx, {
      ...rest,
      ...(id ? { id } : {}),
      tenant_id: tenantId,
      created_at: actor.now,
      updated_at: actor.now,
    });
    if (location_ids) await store.syncServiceLocations(trx, tenantId, row.id, location_ids);
    // A new service's dates: its own schedules come later, its places' opening hours count now.
    await refreshServiceOccurrences(trx, tenantId, [row.id]);
    if (termIds.length) await store.replaceAttributes(trx, tenantId, 'service', row.id, termIds);
    await audit(trx, tenantId, actor, 'create', 'service', row.id);
    return row;
  });
}

/**
 * Update a service; fields absent from the input keep their value; `location_ids` and
 * `term_ids`/`term_codes`, when given, replace the current ones.
 */
export async function updateService(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  input: Partial<ServiceInput>,
  actor: Actor,
): Promise<Service> {
  return inTransaction(db, async (trx) => {
    const current = await getServiceOrThrow(trx, tenantId, id);
    // The service as it is, and the organisation it is moved to (when it is).
    await authorizeEntry(trx, actor, tenantId, 'socialmap.service.edit', { serviceId: id, organizationId: input.organization_id });
    const { location_ids: _l, term_ids: _t, term_codes: _c, ...plain } = input;
    const data = parseInput(serviceInput, {
      ...current,
      ...plain,
      id,
      location_ids: input.location_ids,
      term_ids: input.term_ids,
      term_codes: input.term_codes,
    });
    const { id: _id, location_ids, term_ids, term_codes, ...rest } = data;
    await checkLinks(trx, tenantId, rest.organization_id, location_ids);
    const row = await store.updateService(trx, tenantId, id, { ...rest, is_demo: rest.is_demo ?? current.is_demo, updated_at: actor.now });
    if (!row) throw NotFound('socialmap.error.serviceNotFound');
    if (location_ids) {
      await store.syncServiceLocations(trx, tenantId, id, location_ids);
      // Other places may mean other opening hours (for a service without its own schedules).
      await refreshServiceOccurrences(trx, tenantId, [id]);
    }
    if (term_ids || term_codes) {
      const termIds = await resolveTermIds(trx, tenantId, term_ids, term_codes);
      await store.replaceAttributes(trx, tenantId, 'service', id, termIds);
    }
    await audit(trx, tenantId, actor, 'update', 'service', id, { fields: changedFields(input) });
    return row;
  });
}

/** One service of the tenant (any status), or null (also for a malformed id). */
export async function getService(db: DbOrTrx, tenantId: string, id: string): Promise<Service | null> {
  if (!isUuid(id)) return null;
  return (await store.findService(db, tenantId, id)) ?? null;
}

/** One service of the tenant; NotFound otherwise. */
export async function getServiceOrThrow(db: DbOrTrx, tenantId: string, id: string): Promise<Service> {
  const row = await getService(db, tenantId, id);
  if (!row) throw NotFound('socialmap.error.serviceNotFound');
  return row;
}

/** The tenant's services by name; `onlyActive` for what the public sees. */
export function listServices(
  db: DbOrTrx,
  tenantId: string,
  opts: { onlyActive?: boolean; ids?: readonly string[] } = {},
): Promise<Service[]> {
  return store.listServices(db, tenantId, opts);
}

/** The services of one organisation entry (any status), by name. */
export function listServicesForOrganisation(db: DbOrTrx, tenantId: string, organizationId: string): Promise<Service[]> {
  if (!isUuid(organizationId)) return Promise.resolve([]);
  return store.listServices(db, tenantId, { organizationId });
}

/** Record that the provider confirmed the service is still correct (last_checked_at = actor.now). */
export async function markChecked(db: DbOrTrx, tenantId: string, id: string, actor: Actor): Promise<Service> {
  return inTransaction(db, async (trx) => {
    await getServiceOrThrow(trx, tenantId, id);
    await authorizeEntry(trx, actor, tenantId, 'socialmap.service.edit', { serviceId: id });
    const row = await store.updateService(trx, tenantId, id, { last_checked_at: actor.now });
    if (!row) throw NotFound('socialmap.error.serviceNotFound');
    await audit(trx, tenantId, actor, 'check', 'service', id);
    return row;
  });
}

/** Delete a service with its schedules, locations links and terms. */
export async function deleteService(db: DbOrTrx, tenantId: string, id: string, actor: Actor): Promise<void> {
  await inTransaction(db, async (trx) => {
    await authorizeEntry(trx, actor, tenantId, 'socialmap.service.edit', { serviceId: id });
    await store.deleteAttributesOf(trx, tenantId, id);
    if (!(await store.deleteService(trx, tenantId, id))) throw NotFound('socialmap.error.serviceNotFound');
    await audit(trx, tenantId, actor, 'delete', 'service', id);
  });
}
