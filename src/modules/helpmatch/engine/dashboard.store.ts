/** Read-only queries of the coordinator dashboard and the neighbourhood section; tenant-scoped, no personal data selected. */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { HelpType, MatchState, RequestState } from '../helpmatch.tables.ts';

/** The hours of match `m` (of request `r`) count: both sides confirmed them, and it is done or a weekly arrangement. */
const HOURS_COUNT = sql`(m.state = 'done' or r.schedule_kind = 'weekly') and m.hours is not null
  and m.hours_confirmed_volunteer_at is not null and m.hours_confirmed_requester_at is not null`;

export interface DashRequest {
  id: string;
  createdAt: Date;
  state: RequestState;
  helpType: HelpType;
  category: string;
  buurtCode: string | null;
  wijkCode: string | null;
}

export interface DashMatch {
  requestId: string;
  volunteerUserId: string | null;
  state: MatchState;
  repliedAt: Date | null;
  acceptedAt: Date | null;
  /** Hours that count: confirmed by both sides on a done match, or the confirmed weeks of a weekly arrangement; else null. */
  hours: number | null;
}

export interface DashOffer {
  userId: string;
  buurtCode: string | null;
  wijkCode: string | null;
}

/** Requests created since a moment or still open, their matches, and the active offers. */
export async function loadDashboardRows(
  db: DbOrTrx,
  tenantId: string,
  since: Date,
): Promise<{ requests: DashRequest[]; matches: DashMatch[]; offers: DashOffer[] }> {
  const requests = await db
    .selectFrom('help_requests')
    .select(['id', 'created_at', 'state', 'help_type', 'category', 'buurt_code', 'wijk_code'])
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('created_at', '>=', since), eb('state', '=', 'open')]))
    .execute();
  const matches = await db
    .selectFrom('help_matches as m')
    .innerJoin('help_requests as r', (j) => j.onRef('r.id', '=', 'm.request_id').onRef('r.tenant_id', '=', 'm.tenant_id'))
    .select(['m.request_id', 'm.volunteer_user_id', 'm.state', 'm.replied_at', 'm.accepted_at', 'm.hours'])
    .select(sql<boolean>`${HOURS_COUNT}`.as('hours_count'))
    .where('m.tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('r.created_at', '>=', since), eb('r.state', '=', 'open')]))
    .execute();
  const offers = await db
    .selectFrom('help_offers')
    .select(['user_id', 'buurt_code', 'wijk_code'])
    .where('tenant_id', '=', tenantId)
    .where('active', '=', true)
    .execute();
  return {
    requests: requests.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      state: r.state,
      helpType: r.help_type,
      category: r.category,
      buurtCode: r.buurt_code,
      wijkCode: r.wijk_code,
    })),
    matches: matches.map((m) => ({
      requestId: m.request_id,
      volunteerUserId: m.volunteer_user_id,
      state: m.state,
      repliedAt: m.replied_at,
      acceptedAt: m.accepted_at,
      hours: m.hours === null || !m.hours_count ? null : Number(m.hours),
    })),
    offers: offers.map((o) => ({ userId: o.user_id, buurtCode: o.buurt_code, wijkCode: o.wijk_code })),
  };
}

export interface AreaCounts {
  openRequests: number;
  requests: number;
  activeOffers: number;
  matchesByType: Record<HelpType, number>;
  hours: number;
  /** Latent-help contacts per buurt code. */
  latentByBuurt: { buurtCode: string; contacts: number }[];
}

/** Counts for the neighbourhood page: requests, offers, matches by help type, hours and latent contacts in these areas. */
export async function areaCounts(db: DbOrTrx, tenantId: string, codes: readonly string[]): Promise<AreaCounts> {
  const inArea = [...codes];
  const req = await db
    .selectFrom('help_requests')
    .select([sql<number>`count(*)`.as('total'), sql<number>`count(*) filter (where state = 'open')`.as('open')])
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('buurt_code', 'in', inArea), eb('wijk_code', 'in', inArea)]))
    .executeTakeFirstOrThrow();
  const offers = await db
    .selectFrom('help_offers')
    .select(sql<number>`count(*)`.as('n'))
    .where('tenant_id', '=', tenantId)
    .where('active', '=', true)
    .where((eb) => eb.or([eb('buurt_code', 'in', inArea), eb('wijk_code', 'in', inArea)]))
    .executeTakeFirstOrThrow();
  const byType = await db
    .selectFrom('help_matches as m')
    .innerJoin('help_requests as r', (j) => j.onRef('r.id', '=', 'm.request_id').onRef('r.tenant_id', '=', 'm.tenant_id'))
    .select([
      'r.help_type',
      sql<number>`count(*)`.as('n'),
      sql<number>`coalesce(sum(m.hours) filter (where ${HOURS_COUNT}), 0)`.as('hours'),
    ])
    .where('m.tenant_id', '=', tenantId)
    .where('m.state', 'in', ['accepted', 'done'])
    .where((eb) => eb.or([eb('r.buurt_code', 'in', inArea), eb('r.wijk_code', 'in', inArea)]))
    .groupBy('r.help_type')
    .execute();
  const latent = await db
    .selectFrom('help_latent_contacts')
    .select(['buurt_code', sql<number>`count(*)`.as('n')])
    .where('tenant_id', '=', tenantId)
    .where('active', '=', true)
    .where((eb) => eb.or([eb('buurt_code', 'in', inArea), eb('wijk_code', 'in', inArea)]))
    .groupBy('buurt_code')
    .orderBy('buurt_code')
    .execute();
  const matchesByType: Record<HelpType, number> = { latent: 0, incidental: 0, structural: 0 };
  let hours = 0;
  for (const r of byType) {
    matchesByType[r.help_type] = Number(r.n);
    hours += Number(r.hours);
  }
  return {
    openRequests: Number(req.open),
    requests: Number(req.total),
    activeOffers: Number(offers.n),
    matchesByType,
    hours,
    latentByBuurt: latent.map((l) => ({ buurtCode: l.buurt_code, contacts: Number(l.n) })),
  };
}
