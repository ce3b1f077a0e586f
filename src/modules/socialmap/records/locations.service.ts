/** Locations (buurthuis, Stip, wijkcentrum…) with their address and buurt/wijk, and accessibility terms. */
import type { DbOrTrx, Trx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { Invalid, NotFound } from '../../../platform/errors.ts';
import { locatePoint } from '../../areas/areas.service.ts';
import * as store from '../socialmap.store.ts';
import { locationInput, type LocationInput } from '../socialmap.schemas.ts';
import { audit, changedFields, parseInput, type Actor } from '../actor.ts';
import { authorizeEntry } from './access.ts';
import { resolveTermIds } from '../taxonomy/taxonomy.service.ts';
import { isUuid } from '../../../platform/ids.ts';

export type Location = store.LocationRow;
export type Address = store.AddressRow;

/**
 * The buurt and wijk codes of a point of the tenant; Invalid (socialmap.error.outsideTenant) when
 * the point lies outside the municipality, unless `allowOutside` (then both null).
 */
export async function areaCodesOfPoint(
  db: DbOrTrx,
  tenantId: string,
  lat: number | null,
  lon: number | null,
  allowOutside = false,
): Promise<{ buurt_code: string | null; wijk_code: string | null }> {
  if (lat === null || lon === null) return { buurt_code: null, wijk_code: null };
  const found = await locatePoint(db, tenantId, lon, lat);
  if (!found.district && !found.neighbourhood) {
    if (allowOutside) return { buurt_code: null, wijk_code: null };
    throw Invalid(
      { latitude: 'socialmap.error.outsideTenant', longitude: 'socialmap.error.outsideTenant' },
      'socialmap.error.outsideTenant',
    );
  }
  return { buurt_code: found.neighbourhood?.code ?? null, wijk_code: found.district?.code ?? null };
}

async function checkOrganization(trx: Trx, tenantId: string, organizationId: string | null): Promise<void> {
  if (organizationId && !(await store.findOrganization(trx, tenantId, organizationId))) {
    throw Invalid({ organization_id: 'socialmap.error.organizationNotFound' });
  }
}

/**
 * Create a location; its point must lie inside the tenant (buurt_code/wijk_code are derived from
 * it), the optional `address` is stored with a normalised postcode, `term_ids`/`term_codes` tag
 * it with accessibility terms.
 */
export async function createLocation(db: DbOrTrx, tenantId: string, input: LocationInput, actor: Actor): Promise<Location> {
  const data = parseInput(locationInput, input);
  return inTransaction(db, async (trx) => {
    const { id, address, term_ids, term_codes, ...rest } = data;
    await authorizeEntry(trx, actor, tenantId, 'socialmap.location.edit', { organizationId: rest.organization_id ?? null });
    await checkOrganization(trx, tenantId, rest.organization_id);
    const codes = await areaCodesOfPoint(trx, tenantId, rest.latitude, rest.longitude);
    const termIds = await resolveTermIds(trx, tenantId, term_ids, term_codes);
    const row = await store.insertLocation(trx, {
      ...rest,
      ...codes,
      ...(id ? { id } : {}),
      tenant_id: tenantId,
      created_at: actor.now,
      updated_at: actor.now,
    });
    if (address) await store.replaceAddress(trx, tenantId, row.id, address);
    if (termIds.length) await store.replaceAttributes(trx, tenantId, 'location', row.id, termIds);
    await audit(trx, tenantId, actor, 'create', 'location', row.id);
    return row;
  });
}

/** Update a location; absent fields keep their value; `address` null removes it; terms, when given, replace. */
export async function updateLocation(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  input: Partial<LocationInput>,
  actor: Actor,
): Promise<Location> {
  return inTransaction(db, async (trx) => {
    const current = await getLocationOrThrow(trx, tenantId, id);
    await authorizeEntry(trx, actor, tenantId, 'socialmap.location.edit', { locationId: id, organizationId: input.organization_id });
    const data = parseInput(locationInput, { ...current, ...input, id });
    const { id: _id, address, term_ids, term_codes, ...rest } = data;
    await checkOrganization(trx, tenantId, rest.organization_id);
    const codes = await areaCodesOfPoint(trx, tenantId, rest.latitude, rest.longitude);
    const row = await store.updateLocation(trx, tenantId, id, {
      ...rest,
      ...codes,
      is_demo: rest.is_demo ?? current.is_demo,
      updated_at: actor.now,
    });
    if (!row) throw NotFound('socialmap.error.locationNotFound');
    if (input.address !== undefined) await store.replaceAddress(trx, tenantId, id, address ?? null);
    if (term_ids || term_codes) {
      await store.replaceAttributes(trx, tenantId, 'location', id, await resolveTermIds(trx, tenantId, term_ids, term_codes));
    }
    await audit(trx, tenantId, actor, 'update', 'location', id, { fields: changedFields(input) });
    return row;
  });
}

/** One location of the tenant, or null (also for a malformed id). */
export async function getLocation(db: DbOrTrx, tenantId: string, id: string): Promise<Location | null> {
  if (!isUuid(id)) return null;
  return (await store.findLocation(db, tenantId, id)) ?? null;
}

/** One location of the tenant; NotFound otherwise. */
export async function getLocationOrThrow(db: DbOrTrx, tenantId: string, id: string): Promise<Location> {
  const row = await getLocation(db, tenantId, id);
  if (!row) throw NotFound('socialmap.error.locationNotFound');
  return row;
}

/** Locations of the tenant, optionally inside these buurt/wijk codes or of one organisation, by name. */
export function listLocations(
  db: DbOrTrx,
  tenantId: string,
  opts: { areaCodes?: readonly string[]; organizationId?: string; ids?: readonly string[] } = {},
): Promise<Location[]> {
  return store.listLocations(db, tenantId, opts);
}

/** Addresses of these locations. */
export function listAddresses(db: DbOrTrx, tenantId: string, locationIds: readonly string[]): Promise<Address[]> {
  return store.listAddresses(db, tenantId, locationIds);
}

/**
 * The point of a Dutch postcode (`1234 AB` or `1234`) as known from the tenant's own addresses,
 * or null when no location of the tenant has it.
 */
export function pointOfPostcode(db: DbOrTrx, tenantId: string, postcode: string): Promise<{ lat: number; lon: number } | null> {
  return store.pointOfPostcode(db, tenantId, postcode);
}
