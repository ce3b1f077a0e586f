/** Test fixtures for the resident side: services with a location, address, terms and schedules, inserted directly. */
import { refreshServiceOccurrences } from '../occurrences/occurrences.service.ts';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { ensureDefaultTaxonomies } from '../taxonomy/taxonomy.service.ts';
import { systemActor } from '../actor.ts';

export interface FixtureSchedule {
  freq?: 'WEEKLY' | 'MONTHLY' | null;
  byday?: string | null;
  bymonthday?: string | null;
  interval?: number | null;
  dtstart?: string | null;
  valid_from?: string | null;
  valid_to?: string | null;
  opens_at?: string | null;
  closes_at?: string | null;
  description?: string | null;
  cancelled?: string[];
}

export interface FixtureService {
  name: string;
  description?: string;
  organisation?: string;
  status?: 'active' | 'inactive';
  terms?: string[];
  location?: {
    name: string;
    lat: number;
    lon: number;
    address_1: string;
    postal_code: string;
    city: string;
    buurt_code?: string | null;
    wijk_code?: string | null;
    accessibility?: string[];
    phone?: string;
  };
  phone?: string;
  schedules?: FixtureSchedule[];
  lastCheckedAt?: string;
}

/** Insert one service (with an organisation, location, address, terms, phones and schedules); returns its ids. */
export async function addService(
  db: DbOrTrx,
  tenantId: string,
  f: FixtureService,
): Promise<{ serviceId: string; locationId: string | null }> {
  const terms = await ensureDefaultTaxonomies(db, systemActor(new Date('2026-11-23T10:00:00Z'), tenantId), tenantId);
  const org = await db
    .insertInto('socialmap_organizations')
    .values({ tenant_id: tenantId, name: f.organisation ?? `Organisatie van ${f.name}`, description: '' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const svc = await db
    .insertInto('socialmap_services')
    .values({
      tenant_id: tenantId,
      organization_id: org.id,
      name: f.name,
      description: f.description ?? null,
      status: f.status ?? 'active',
      last_checked_at: f.lastCheckedAt ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const attach = async (linkId: string, entity: string, code: string) => {
    const termId = terms.get(code);
    if (!termId) throw new Error(`unknown term ${code}`);
    await db
      .insertInto('socialmap_attributes')
      .values({ tenant_id: tenantId, link_id: linkId, link_entity: entity, taxonomy_term_id: termId })
      .execute();
  };
  for (const code of f.terms ?? []) await attach(svc.id, 'service', code);
  if (f.phone) await db.insertInto('socialmap_phones').values({ tenant_id: tenantId, service_id: svc.id, number: f.phone }).execute();
  let locationId: string | null = null;
  if (f.location) {
    const l = f.location;
    const loc = await db
      .insertInto('socialmap_locations')
      .values({
        tenant_id: tenantId,
        organization_id: org.id,
        name: l.name,
        latitude: l.lat,
        longitude: l.lon,
        buurt_code: l.buurt_code ?? null,
        wijk_code: l.wijk_code ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    locationId = loc.id;
    await db
      .insertInto('socialmap_addresses')
      .values({ tenant_id: tenantId, location_id: loc.id, address_1: l.address_1, postal_code: l.postal_code, city: l.city })
      .execute();
    await db
      .insertInto('socialmap_service_at_locations')
      .values({ tenant_id: tenantId, service_id: svc.id, location_id: loc.id })
      .execute();
    for (const code of l.accessibility ?? []) await attach(loc.id, 'location', code);
    if (l.phone) await db.insertInto('socialmap_phones').values({ tenant_id: tenantId, location_id: loc.id, number: l.phone }).execute();
  }
  for (const s of f.schedules ?? []) {
    const { cancelled, ...fields } = s;
    const row = await db
      .insertInto('socialmap_schedules')
      .values({ tenant_id: tenantId, service_id: svc.id, ...fields })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const date of cancelled ?? []) {
      await db.insertInto('socialmap_schedule_exceptions').values({ tenant_id: tenantId, schedule_id: row.id, date }).execute();
    }
  }
  // As the app's own writes do: the precomputed occurrences follow at once.
  await refreshServiceOccurrences(db, tenantId, [svc.id]);
  return { serviceId: svc.id, locationId };
}
