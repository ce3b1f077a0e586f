/**
 * The matching engine on the module's data: adapts the core's rows (service/matching-data.ts) to the
 * pure engine's types (matching/), and offers suggestions to coordinators and volunteers.
 */
import { DateTime } from 'luxon';
import type { DbOrTrx, Trx } from '../../../platform/db/database.ts';
import type { DemoSeedArgs } from '../../../platform/module.ts';
import { Conflict, Invalid, NotFound } from '../../../platform/errors.ts';
import {
  getRequestForMatching,
  listActiveOffersForMatching,
  listOpenRequestsForMatching,
  type OfferForMatching,
  type RequestForMatching,
} from './matching-data.service.ts';
import { listLatentContacts, recordVog } from '../offers/offers.service.ts';
import { findOfferOfUser } from '../offers/offers.store.ts';
import { blockedUserIds } from '../safety/safety.service.ts';
import { createMatches, type MatchCtx } from '../matches/matches.service.ts';
import type { Actor } from '../actor.ts';
import { isUuid } from '../../../platform/ids.ts';
import type { WeeklySlot as CoreSlot } from '../helpmatch.tables.ts';
import type { MatchRow } from '../matches/matches.store.ts';
import * as store from './engine.store.ts';
import { suggestFor, type SuggestOptions } from '../matching/suggest.ts';
import { whyNot, type Misfit } from '../matching/why-not.ts';
import type { EngineRequest, EngineVolunteer, HelpType, LatentContact, Suggestion, WeeklySlot } from '../matching/types.ts';
import { ZONE } from '../../../platform/time.ts';
import { authorize, systemPrincipal, type Principal } from '../../../platform/principal.ts';
import { can } from '../policies.ts';
import { actorIn } from '../actor.ts';

const RECENT_DAYS = 30;

/** 'HH:MM' to minutes since midnight ('24:00' is 1440). */
function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The core's weekly slots ({weekday, 'HH:MM'}) as the engine's ({day, minutes}). */
export function toEngineSlots(slots: readonly CoreSlot[]): WeeklySlot[] {
  return slots.map((s) => ({ day: s.weekday, from: minutes(s.from), to: minutes(s.to) }));
}

/** A request as the engine sees it. */
export function toEngineRequest(r: RequestForMatching, text = ''): EngineRequest {
  return {
    id: r.id,
    requesterIds: [r.requesterUserId, r.createdByUserId].filter((u): u is string => u !== null),
    category: r.category,
    helpType: r.helpType,
    vulnerable: r.vulnerable,
    lon: r.point[0],
    lat: r.point[1],
    buurtCode: r.buurtCode,
    radiusM: r.radiusM,
    time:
      r.scheduleKind === 'once' && r.startsAt && r.endsAt
        ? { kind: 'window', start: r.startsAt, end: r.endsAt }
        : { kind: 'weekly', slots: toEngineSlots(r.slots) },
    text,
  };
}

/** Everything about the tenant's volunteers the engine needs, read once per ranking or batch. */
export interface EngineData {
  volunteers: EngineVolunteer[];
  contacts: LatentContact[];
  /** Offers by user id (for the cap and the offer id of a match). */
  offersByUser: Map<string, OfferForMatching>;
}

