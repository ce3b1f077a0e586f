/**
 * Query of the social map's live indicators (socialmap module only): the meeting places per buurt,
 * wijk and the whole municipality in one grouping-sets query (`g` 1 = buurt, 2 = wijk,
 * 3 = municipality). The other figures come from the coverage entries (keep.coverage.ts).
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';

export interface MeetingPlacesRow {
  g: number;
  buurt_code: string | null;
  wijk_code: string | null;
  /** Distinct locations where an active service with the meeting function is offered. */
  places: number;
  /** Of those, locations with the accessibility feature given. */
  accessible: number;
}

/** Locations hosting an active service with term `meetingTerm`, and those with term `accessibleTerm`. */
export async function meetingPlaces(
  db: DbOrTrx,
  tenantId: string,
  meetingTerm: string,
  accessibleTerm: string,
): Promise<MeetingPlacesRow[]> {
  const r = await sql<MeetingPlacesRow>`
    with term as (
      select id, code from socialmap_taxonomy_terms where tenant_id = ${tenantId} and code in (${meetingTerm}, ${accessibleTerm})
    ), base as (
      select distinct l.id, l.buurt_code, l.wijk_code,
        exists (select 1 from socialmap_attributes a join term t on t.id = a.taxonomy_term_id
          where a.tenant_id = l.tenant_id and a.link_entity = 'location' and a.link_id = l.id and t.code = ${accessibleTerm}) as accessible
      from socialmap_service_at_locations sal
      join socialmap_locations l on l.tenant_id = sal.tenant_id and l.id = sal.location_id
      join socialmap_services s on s.tenant_id = sal.tenant_id and s.id = sal.service_id
      where sal.tenant_id = ${tenantId} and s.status = 'active'
        and exists (select 1 from socialmap_attributes a join term t on t.id = a.taxonomy_term_id
          where a.tenant_id = s.tenant_id and a.link_entity = 'service' and a.link_id = s.id and t.code = ${meetingTerm})
    )
    select grouping(buurt_code, wijk_code)::int as g, buurt_code, wijk_code,
      count(*)::int as places, count(*) filter (where accessible)::int as accessible
    from base
    group by grouping sets ((buurt_code), (wijk_code), ())`.execute(db);
  return r.rows.map((x) => ({ ...x, g: Number(x.g), places: Number(x.places), accessible: Number(x.accessible) }));
}
