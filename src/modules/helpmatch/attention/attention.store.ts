import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';

/**
 * Counts for the staff start page, on the state indexes (`help_requests_state`,
 * `help_reports_state`, `help_matches_request`).
 */

/** Open requests with no helper proposed, waiting for the requester's choice or agreed (engine suggestions still need a proposal). */
export async function countRequestsWithoutHelper(db: DbOrTrx, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('help_requests as r')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('r.tenant_id', '=', tenantId)
    .where('r.state', '=', 'open')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('help_matches as m')
            .select('m.id')
            .whereRef('m.tenant_id', '=', 'r.tenant_id')
            .whereRef('m.request_id', '=', 'r.id')
            .where('m.state', 'in', ['proposed', 'awaiting_requester', 'accepted']),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Reports about a person or a match that no coordinator has handled yet. */
export async function countOpenReports(db: DbOrTrx, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('help_reports')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('tenant_id', '=', tenantId)
    .where('state', '=', 'open')
    .executeTakeFirstOrThrow();
  return row.n;
}