/** Read the tenant's active offers, their history and the latent-help contacts (as the engine: callers check who asks). */
export async function loadEngineData(db: DbOrTrx, tenantId: string, now: Date): Promise<EngineData> {
  const [offers, extras, pairs, latent, blocked, recent] = await Promise.all([
    listActiveOffersForMatching(db, tenantId, now),
    store.volunteerHistoryExtras(db, tenantId),
    store.helpedPairs(db, tenantId),
    listLatentContacts(db, tenantId, systemPrincipal(tenantId, now)),
    blockedUserIds(db, tenantId),
    store.recentMatchCounts(db, tenantId, new Date(now.getTime() - RECENT_DAYS * 86_400_000)),
  ]);
  const extraBy = new Map(extras.map((e) => [e.volunteerUserId, e]));
  const helpedBy = new Map<string, string[]>();
  for (const p of pairs) helpedBy.set(p.helped, [...(helpedBy.get(p.helped) ?? []), p.helper]);
  const blockedSet = new Set(blocked);
  const volunteers = offers.map((o): EngineVolunteer => {
    const e = extraBy.get(o.userId);
    return {
      id: o.id,
      userId: o.userId,
      categories: o.categories,
      talents: o.talents,
      availability: toEngineSlots(o.slots),
      reach: o.reach,
      monthlyCap: o.maxPerMonth,
      matchesThisMonth: o.matchesThisMonth,
      vogSeen: o.vogSeen,
      blocked: blockedSet.has(o.userId),
      lon: o.point[0],
      lat: o.point[1],
      history: {
        done: o.done,
        noShow: e?.noShow ?? 0,
        cancelled: e?.cancelled ?? 0,
        recentMatches: recent.get(o.userId) ?? 0,
        helpedCategories: e?.helpedCategories ?? [],
        hoursReceived: o.hoursReceived,
        helpedBy: helpedBy.get(o.userId) ?? [],
      },
    };
  });
  const contacts = latent
    .filter((c) => !blockedSet.has(c.user_id))
    .map((c): LatentContact => ({
      id: c.id,
      userId: c.user_id,
      buurtCode: c.buurt_code,
      blocked: false,
      recentMatches: recent.get(c.user_id) ?? 0,
    }));
  return { volunteers, contacts, offersByUser: new Map(offers.map((o) => [o.userId, o])) };
}

/** User ids with a live or earlier match on the request (never suggested again). */
export function alreadyInvolved(r: RequestForMatching): Set<string> {
  return new Set(r.matchedVolunteers.map((m) => m.userId));
}

/** Ranked suggestions for one request, with explanations; NotFound for an unknown request. */
export async function suggestionsForRequest(
  db: DbOrTrx,
  tenantId: string,
  principal: Principal,
  requestId: string,
  now: Date,
  opts: SuggestOptions & { data?: EngineData } = {},
): Promise<{
  request: RequestForMatching;
  state: string;
  summary: string;
  suggestions: Suggestion[];
  /** Volunteers with an offer who do not fit, each with every reason (for the coordinator). */
  misfits: { userId: string; misfits: Misfit[] }[];
}> {
  authorize(can(principal, 'suggestion.forRequest', { tenantId }));
  const request = isUuid(requestId) ? await getRequestForMatching(db, tenantId, requestId) : null;
  if (!request) throw NotFound('helpmatch.engine.requestNotFound');
  const data = opts.data ?? (await loadEngineData(db, tenantId, now));
  const [summary] = await store.requestSummaries(db, tenantId, [request.id]);
  const suggestions = suggestFor(toEngineRequest(request, summary?.summary ?? ''), data.volunteers, data.contacts, {
    ...opts,
    excludeUserIds: new Set([...alreadyInvolved(request), ...(opts.excludeUserIds ?? [])]),
  });
  const suggested = new Set(suggestions.map((s) => s.userId));
  const involved = alreadyInvolved(request);
  const engineRequest = toEngineRequest(request, summary?.summary ?? '');
  const misfits = data.volunteers
    .filter((v) => !suggested.has(v.userId) && !involved.has(v.userId))
    .map((v) => ({ userId: v.userId, misfits: whyNot(engineRequest, v) }))
    .filter((x) => x.misfits.length > 0);
  return { request, state: summary?.state ?? 'open', summary: summary?.summary ?? '', suggestions, misfits };
}

/** One open request a volunteer could help with: what they may see (no address, no name). */
export interface VolunteerSuggestion {
  requestId: string;
  summary: string;
  category: string;
  helpType: HelpType;
  buurtCode: string | null;
  urgency: string;
  createdAt: Date;
  score: number;
  distanceM: number | null;
  explanation: Suggestion['explanation'];
  /** The volunteer's own match on it (a wave suggestion or proposal), if any. */
  matchId: string | null;
  matchState: string | null;
}

/**
 * "Hulpvragen bij u in de buurt": open requests the volunteer passes the hard filters for (or a
 * latent request in a buurt where they are a contact), best first, explained for the volunteer.
 */
