import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { membershipRows } from '../../../platform/auth/memberships.service.ts';

/**
 * People who became a resident of the municipality since `since` and hold no other role there
 * (the administrator may want to give a volunteer or staff role). Counted on the tenant's
 * memberships (`memberships_unique` starts with the tenant).
 */
export async function countNewResidentsWithoutRole(db: DbOrTrx, tenantId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom(membershipRows(db).as('m'))
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(sql<number>`count(distinct m.user_id)::int`.as('n'))
    .where('m.tenant_id', '=', tenantId)
    .where('m.role', '=', 'resident')
    .where('m.created_at', '>=', since)
    .where('u.deleted_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom(membershipRows(db).as('o'))
            .select('o.id')
            .whereRef('o.user_id', '=', 'm.user_id')
            .where('o.tenant_id', '=', tenantId)
            .where('o.role', '<>', 'resident'),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return row.n;
}
