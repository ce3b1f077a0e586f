/**
 * Read-only queries of the matching engine, dashboard aside (dashboard.store.ts). Writes go through
 * the core's service functions; every query is scoped to one tenant.
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { pendingJobExists } from '../../../platform/jobs/worker.ts';

export interface HistoryExtraRow {
  volunteerUserId: string;
  helpedCategories: string[];
  noShow: number;
  cancelled: number;
}

/** Per volunteer: categories they completed, and accepted matches that ended as no-show or cancelled. */
export async function volunteerHistoryExtras(db: DbOrTrx, tenantId: string): Promise<HistoryExtraRow[]> {
  const rows = await db
    .selectFrom('help_matches as m')
    .innerJoin('help_requests as r', (j) => j.onRef('r.id', '=', 'm.request_id').onRef('r.tenant_id', '=', 'm.tenant_id'))
    .select([
      'm.volunteer_user_id as user_id',
      sql<string[] | null>`array_agg(distinct r.category) filter (where m.state = 'done')`.as('categories'),
      sql<number>`count(*) filter (where m.state = 'no_show')`.as('no_show'),
      sql<number>`count(*) filter (where m.state = 'cancelled' and m.accepted_at is not null)`.as('cancelled'),
    ])
    .where('m.tenant_id', '=', tenantId)
    .where('m.volunteer_user_id', 'is not', null)
    .groupBy('m.volunteer_user_id')
    .execute();
  return rows.map((r) => ({
    volunteerUserId: r.user_id!,
    helpedCategories: (r.categories ?? []).filter((c): c is string => typeof c === 'string'),
    noShow: Number(r.no_show),
    cancelled: Number(r.cancelled),
  }));
}

/** Pairs (helper, helped) of completed matches: who helped whom before (reciprocity). */
export async function helpedPairs(db: DbOrTrx, tenantId: string): Promise<{ helper: string; helped: string }[]> {
  const rows = await db
    .selectFrom('help_matches as m')
    .innerJoin('help_requests as r', (j) => j.onRef('r.id', '=', 'm.request_id').onRef('r.tenant_id', '=', 'm.tenant_id'))
    .select(['m.volunteer_user_id as helper', 'r.requester_user_id as helped'])
    .distinct()
    .where('m.tenant_id', '=', tenantId)
    .where('m.state', '=', 'done')
    .where('m.volunteer_user_id', 'is not', null)
    .where('r.requester_user_id', 'is not', null)
    .execute();
  return rows.map((r) => ({ helper: r.helper!, helped: r.helped! }));
}

/** Matches (proposed or later) per user since a moment: the fairness count of latent contacts. */
export async function recentMatchCounts(db: DbOrTrx, tenantId: string, since: Date): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('help_matches')
    .select(['volunteer_user_id', sql<number>`count(*)`.as('n')])
    .where('tenant_id', '=', tenantId)
    .where('volunteer_user_id', 'is not', null)
    .where('state', 'in', ['accepted', 'done'])
    .where('accepted_at', '>=', since)
    .groupBy('volunteer_user_id')
    .execute();
  return new Map(rows.map((r) => [r.volunteer_user_id!, Number(r.n)]));
}

/** Summary, buurt and wijk of requests (what a volunteer or coordinator may see of a request). */
export async function requestSummaries(
  db: DbOrTrx,
  tenantId: string,
  ids: readonly string[],
): Promise<
  {
    id: string;
    summary: string;
    category: string;
    help_type: string;
    buurt_code: string | null;
    created_at: Date;
    urgency: string;
    state: string;
  }[]
> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('help_requests')
    .select(['id', 'summary', 'category', 'help_type', 'buurt_code', 'created_at', 'urgency', 'state'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...ids])
    .execute();
}

/** Open incidental and latent requests that have no engine wave yet (the wave scan starts them). */
export async function requestsWithoutWave(db: DbOrTrx, tenantId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('help_requests as r')
    .select('r.id')
    .where('r.tenant_id', '=', tenantId)
    .where('r.state', '=', 'open')
    .where('r.help_type', 'in', ['incidental', 'latent'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('help_matches as m')
            .select('m.id')
            .whereRef('m.tenant_id', '=', 'r.tenant_id')
            .whereRef('m.request_id', '=', 'r.id')
            .where('m.wave', '>=', 1),
        ),
      ),
    )
    .where((eb) => eb.not(pendingJobExists('helpmatch.wave', 'requestId', 'r.id')))
    .orderBy('r.created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** The volunteer's suggested or proposed matches by request id, and those where they said yes and the asking side chooses. */
export async function liveMatchesOfVolunteer(
  db: DbOrTrx,
  tenantId: string,
  userId: string,
): Promise<Map<string, { id: string; state: string }>> {
  const rows = await db
    .selectFrom('help_matches')
    .select(['id', 'request_id', 'state'])
    .where('tenant_id', '=', tenantId)
    .where('volunteer_user_id', '=', userId)
    .where('state', 'in', ['suggested', 'proposed', 'awaiting_requester'])
    .execute();
  return new Map(rows.map((r) => [r.request_id, { id: r.id, state: r.state }]));
}

/** Proposed matches still waiting for the volunteer's answer, per volunteer. */
export async function pendingProposalCounts(db: DbOrTrx, tenantId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('help_matches')
    .select(['volunteer_user_id', sql<number>`count(*)`.as('n')])
    .where('tenant_id', '=', tenantId)
    .where('volunteer_user_id', 'is not', null)
    .where('state', '=', 'proposed')
    .groupBy('volunteer_user_id')
    .execute();
  return new Map(rows.map((r) => [r.volunteer_user_id!, Number(r.n)]));
}
