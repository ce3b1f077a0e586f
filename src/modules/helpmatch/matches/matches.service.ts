import type { DbOrTrx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import {
  type MatchRow,
  findMatch,
  insertMatches,
  listMatchesOfRequest as storeListMatchesOfRequest,
  transitionMatch,
} from './matches.store.ts';
import { type RequestRow, findRequest, listRequests, requestOfMatch, transitionRequest } from '../requests/requests.store.ts';
import { listBlocked } from '../safety/safety.store.ts';
import { findOfferOfUser, listLatent } from '../offers/offers.store.ts';
import type { ExplanationPart, MatchSource, MatchState } from '../helpmatch.tables.ts';
import { distanceMeters } from '../../../platform/geo.ts';
import { type Actor, assertNotBlocked, auditOf } from '../actor.ts';
import { requestFacts, requesterSide } from '../requests/requests.service.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { can } from '../policies.ts';
import { type MatchCtx, notifyUser } from './notify.ts';
import { isUuid } from '../../../platform/ids.ts';

export type { MatchCtx } from './notify.ts';
export type { MatchState } from '../helpmatch.tables.ts';

/** A match to create (engine, coordinator, wave or batch). */
export interface NewMatch {
  requestId: string;
  volunteerUserId: string;
  /** The volunteer's offer; null for a latent help contact without an offer. */
  offerId: string | null;
  state: 'suggested' | 'proposed';
  source: MatchSource;
  score?: number | null;
  explanation?: ExplanationPart[];
  distanceM?: number | null;
  wave?: number;
}

const LIVE: readonly MatchState[] = ['suggested', 'proposed', 'awaiting_requester', 'accepted'];

/** What policies.ts needs to know of a match: its municipality and its two parties (the volunteer and the asking side). */
export function matchFacts(m: MatchRow, r: RequestRow) {
  return { tenantId: m.tenant_id, userIds: [m.volunteer_user_id, ...requesterSide(r)] };
}

/** A match with only its volunteer as the party (accepting and declining are theirs). */
function volunteerFacts(m: MatchRow) {
  return { tenantId: m.tenant_id, userIds: [m.volunteer_user_id] };
}

/** A request by id within the tenant, or NotFound: the row for a service that checks its own rule on it. */
async function requestRow(db: DbOrTrx, tenantId: string, id: string): Promise<RequestRow> {
  const r = isUuid(id) ? await findRequest(db, tenantId, id) : undefined;
  if (!r) throw NotFound('helpmatch.request.notFound');
  return r;
}

/** A match by id within the tenant, or NotFound: only for this file's accept and decline, which check their own rule on it right after. */
async function matchRow(db: DbOrTrx, tenantId: string, id: string): Promise<MatchRow> {
  const m = isUuid(id) ? await findMatch(db, tenantId, id) : undefined;
  if (!m) throw NotFound('helpmatch.match.notFound');
  return m;
}

/**
 * A match and its request, for whoever may see the match (`match.view`: its two parties and
 * coordinators of its municipality); Forbidden for anyone else, NotFound for an unknown id. A
 * caller with a narrower rule (follow-up: the parties only) checks it on the result as well.
 */
export async function loadMatch(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  id: string,
): Promise<{ match: MatchRow; request: RequestRow }> {
  const match = await matchRow(db, tenantId, id);
  const request = await requestOfMatch(db, tenantId, match.request_id);
  authorize(can(principal, 'match.view', matchFacts(match, request)));
  return { match, request };
}

/** Who creates matches: a coordinator's actor, or the system principal of a job (the engine's waves). */
type Proposer = Principal & { ip?: string | null };

/**
 * Create suggested or proposed matches for open requests (`match.propose`: coordinators, and jobs
 * with the system principal). Pairs that already have a live match, requests that are not open and
 * blocked volunteers are skipped; volunteers of proposed matches get a mail (without contact
 * details). Returns the created matches.
 */
export async function createMatches(db: DbOrTrx, ctx: MatchCtx, principal: Proposer, items: readonly NewMatch[]): Promise<MatchRow[]> {
  authorize(can(principal, 'match.propose', { tenantId: ctx.tenantId }));
  return insertMatchesFor(db, ctx, principal, items);
}

/** createMatches without the check: for a service that checked its own rule (a volunteer responding to a request). */
async function insertMatchesFor(db: DbOrTrx, ctx: MatchCtx, actor: Proposer, items: readonly NewMatch[]): Promise<MatchRow[]> {
  if (items.length === 0) return [];
  return inTransaction(db, async (trx) => {
    const requestIds = [...new Set(items.map((i) => i.requestId))];
    const open = new Set(
      (await listRequests(trx, ctx.tenantId, { ids: requestIds, states: ['open'], limit: requestIds.length })).map((r) => r.id),
    );
    const blocked = new Set((await listBlocked(trx, ctx.tenantId)).map((b) => b.user_id));
    const rows = items
      .filter((i) => open.has(i.requestId) && !blocked.has(i.volunteerUserId))
      .map((i) => ({
        tenant_id: ctx.tenantId,
        request_id: i.requestId,
        offer_id: i.offerId,
        volunteer_user_id: i.volunteerUserId,
        state: i.state,
        source: i.source,
        score: i.score ?? null,
        explanation: i.explanation ?? [],
        distance_m: i.distanceM ?? null,
        wave: i.wave ?? 0,
        created_by_user_id: actor.userId,
        proposed_at: i.state === 'proposed' ? ctx.now : null,
        created_at: ctx.now,
        updated_at: ctx.now,
      }));
    const created = await insertMatches(trx, rows);
    for (const m of created) {
      if (m.state === 'proposed') await notifyUser(trx, ctx, m.volunteer_user_id!, 'proposed', m.id);
    }
    if (created.length > 0) {
      await recordAudit(trx, {
        actorUserId: actor.userId,
        tenantId: ctx.tenantId,
        ip: actor.ip ?? null,
        action: 'create',
        entity: 'help_match',
        entityId: created.length === 1 ? created[0]!.id : null,
        detail: { count: created.length, source: items[0]!.source },
      });
    }
    return created;
  });
}

/** Coordinator action "stel voor aan vrijwilliger": propose an open request to a volunteer with an offer, or to a latent help contact of its buurt. */
export async function proposeToVolunteer(
  db: DbOrTrx,
  ctx: MatchCtx,
  actor: Actor,
  requestId: string,
  volunteerUserId: string,
): Promise<MatchRow> {
  authorize(can(actor, 'match.propose', { tenantId: ctx.tenantId }));
  const request = await requestRow(db, ctx.tenantId, requestId);
  if (request.state !== 'open') throw Conflict('helpmatch.request.notOpen');
  if (!isUuid(volunteerUserId)) throw Invalid({ volunteer: 'helpmatch.match.noOffer' });
  const offer = await findOfferOfUser(db, ctx.tenantId, volunteerUserId);
  // Without an offer, a latent help contact ("aanspreekpunt") of the request's buurt may be proposed.
  const latent =
    offer || !request.buurt_code ? [] : await listLatent(db, ctx.tenantId, { buurtCodes: [request.buurt_code], userId: volunteerUserId });
  if (!offer && latent.length === 0) throw Invalid({ volunteer: 'helpmatch.match.noOffer' });
  await assertNotBlocked(db, ctx.tenantId, volunteerUserId);
  // A wave may already have suggested this volunteer: then the coordinator's proposal upgrades that suggestion.
  const suggested = (await storeListMatchesOfRequest(db, ctx.tenantId, requestId)).find(
    (x) => x.volunteer_user_id === volunteerUserId && x.state === 'suggested',
  );
  if (suggested) return proposeMatch(db, ctx, actor, suggested.id);
  const [m] = await createMatches(db, ctx, actor, [
    {
      requestId,
      volunteerUserId,
      offerId: offer?.id ?? null,
      state: 'proposed',
      source: offer ? 'coordinator' : 'latent',
      distanceM: offer ? Math.round(distanceMeters(request, offer)) : null,
    },
  ]);
  if (!m) throw Conflict('helpmatch.match.exists');
  return m;
}

/** Turn an engine suggestion into a proposal to the volunteer (`match.propose`: a coordinator, or a job's system principal), who gets a mail. */
export async function proposeMatch(db: DbOrTrx, ctx: MatchCtx, actor: Proposer, matchId: string): Promise<MatchRow> {
  authorize(can(actor, 'match.propose', { tenantId: ctx.tenantId }));
  return inTransaction(db, async (trx) => {
    const m = await transitionMatch(trx, ctx.tenantId, matchId, ['suggested'], {
      state: 'proposed',
      proposed_at: ctx.now,
      updated_at: ctx.now,
    });
    if (!m) throw Conflict('helpmatch.match.notSuggested');
    await notifyUser(trx, ctx, m.volunteer_user_id!, 'proposed', m.id);
    await recordAudit(trx, {
      actorUserId: actor.userId,
      tenantId: ctx.tenantId,
      ip: actor.ip ?? null,
      action: 'propose',
      entity: 'help_match',
      entityId: m.id,
    });
    return m;
  });
}

/** A volunteer responds to an open request ("ik wil helpen"): a match that waits for the asking side to choose; blocked users are refused. */
export async function respondToRequest(db: DbOrTrx, ctx: MatchCtx, actor: Actor, requestId: string): Promise<MatchRow> {
  authorize(can(actor, 'request.respond', { tenantId: ctx.tenantId }));
  await assertNotBlocked(db, ctx.tenantId, actor.userId);
  const request = await requestRow(db, ctx.tenantId, requestId);
  if (requesterSide(request).includes(actor.userId)) throw Conflict('helpmatch.match.ownRequest');
  if (request.state !== 'open') throw Conflict('helpmatch.request.notOpen');
  const offer = await findOfferOfUser(db, ctx.tenantId, actor.userId);
  const existing = (await storeListMatchesOfRequest(db, ctx.tenantId, requestId)).find(
    (m) => m.volunteer_user_id === actor.userId && LIVE.includes(m.state),
  );
  if (existing) return existing;
  // The volunteer's own response (`request.respond`, checked above), not a coordinator's proposal.
  const [m] = await insertMatchesFor(db, ctx, actor, [
    {
      requestId,
      volunteerUserId: actor.userId,
      offerId: offer?.id ?? null,
      state: 'proposed',
      source: 'volunteer',
      distanceM: offer ? Math.round(distanceMeters(request, offer)) : null,
    },
  ]);
  if (!m) throw Conflict('helpmatch.request.notOpen');
  // Responding is saying yes: the asking side now chooses (choose.service.ts).
  return inTransaction(db, async (trx) => {
    const waiting = await transitionMatch(trx, ctx.tenantId, m.id, ['proposed'], {
      state: 'awaiting_requester',
      replied_at: ctx.now,
      updated_at: ctx.now,
    });
    for (const u of requesterSide(request)) await notifyUser(trx, ctx, u, 'choose', m.id);
    return waiting ?? m;
  });
}

/**
 * The volunteer says yes ("Ja, ik help"): the match waits for the asking side, who accepts or
 * declines before any address or contact detail is shown (choose.service.ts). The request stays
 * open: several volunteers may say yes, and the asking side chooses one. Blocked users are refused.
 */
export async function acceptMatch(db: DbOrTrx, ctx: MatchCtx, actor: Actor, matchId: string): Promise<MatchRow> {
  // The right to answer one's own matches in this municipality first; then that the actor is this match's volunteer.
  authorize(can(actor, 'match.accept', { tenantId: ctx.tenantId, userIds: [actor.userId] }));
  await assertNotBlocked(db, ctx.tenantId, actor.userId);
  return inTransaction(db, async (trx) => {
    const before = await matchRow(trx, ctx.tenantId, matchId);
    if (!can(actor, 'match.accept', volunteerFacts(before))) throw Forbidden('helpmatch.match.onlyVolunteer');
    const request = await requestOfMatch(trx, ctx.tenantId, before.request_id);
    if (request.state !== 'open') throw Conflict('helpmatch.match.alreadyTaken');
    const m = await transitionMatch(trx, ctx.tenantId, matchId, ['suggested', 'proposed'], {
      state: 'awaiting_requester',
      replied_at: before.replied_at ?? ctx.now,
      updated_at: ctx.now,
    });
    if (!m) throw Conflict('helpmatch.match.notOpenForAccept');
    for (const u of requesterSide(request)) await notifyUser(trx, ctx, u, 'choose', m.id);
    await recordAudit(trx, { ...auditOf(actor, ctx.tenantId), action: 'accept', entity: 'help_match', entityId: m.id });
    return m;
  });
}

/** The volunteer declines a suggested or proposed match, or takes back a yes the asking side has not answered yet. */
export async function declineMatch(db: DbOrTrx, ctx: MatchCtx, actor: Actor, matchId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await matchRow(trx, ctx.tenantId, matchId);
    if (!can(actor, 'match.accept', volunteerFacts(before))) throw Forbidden('helpmatch.match.onlyVolunteer');
    const m = await transitionMatch(trx, ctx.tenantId, matchId, ['suggested', 'proposed', 'awaiting_requester'], {
      state: 'declined',
      replied_at: before.replied_at ?? ctx.now,
      closed_at: ctx.now,
      updated_at: ctx.now,
    });
    if (!m) throw Conflict('helpmatch.match.notOpenForAccept');
    await recordAudit(trx, { ...auditOf(actor, ctx.tenantId), action: 'decline', entity: 'help_match', entityId: matchId });
  });
}

