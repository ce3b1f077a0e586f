/**
 * What the matching engine reads: open requests and active offers with everything the hard
 * filters and the score need. No addresses or contact details: only points, buurt codes and facts.
 */
import { DateTime } from 'luxon';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { type RequestRow, listRequests, findRequest } from '../requests/requests.store.ts';
import { type MatchRow, listMatchesOfRequests, listMatchesOfRequest } from '../matches/matches.store.ts';
import { listOffers, volunteerStats, hoursReceived } from '../offers/offers.store.ts';
import { listBlocked } from '../safety/safety.store.ts';
import type { HelpType, MatchState, Reach, Urgency, WeeklySlot } from '../helpmatch.tables.ts';
import { REACH_METRES } from '../categories.ts';
import { ZONE } from '../../../platform/time.ts';

/** An open request as the engine sees it. */
export interface RequestForMatching {
  id: string;
  tenantId: string;
  category: string;
  helpType: HelpType;
  /** [lon, lat] in WGS84. */
  point: [number, number];
  buurtCode: string | null;
  wijkCode: string | null;
  /** How far away the helper may live; null = anywhere in the municipality. */
  radiusM: number | null;
  scheduleKind: 'once' | 'weekly';
  startsAt: Date | null;
  endsAt: Date | null;
  slots: WeeklySlot[];
  urgency: Urgency;
  vulnerable: boolean;
  /** VOG required: structural help or a vulnerable requester. */
  needsVog: boolean;
  requesterUserId: string | null;
  createdByUserId: string | null;
  createdAt: Date;
  expiresAt: Date;
  /** Volunteers who already have (or had) a match on this request, with its state. */
  matchedVolunteers: { userId: string; state: MatchState; wave: number }[];
}

/** An active offer as the engine sees it, with load, reliability and reciprocity figures. */
export interface OfferForMatching {
  id: string;
  tenantId: string;
  userId: string;
  categories: string[];
  point: [number, number];
  buurtCode: string | null;
  wijkCode: string | null;
  reach: Reach;
  /** Reach in metres; null = the whole municipality. */
  reachM: number | null;
  slots: WeeklySlot[];
  languages: string[];
  talents: string;
  maxPerMonth: number;
  vogSeen: boolean;
  /** Accepted or done matches with accepted_at in the current calendar month (Europe/Amsterdam). */
  matchesThisMonth: number;
  /** Accepted or done matches in the last 90 days (fairness: fewer first). */
  recentMatches: number;
  /** Completed matches. */
  done: number;
  /** Accepted matches that ended as no-show or cancelled. */
  failed: number;
  hoursGiven: number;
  hoursReceived: number;
}

function toRequest(r: RequestRow, matches: MatchRow[]): RequestForMatching {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    category: r.category,
    helpType: r.help_type,
    point: [r.lon, r.lat],
    buurtCode: r.buurt_code,
    wijkCode: r.wijk_code,
    radiusM: r.radius_m,
    scheduleKind: r.schedule_kind,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    slots: r.slots ?? [],
    urgency: r.urgency,
    vulnerable: r.vulnerable,
    needsVog: r.help_type === 'structural' || r.vulnerable,
    requesterUserId: r.requester_user_id,
    createdByUserId: r.created_by_user_id,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    matchedVolunteers: matches
      .filter((m) => m.volunteer_user_id)
      .map((m) => ({ userId: m.volunteer_user_id!, state: m.state, wave: m.wave })),
  };
}

/** Open requests of the tenant (optionally only the given ids), with the volunteers already matched to each. */
export async function listOpenRequestsForMatching(
  db: DbOrTrx,
  tenantId: string,
  opts: { ids?: readonly string[] } = {},
): Promise<RequestForMatching[]> {
  const rows = await listRequests(db, tenantId, { states: ['open'], ...(opts.ids ? { ids: opts.ids } : {}), limit: 100_000 });
  const matches = await listMatchesOfRequests(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
  const byRequest = new Map<string, MatchRow[]>();
  for (const m of matches) byRequest.set(m.request_id, [...(byRequest.get(m.request_id) ?? []), m]);
  return rows.map((r) => toRequest(r, byRequest.get(r.id) ?? []));
}

/** One request (any state) as the engine sees it, or null. */
export async function getRequestForMatching(db: DbOrTrx, tenantId: string, id: string): Promise<RequestForMatching | null> {
  const r = await findRequest(db, tenantId, id);
  if (!r) return null;
  return toRequest(r, await listMatchesOfRequest(db, tenantId, id));
}

/** Start of the calendar month of `now` in Europe/Amsterdam. */
export function monthStart(now: Date): Date {
  return DateTime.fromJSDate(now, { zone: ZONE }).startOf('month').toJSDate();
}

/** Active offers of the tenant of users who are not blocked, with this month's load, reliability and hours. */
export async function listActiveOffersForMatching(db: DbOrTrx, tenantId: string, now: Date): Promise<OfferForMatching[]> {
  const [offers, stats, received, blocked] = await Promise.all([
    listOffers(db, tenantId, { activeOnly: true }),
    volunteerStats(db, tenantId, monthStart(now), new Date(now.getTime() - 90 * 86_400_000)),
    hoursReceived(db, tenantId),
    listBlocked(db, tenantId),
  ]);
  const statsBy = new Map(stats.map((s) => [s.volunteer_user_id, s]));
  const receivedBy = new Map(received.map((r) => [r.user_id, r.hours]));
  const blockedSet = new Set(blocked.map((b) => b.user_id));
  return offers
    .filter((o) => !blockedSet.has(o.user_id))
    .map((o) => {
      const s = statsBy.get(o.user_id);
      return {
        id: o.id,
        tenantId: o.tenant_id,
        userId: o.user_id,
        categories: o.categories ?? [],
        point: [o.lon, o.lat] as [number, number],
        buurtCode: o.buurt_code,
        wijkCode: o.wijk_code,
        reach: o.reach,
        reachM: REACH_METRES[o.reach],
        slots: o.slots ?? [],
        languages: o.languages ?? [],
        talents: o.talents,
        maxPerMonth: o.max_per_month,
        vogSeen: o.vog_seen_on !== null,
        matchesThisMonth: s?.since_month ?? 0,
        recentMatches: s?.since_recent ?? 0,
        done: s?.done ?? 0,
        failed: s?.failed ?? 0,
        hoursGiven: s?.hours_given ?? 0,
        hoursReceived: receivedBy.get(o.user_id) ?? 0,
      };
    });
}
