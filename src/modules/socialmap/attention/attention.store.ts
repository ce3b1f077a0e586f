import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';

/**
 * Counts for the staff start page on the social map's indexes (`socialmap_suggestions_open`,
 * `socialmap_services_status`), for the whole municipality (`peopleOrganisationIds` null) or the
 * entries of some people organisations.
 */

/** Open correction suggestions. */
export async function countOpenSuggestions(
  db: DbOrTrx,
  tenantId: string,
  peopleOrganisationIds: readonly string[] | null,
): Promise<number> {
  if (peopleOrganisationIds && peopleOrganisationIds.length === 0) return 0;
  const row = await db
    .selectFrom('socialmap_suggestions as g')
    .innerJoin('socialmap_services as s', (j) => j.onRef('s.tenant_id', '=', 'g.tenant_id').onRef('s.id', '=', 'g.service_id'))
    .innerJoin('socialmap_organizations as o', (j) => j.onRef('o.tenant_id', '=', 's.tenant_id').onRef('o.id', '=', 's.organization_id'))
    .select(sql<number>`count(*)::int`.as('n'))
    .where('g.tenant_id', '=', tenantId)
    .where('g.status', '=', 'open')
    .$if(peopleOrganisationIds !== null, (q) => q.where('o.people_organisation_id', 'in', peopleOrganisationIds!))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Active entries last confirmed before `checkBefore` (or never): the provider should check them. */
export async function countEntriesToCheck(
  db: DbOrTrx,
  tenantId: string,
  checkBefore: Date,
  peopleOrganisationIds: readonly string[] | null,
): Promise<number> {
  if (peopleOrganisationIds && peopleOrganisationIds.length === 0) return 0;
  const row = await db
    .selectFrom('socialmap_services as s')
    .innerJoin('socialmap_organizations as o', (j) => j.onRef('o.tenant_id', '=', 's.tenant_id').onRef('o.id', '=', 's.organization_id'))
    .select(sql<number>`count(*)::int`.as('n'))
    .where('s.tenant_id', '=', tenantId)
    .where('s.status', '=', 'active')
    .where((eb) => eb.or([eb('s.last_checked_at', 'is', null), eb('s.last_checked_at', '<', checkBefore)]))
    .$if(peopleOrganisationIds !== null, (q) => q.where('o.people_organisation_id', 'in', peopleOrganisationIds!))
    .executeTakeFirstOrThrow();
  return row.n;
}
