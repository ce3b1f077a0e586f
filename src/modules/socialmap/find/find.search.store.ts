/**
 * The resident search query (read-only): services matching words, terms, accessibility, distance
 * and a conservative time prefilter, best first. Every query is scoped by tenant_id.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { EARTH_RADIUS_M, METRES_PER_DEGREE as M_PER_DEG_LAT } from '../../../platform/geo.ts';

export interface PointRadius {
  lat: number;
  lon: number;
  /** Metres. */
  radius: number;
}

/**
 * A time filter, answered from the precomputed occurrences (occurrences.service.ts): a service
 * matches when one of its occurrences that is not cancelled overlaps [from, to) — or, for "open
 * now", runs at `from` (then `to` is `from` + 1 ms, the same overlap test).
 */
export interface OccurrenceFilter {
  from: Date;
  to: Date;
}

export interface CandidateQuery {
  tenantId: string;
  text: string | null;
  /** Other words that count as a match too (the municipality's synonyms of `text`), each a websearch query. */
  alternatives?: readonly string[];
  functions: readonly string[];
  targetGroups: readonly string[];
  accessibility: readonly string[];
  point: PointRadius | null;
  when: OccurrenceFilter | null;
  limit: number;
  offset: number;
  /** Count all matches (a window count; it keeps the database from stopping at the limit). Default true. */
  withTotal?: boolean;
}

export interface Candidate {
  id: string;
  location_id: string | null;
  distance: number | null;
  total: number;
}

/** The service carries at least one of the terms. */
function hasTerm(codes: readonly string[]): RawBuilder<unknown> {
  return sql`exists (
    select 1 from socialmap_attributes a
    join socialmap_taxonomy_terms t on t.tenant_id = a.tenant_id and t.id = a.taxonomy_term_id
    where a.tenant_id = s.tenant_id and a.link_id = s.id and t.code = any(${[...codes]}::text[]))`;
}

/** Haversine distance in metres from the point to l.latitude/l.longitude, in SQL. */
function distanceSql(p: { lat: number; lon: number }): RawBuilder<number> {
  return sql<number>`(${2 * EARTH_RADIUS_M}::float8 * asin(least(1, sqrt(
    power(sin(radians(l.latitude - ${p.lat}::float8) / 2), 2) +
    cos(radians(${p.lat}::float8)) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - ${p.lon}::float8) / 2), 2)))))`;
}

/** Every chosen accessibility feature is on the location (or on the service itself). */
function accessibilityConds(codes: readonly string[], serviceId: RawBuilder<unknown>): RawBuilder<unknown>[] {
  return codes.map(
    (code) => sql`exists (
      select 1 from socialmap_attributes a
      join socialmap_taxonomy_terms t on t.tenant_id = a.tenant_id and t.id = a.taxonomy_term_id
      where a.tenant_id = l.tenant_id and a.link_id in (l.id, ${serviceId}) and t.code = ${code})`,
  );
}

/** The service has a stored occurrence, not cancelled, that overlaps the window (exact: as schedule.ts's occurrences()). */
function occurrenceCond(w: OccurrenceFilter): RawBuilder<unknown> {
  return sql`exists (select 1 from socialmap_occurrences o
    where o.tenant_id = s.tenant_id and o.service_id = s.id and not o.cancelled
      and o.ends_at > ${w.from} and o.starts_at < ${w.to})`;
}

/**
 * Services matching the filters, best first (nearest when a point is given, else best text match,
 * else by name), with the nearest matching location and the total. Accessibility features must all
 * be present on that location; functions and target groups match any of the chosen terms.
 * With a point the query starts from the locations in the bounding box (index on latitude), then
 * keeps those within the exact (haversine) distance; without one, the location of each row on the
 * page is looked up after paging.
 */
/** The words, or any of their synonyms: websearch queries joined with the tsquery OR (`||`). */
function textQuery(q: CandidateQuery): RawBuilder<unknown> | null {
  return q.text
    ? sql.join(
        [q.text, ...(q.alternatives ?? [])].map((words) => sql`websearch_to_tsquery('dutch', ${words})`),
        sql` || `,
      )
    : null;
}

/** The conditions on the service itself (s): tenant, active, words, terms, time. */
function serviceConds(q: CandidateQuery, query: RawBuilder<unknown> | null): RawBuilder<unknown>[] {
  const conds: RawBuilder<unknown>[] = [sql`s.tenant_id = ${q.tenantId}`, sql`s.status = 'active'`];
  if (query) conds.push(sql`s.search_vector @@ (${query})`);
  if (q.functions.length) conds.push(hasTerm(q.functions));
  if (q.targetGroups.length) conds.push(hasTerm(q.targetGroups));
  if (q.when) conds.push(occurrenceCond(q.when));
  return conds;
}

