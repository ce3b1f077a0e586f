/**
 * The asking side chooses the helper (issue 12): after a volunteer said yes (`awaiting_requester`),
 * the requester — or whoever asked on their behalf — accepts or declines. Only an accepted match
 * shows addresses and contact details; a declined one leaves the request open for others.
 */
import type { DbOrTrx, Trx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { Conflict, Forbidden } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { type MatchRow, closeOtherMatches, lockRequest, transitionMatch } from './matches.store.ts';
import { transitionRequest } from '../requests/requests.store.ts';
import { type Actor, auditOf } from '../actor.ts';
import { requestFacts } from '../requests/requests.service.ts';
import { loadMatch } from './matches.service.ts';
import { can } from '../policies.ts';
import { type MatchCtx, notifyUser } from './notify.ts';
import type { RequestRow } from '../requests/requests.store.ts';

/**
 * Who may choose: the asking side (the requester, or who asked on their behalf), or — for a request
 * made on behalf of someone without an account — a coordinator after talking with that person.
 */
export function mayChoose(
  actor: Actor,
  request: Pick<RequestRow, 'tenant_id' | 'requester_user_id' | 'created_by_user_id' | 'on_behalf'>,
): boolean {
  if (can(actor, 'match.choose', requestFacts(request))) return true;
  return request.on_behalf && can(actor, 'match.chooseOnBehalf', { tenantId: request.tenant_id });
}

async function acceptIn(trx: Trx, ctx: MatchCtx, actor: Actor, matchId: string): Promise<MatchRow> {
  const { match: before, request } = await loadMatch(trx, actor, ctx.tenantId, matchId);
  if (!mayChoose(actor, request)) throw Forbidden('helpmatch.choose.onlyRequester');
  if (request.state !== 'open') throw Conflict('helpmatch.choose.alreadyChosen');
  if (before.state !== 'awaiting_requester') throw Conflict('helpmatch.choose.notWaiting');
  // Lock the request row: two choices at once (two tabs, two people on the asking side) queue here.
  const locked = await lockRequest(trx, ctx.tenantId, before.request_id);
  if (!locked || locked.state !== 'open') throw Conflict('helpmatch.choose.alreadyChosen');
  const m = await transitionMatch(trx, ctx.tenantId, matchId, ['awaiting_requester'], {
    state: 'accepted',
    accepted_at: ctx.now,
    updated_at: ctx.now,
  });
  if (!m) throw Conflict('helpmatch.choose.notWaiting');
  if (!(await transitionRequest(trx, ctx.tenantId, m.request_id, ['open'], 'matched', ctx.now))) {
    throw Conflict('helpmatch.choose.alreadyChosen');
  }
  const others = await closeOtherMatches(trx, ctx.tenantId, m.request_id, m.id, ctx.now);
  for (const o of others) if (o.volunteer_user_id) await notifyUser(trx, ctx, o.volunteer_user_id, 'notChosen', o.id);
  await notifyUser(trx, ctx, m.volunteer_user_id!, 'chosen', m.id);
  await recordAudit(trx, { ...auditOf(actor, ctx.tenantId), action: 'choose', entity: 'help_match', entityId: m.id });
  return m;
}

/**
 * The asking side accepts the volunteer who said yes (`match.choose`). Race-safe: the request row is
 * locked and moved open → matched, so of two choices at once exactly one wins; the other volunteers
 * who said yes are told kindly that someone else helps.
 */
export async function acceptHelper(db: DbOrTrx, ctx: MatchCtx, actor: Actor, matchId: string): Promise<MatchRow> {
  try {
    return await inTransaction(db, (trx) => acceptIn(trx, ctx, actor, matchId));
  } catch (err) {
    // The partial unique index (one accepted match per request) is the last line of defence.
    if ((err as { code?: string }).code === '23505') throw Conflict('helpmatch.choose.alreadyChosen');
    throw err;
  }
}

/** The asking side declines the volunteer who said yes: the volunteer is thanked, the request stays open for others. */
export async function declineHelper(db: DbOrTrx, ctx: MatchCtx, actor: Actor, matchId: string): Promise<MatchRow> {
  return inTransaction(db, async (trx) => {
    const { request } = await loadMatch(trx, actor, ctx.tenantId, matchId);
    if (!mayChoose(actor, request)) throw Forbidden('helpmatch.choose.onlyRequester');
    const m = await transitionMatch(trx, ctx.tenantId, matchId, ['awaiting_requester'], {
      state: 'not_chosen',
      closed_at: ctx.now,
      updated_at: ctx.now,
    });
    if (!m) throw Conflict('helpmatch.choose.notWaiting');
    if (m.volunteer_user_id) await notifyUser(trx, ctx, m.volunteer_user_id, 'notChosen', m.id);
    await recordAudit(trx, { ...auditOf(actor, ctx.tenantId), action: 'not_chosen', entity: 'help_match', entityId: m.id });
    return m;
  });
}
