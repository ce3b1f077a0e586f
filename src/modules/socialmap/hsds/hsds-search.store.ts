/** The filtered, paged service query behind the HSDS `/services` and `/service_at_locations` endpoints. */
import { sql, type SqlBool, type Expression } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { METRES_PER_DEGREE as M_PER_DEG } from '../../../platform/geo.ts';
import { SERVICE_COLUMNS, type ServiceRow } from '../socialmap.store.ts';

export interface ServiceFilter {
  /** Full-text search (Dutch stemming) on name, alternate name and description. */
  text?: string;
  taxonomyTermId?: string;
  taxonomyId?: string;
  organizationId?: string;
  modifiedAfter?: Date;
  /** Order by distance from this point; only services with a location within maxMeters. */
  near?: { lat: number; lon: number; maxMeters: number };
  /** Only status 'active' (what the public API shows). */
  onlyActive: boolean;
}

/** Distance in metres from a point to a location row alias `l` (equirectangular; fine at city scale). */
function distanceSql(lat: number, lon: number) {
  const k = Math.cos((lat * Math.PI) / 180);
  return sql<number>`${M_PER_DEG} * sqrt(power((l.longitude - ${lon}) * ${k}, 2) + power(l.latitude - ${lat}, 2))`;
}

/** The SQL conditions on services `s` for a filter, and the distance expression (null without a point). */
function serviceConditions(
  tenantId: string,
  f: ServiceFilter,
): { conditions: Expression<SqlBool>[]; distance: ReturnType<typeof sql<number | null>>; from: ReturnType<typeof sql> } {
  const conditions: Expression<SqlBool>[] = [sql<SqlBool>`s.tenant_id = ${tenantId}`];
  if (f.onlyActive) conditions.push(sql<SqlBool>`s.status = 'active'`);
  if (f.organizationId) conditions.push(sql<SqlBool>`s.organization_id = ${f.organizationId}`);
  if (f.modifiedAfter) conditions.push(sql<SqlBool>`s.updated_at >= ${f.modifiedAfter}`);
  if (f.text) conditions.push(sql<SqlBool>`s.search_vector @@ websearch_to_tsquery('dutch', ${f.text})`);
  // Terms tag the service itself or one of its locations (accessibility): both through the term index.
  const tagged = (terms: ReturnType<typeof sql<SqlBool>>) => sql<SqlBool>`s.id in (
      select a.link_id from socialmap_attributes a where a.tenant_id = ${tenantId} and a.link_entity = 'service' and ${terms}
      union
      select sal.service_id from socialmap_attributes a
        join socialmap_service_at_locations sal on sal.tenant_id = a.tenant_id and sal.location_id = a.link_id
        where a.tenant_id = ${tenantId} and a.link_entity = 'location' and ${terms})`;
  if (f.taxonomyTermId) conditions.push(tagged(sql<SqlBool>`a.taxonomy_term_id = ${f.taxonomyTermId}`));
  if (f.taxonomyId) {
    conditions.push(
      tagged(
        sql<SqlBool>`a.taxonomy_term_id in (select t.id from socialmap_taxonomy_terms t where t.tenant_id = ${tenantId} and t.taxonomy_id = ${f.taxonomyId})`,
      ),
    );
  }
  let distance = sql<number | null>`null`;
  let from = sql`socialmap_services s`;
  if (f.near) {
    const { lat, lon, maxMeters } = f.near;
    const dLat = maxMeters / M_PER_DEG;
    const dLon = maxMeters / (M_PER_DEG * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
    // From the locations in the bounding box (index on tenant, latitude, longitude) to their services, nearest location per service.
    from = sql`socialmap_services s join (select sal.service_id, min(${distanceSql(lat, lon)}) as distance from socialmap_locations l
      join socialmap_service_at_locations sal on sal.tenant_id = l.tenant_id and sal.location_id = l.id
      where l.tenant_id = ${tenantId}
        and l.latitude between ${lat - dLat} and ${lat + dLat} and l.longitude between ${lon - dLon} and ${lon + dLon}
        and ${distanceSql(lat, lon)} <= ${maxMeters}
      group by sal.service_id) near on near.service_id = s.id`;
    distance = sql<number | null>`near.distance`;
  }
  return { conditions, distance, from };
}

/** One page of services matching every given filter (cumulative, as the HSDS API reference asks), and the total. */
export async function searchServices(
  db: DbOrTrx,
  tenantId: string,
  f: ServiceFilter,
  pageNumber: number,
  perPage: number,
): Promise<{ total: number; rows: (ServiceRow & { distance?: number | null })[] }> {
  const { conditions, distance, from } = serviceConditions(tenantId, f);
  const where = sql.join(conditions, sql` and `);
  const order = f.near
    ? sql`distance asc nulls last, s.name, s.id`
    : f.text
      ? sql`ts_rank(s.search_vector, websearch_to_tsquery('dutch', ${f.text})) desc, s.name, s.id`
      : sql`s.name, s.id`;
  const cols = sql.join(SERVICE_COLUMNS.map((c) => sql.ref(`s.${c}`)));
  const [count, rows] = await Promise.all([
    sql<{ n: number }>`select count(*)::int as n from ${from} where ${where}`.execute(db),
    sql<ServiceRow & { distance: number | null }>`select ${cols}, ${distance} as distance from ${from} where ${where}
      order by ${order} limit ${perPage} offset ${(pageNumber - 1) * perPage}`.execute(db),
  ]);
  return { total: count.rows[0]?.n ?? 0, rows: rows.rows };
}

/** One page of service_at_location ids whose service matches the filter, by service name, and the total. */
export async function searchServiceAtLocations(
  db: DbOrTrx,
  tenantId: string,
  f: ServiceFilter,
  pageNumber: number,
  perPage: number,
): Promise<{ total: number; rows: { id: string; service_id: string; location_id: string; description: string | null }[] }> {
  const { conditions, from: servicesFrom } = serviceConditions(tenantId, f);
  if (f.near) {
    conditions.push(
      sql<SqlBool>`(select ${distanceSql(f.near.lat, f.near.lon)} from socialmap_locations l where l.tenant_id = x.tenant_id and l.id = x.location_id) <= ${f.near.maxMeters}`,
    );
  }
  const where = sql.join(conditions, sql` and `);
  const order = f.near ? sql`distance asc nulls last, s.name, x.id` : sql`s.name, x.id`;
  const dist = f.near
    ? sql`(select ${distanceSql(f.near.lat, f.near.lon)} from socialmap_locations l where l.tenant_id = x.tenant_id and l.id = x.location_id)`
    : sql`null`;
  const from = sql`socialmap_service_at_locations x join (select s.* from ${servicesFrom}) s on s.tenant_id = x.tenant_id and s.id = x.service_id`;
  const [count, rows] = await Promise.all([
    sql<{ n: number }>`select count(*)::int as n from ${from} where ${where}`.execute(db),
    sql<{
      id: string;
      service_id: string;
      location_id: string;
      description: string | null;
    }>`select x.id, x.service_id, x.location_id, x.description, ${dist} as distance from ${from} where ${where}
      order by ${order} limit ${perPage} offset ${(pageNumber - 1) * perPage}`.execute(db),
  ]);
  return { total: count.rows[0]?.n ?? 0, rows: rows.rows };
}