/** Without a point: the service has one location with every chosen accessibility feature. */
function accessibleSomewhere(q: CandidateQuery): RawBuilder<unknown> {
  return sql`exists (select 1 from socialmap_service_at_locations sal
        join socialmap_locations l on l.tenant_id = sal.tenant_id and l.id = sal.location_id
        where sal.tenant_id = s.tenant_id and sal.service_id = s.id and ${sql.join(accessibilityConds(q.accessibility, sql`s.id`), sql` and `)})`;
}

/**
 * How many services match a query without a point, counted up to `max` (the database stops there):
 * the same services findCandidates pages through.
 */
export async function countMatches(db: DbOrTrx, q: CandidateQuery, max: number): Promise<number> {
  if (q.point) throw new Error('countMatches: a query without a point');
  const conds = serviceConds(q, textQuery(q));
  if (q.accessibility.length) conds.push(accessibleSomewhere(q));
  const r = await sql<{ n: string }>`
    select count(*) as n from (select 1 from socialmap_services s where ${sql.join(conds, sql` and `)} limit ${max}) m`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

export async function findCandidates(db: DbOrTrx, q: CandidateQuery): Promise<Candidate[]> {
  const query = textQuery(q);
  const conds = serviceConds(q, query);
  const rank = query ? sql`ts_rank(s.search_vector, (${query}))` : sql`0`;
  const total = q.withTotal === false ? sql`0` : sql`count(*) over ()`;

  let rows: Candidate[];
  if (q.point) {
    const p = q.point;
    const dLat = p.radius / M_PER_DEG_LAT;
    const dLon = p.radius / (M_PER_DEG_LAT * Math.max(0.01, Math.cos((p.lat * Math.PI) / 180)));
    const distance = distanceSql(p);
    const locConds = [
      sql`l.tenant_id = ${q.tenantId}`,
      sql`l.latitude between ${p.lat - dLat}::float8 and ${p.lat + dLat}::float8`,
      sql`l.longitude between ${p.lon - dLon}::float8 and ${p.lon + dLon}::float8`,
      sql`${distance} <= ${p.radius}::float8`,
      ...accessibilityConds(q.accessibility, sql`sal.service_id`),
    ];
    const result = await sql<Candidate>`
      with near as (
        select sal.service_id, l.id as location_id, ${distance} as distance,
          row_number() over (partition by sal.service_id order by ${distance}, l.id) as rn
        from socialmap_locations l
        join socialmap_service_at_locations sal on sal.tenant_id = l.tenant_id and sal.location_id = l.id
        where ${sql.join(locConds, sql` and `)}
      )
      select s.id, near.location_id, near.distance, ${total} as total
      from near
      join socialmap_services s on s.tenant_id = ${q.tenantId} and s.id = near.service_id
      where near.rn = 1 and ${sql.join(conds, sql` and `)}
      order by near.distance, s.name, s.id
      limit ${q.limit} offset ${q.offset}`.execute(db);
    rows = result.rows;
  } else {
    if (q.accessibility.length) conds.push(accessibleSomewhere(q));
    const locConds = [
      sql`sal.tenant_id = page.tenant_id`,
      sql`sal.service_id = page.id`,
      ...accessibilityConds(q.accessibility, sql`page.id`),
    ];
    const result = await sql<Candidate>`
      select page.id, loc.id as location_id, null::float8 as distance, page.total
      from (
        select s.tenant_id, s.id, s.name, ${rank} as rank, ${total} as total
        from socialmap_services s
        where ${sql.join(conds, sql` and `)}
        order by ${query ? sql`${rank} desc, ` : sql``}s.name, s.id
        limit ${q.limit} offset ${q.offset}
      ) page
      left join lateral (
        select l.id from socialmap_service_at_locations sal
        join socialmap_locations l on l.tenant_id = sal.tenant_id and l.id = sal.location_id
        where ${sql.join(locConds, sql` and `)}
        order by l.name nulls last, l.id limit 1
      ) loc on true
      order by ${query ? sql`page.rank desc, ` : sql``}page.name, page.id`.execute(db);
    rows = result.rows;
  }
  return rows.map((r) => ({ ...r, total: Number(r.total), distance: r.distance === null ? null : Number(r.distance) }));
}