/**
 * End a match early: cancelled by either party or a coordinator, or no-show (reported by the asking
 * side or a coordinator). An accepted match that ends this way reopens its request.
 */
export async function endMatch(db: DbOrTrx, ctx: MatchCtx, actor: Actor, matchId: string, outcome: 'cancelled' | 'no_show'): Promise<void> {
  await inTransaction(db, async (trx) => {
    // Seeing the match (either party, or a coordinator) first; then the rule of the outcome.
    const { match: before, request } = await loadMatch(trx, actor, ctx.tenantId, matchId);
    const isVolunteer = before.volunteer_user_id === actor.userId;
    // Cancel: either party or a coordinator; no-show: the asking side or a coordinator.
    authorize(
      outcome === 'no_show'
        ? can(actor, 'match.reportNoShow', requestFacts(request))
        : can(actor, 'match.cancel', matchFacts(before, request)),
    );
    const from: MatchState[] = outcome === 'no_show' ? ['accepted'] : ['suggested', 'proposed', 'awaiting_requester', 'accepted'];
    const m = await transitionMatch(trx, ctx.tenantId, matchId, from, { state: outcome, closed_at: ctx.now, updated_at: ctx.now });
    if (!m) throw Conflict('helpmatch.match.notLive');
    if (before.state === 'accepted') {
      await transitionRequest(trx, ctx.tenantId, request.id, ['matched'], request.expires_at > ctx.now ? 'open' : 'expired', ctx.now);
      const other = isVolunteer ? requesterSide(request) : before.volunteer_user_id ? [before.volunteer_user_id] : [];
      for (const u of other) await notifyUser(trx, ctx, u, 'cancelled', matchId);
    }
    await recordAudit(trx, { ...auditOf(actor, ctx.tenantId), action: outcome, entity: 'help_match', entityId: matchId });
  });
}