export async function suggestionsForVolunteer(
  db: DbOrTrx,
  tenantId: string,
  actor: Actor,
  now: Date,
  limit = 50,
): Promise<VolunteerSuggestion[]> {
  authorize(can(actor, 'suggestion.forVolunteer', { tenantId, userIds: [actor.userId] }));
  const userId = actor.userId;
  const data = await loadEngineData(db, tenantId, now);
  const me = data.volunteers.find((v) => v.userId === userId);
  const myContacts = data.contacts.filter((c) => c.userId === userId);
  if (!me && myContacts.length === 0) return [];
  const requests = await listOpenRequestsForMatching(db, tenantId);
  const summaries = new Map(
    (
      await store.requestSummaries(
        db,
        tenantId,
        requests.map((r) => r.id),
      )
    ).map((s) => [s.id, s]),
  );
  const found: { r: RequestForMatching; s: Suggestion; matchId: string | null }[] = [];
  for (const r of requests) {
    const mine = r.matchedVolunteers.find((m) => m.userId === userId);
    if (mine && !['suggested', 'proposed', 'awaiting_requester'].includes(mine.state)) continue;
    const [s] = suggestFor(toEngineRequest(r, summaries.get(r.id)?.summary ?? ''), me ? [me] : [], myContacts, { audience: 'volunteer' });
    if (s) found.push({ r, s, matchId: null });
  }
  found.sort((a, b) => b.s.score - a.s.score || (a.r.id < b.r.id ? -1 : 1));
  const kept = found.slice(0, limit);
  const myMatches = await store.liveMatchesOfVolunteer(db, tenantId, userId);
  return kept.map(({ r, s }) => {
    const sum = summaries.get(r.id);
    return {
      requestId: r.id,
      summary: sum?.summary ?? '',
      category: r.category,
      helpType: r.helpType,
      buurtCode: r.buurtCode,
      urgency: r.urgency,
      createdAt: r.createdAt,
      score: s.score,
      distanceM: s.distanceM,
      explanation: s.explanation,
      matchId: myMatches.get(r.id)?.id ?? null,
      matchState: myMatches.get(r.id)?.state ?? null,
    };
  });
}

/**
 * A coordinator proposes one suggested volunteer for a request: checked again against the hard
 * filters, then created as a proposed match (core's createMatches: the volunteer gets a mail).
 */
export async function proposeSuggestion(
  db: DbOrTrx,
  ctx: MatchCtx,
  actor: Actor,
  requestId: string,
  volunteerUserId: string,
): Promise<MatchRow> {
  authorize(can(actor, 'match.propose', { tenantId: ctx.tenantId }));
  const { state, suggestions } = await suggestionsForRequest(db, ctx.tenantId, actor, requestId, ctx.now);
  if (state !== 'open') throw Conflict('helpmatch.request.notOpen');
  const s = suggestions.find((x) => x.userId === volunteerUserId);
  if (!s) throw Invalid({ volunteer: 'helpmatch.engine.notSuggested' });
  const [m] = await createMatches(db, ctx, actor, [
    {
      requestId,
      volunteerUserId,
      offerId: s.kind === 'offer' ? s.volunteerId : null,
      state: 'proposed',
      source: s.kind === 'latent' ? 'latent' : 'coordinator',
      score: s.score,
      explanation: s.explanation,
      distanceM: s.distanceM,
    },
  ]);
  if (!m) throw Conflict('helpmatch.match.exists');
  return m;
}

const DEMO_SHORT: Record<string, string> = { GM0542: 'krimpen', GM1980: 'heerhugowaard', GM0014: 'groningen' };

/**
 * Demo data for the engine (after the core's demo seed): the demo coordinator has seen the demo
 * volunteer's VOG a month ago, so the demo volunteer can be proposed for structural help (batch).
 */
export async function engineDemoSeed(trx: Trx, args: DemoSeedArgs): Promise<void> {
  for (const tenant of args.tenants) {
    const short = DEMO_SHORT[tenant.id];
    const volunteer = short ? args.users.get(`vrijwilliger.${short}@demo.samenhang.nl`) : undefined;
    const coordinator = short ? args.users.get(`coordinator.${short}@demo.samenhang.nl`) : undefined;
    if (!volunteer || !coordinator) continue;
    // The seed reads the demo volunteer's offer itself (the store): no person acts here.
    const offer = await findOfferOfUser(trx, tenant.id, volunteer);
    if (!offer) continue;
    const seenOn = DateTime.fromJSDate(args.now, { zone: ZONE }).minus({ days: 30 }).toISODate()!;
    await recordVog(trx, tenant.id, actorIn(tenant.id, coordinator, ['coordinator'], { now: args.now }), offer.id, seenOn, args.now);
  }
}
