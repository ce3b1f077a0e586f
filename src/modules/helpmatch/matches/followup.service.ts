import type { DbOrTrx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { Conflict, Invalid } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { type MatchRow, transitionMatch, insertMessage } from './matches.store.ts';
import { type RequestRow, transitionRequest } from '../requests/requests.store.ts';
import { type Actor, assertNotBlocked, auditOf } from '../actor.ts';
import { requesterSide } from '../requests/requests.service.ts';
import { loadMatch, matchFacts } from './matches.service.ts';
import { authorize, reachOf } from '../../../platform/principal.ts';
import { can, RULES } from '../policies.ts';
import { type MatchCtx, notifyUser } from './notify.ts';
import { MAX } from '../helpmatch.schemas.ts';

/** Which side of a match the actor is on (or coordinator / none). */
export type MatchSide = 'volunteer' | 'requester' | 'coordinator' | 'none';

/** The actor's side of a match; the volunteer and the asking side come before the coordinator's reach over every match. */
export function sideOf(actor: Actor, m: MatchRow, r: RequestRow): MatchSide {
  if (m.volunteer_user_id === actor.userId) return 'volunteer';
  if (requesterSide(r).includes(actor.userId)) return 'requester';
  if (m.tenant_id === actor.tenantId && reachOf(RULES, actor, 'match.view') === 'all') return 'coordinator';
  return 'none';
}

/**
 * Record the hours spent (either party, on an accepted one-off match); this confirms the recorder's
 * side. When both sides have confirmed the same hours the match is done, and so is its request.
 * A weekly arrangement records hours per week instead (sessions.service.ts).
 */
export async function recordHours(db: DbOrTrx, ctx: MatchCtx, actor: Actor, matchId: string, hours: number): Promise<MatchRow> {
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX.matchHours) throw Invalid({ hours: 'helpmatch.hours.invalid' });
  const rounded = Math.round(hours * 4) / 4;
  return inTransaction(db, async (trx) => {
    const { match: m, request: r } = await loadMatch(trx, actor, ctx.tenantId, matchId);
    authorize(can(actor, 'match.followUp', matchFacts(m, r)));
    const side = sideOf(actor, m, r);
    if (m.state !== 'accepted') throw Conflict('helpmatch.hours.notAccepted');
    // A weekly arrangement records hours per week (sessions.service.ts).
    if (r.schedule_kind === 'weekly') throw Invalid({ week: 'helpmatch.session.weekInvalid' });
    const updated = await transitionMatch(trx, ctx.tenantId, matchId, ['accepted'], {
      hours: rounded,
      hours_recorded_by: actor.userId,
      hours_confirmed_volunteer_at: side === 'volunteer' ? ctx.now : null,
      hours_confirmed_requester_at: side === 'requester' ? ctx.now : null,
      updated_at: ctx.now,
    });
    if (!updated) throw Conflict('helpmatch.hours.notAccepted');
    const others = side === 'volunteer' ? requesterSide(r) : [m.volunteer_user_id!];
    for (const u of others) await notifyUser(trx, ctx, u, 'hours', matchId);
    await recordAudit(trx, {
      ...auditOf(actor, ctx.tenantId),
      action: 'record_hours',
      entity: 'help_match',
      entityId: matchId,
      detail: { hours: rounded },
    });
    return updated;
  });
}

/** The other party confirms the recorded hours; with both confirmations the match and request are done. */
export async function confirmHours(db: DbOrTrx, ctx: MatchCtx, actor: Actor, matchId: string): Promise<MatchRow> {
  return inTransaction(db, async (trx) => {
    const { match: m, request: r } = await loadMatch(trx, actor, ctx.tenantId, matchId);
    authorize(can(actor, 'match.followUp', matchFacts(m, r)));
    const side = sideOf(actor, m, r);
    // A weekly arrangement confirms per week and is never done by confirming (sessions.service.ts).
    if (m.state !== 'accepted' || m.hours === null || r.schedule_kind === 'weekly') throw Conflict('helpmatch.hours.nothingToConfirm');
    const vol = side === 'volunteer' ? ctx.now : m.hours_confirmed_volunteer_at;
    const req = side === 'requester' ? ctx.now : m.hours_confirmed_requester_at;
    const done = vol !== null && req !== null;
    const updated = await transitionMatch(trx, ctx.tenantId, matchId, ['accepted'], {
      hours_confirmed_volunteer_at: vol,
      hours_confirmed_requester_at: req,
      ...(done ? { state: 'done' as const, closed_at: ctx.now } : {}),
      updated_at: ctx.now,
    });
    if (!updated) throw Conflict('helpmatch.hours.nothingToConfirm');
    if (done) await transitionRequest(trx, ctx.tenantId, r.id, ['matched'], 'done', ctx.now);
    await recordAudit(trx, {
      ...auditOf(actor, ctx.tenantId),
      action: done ? 'complete' : 'confirm_hours',
      entity: 'help_match',
      entityId: matchId,
    });
    return updated;
  });
}

/** Feedback of one side (text and an optional rating 1–5), after acceptance. */
export async function giveFeedback(
  db: DbOrTrx,
  ctx: MatchCtx,
  actor: Actor,
  matchId: string,
  text: string,
  rating: number | null,
): Promise<void> {
  if (rating !== null && (!Number.isInteger(rating) || rating < 1 || rating > 5)) {
    throw Invalid({ rating: 'helpmatch.feedback.ratingInvalid' });
  }
  await inTransaction(db, async (trx) => {
    const { match: m, request: r } = await loadMatch(trx, actor, ctx.tenantId, matchId);
    authorize(can(actor, 'match.followUp', matchFacts(m, r)));
    const side = sideOf(actor, m, r);
    if (!['accepted', 'done', 'no_show', 'cancelled'].includes(m.state) || m.accepted_at === null) {
      throw Conflict('helpmatch.feedback.tooEarly');
    }
    const set =
      side === 'volunteer'
        ? { feedback_volunteer: text.trim(), rating_volunteer: rating, updated_at: ctx.now }
        : { feedback_requester: text.trim(), rating_requester: rating, updated_at: ctx.now };
    await transitionMatch(trx, ctx.tenantId, matchId, [m.state], set);
    await recordAudit(trx, { ...auditOf(actor, ctx.tenantId), action: 'feedback', entity: 'help_match', entityId: matchId });
  });
}

/** Post a message in a match's thread (either party, while the match is live); the other side gets a mail without the text. */
export async function postMessage(db: DbOrTrx, ctx: MatchCtx, actor: Actor, matchId: string, body: string): Promise<void> {
  const text = body.trim();
  if (text.length === 0 || text.length > MAX.longText) throw Invalid({ body: 'helpmatch.message.invalid' });
  await assertNotBlocked(db, ctx.tenantId, actor.userId);
  await inTransaction(db, async (trx) => {
    const { match: m, request: r } = await loadMatch(trx, actor, ctx.tenantId, matchId);
    authorize(can(actor, 'match.followUp', matchFacts(m, r)));
    const side = sideOf(actor, m, r);
    if (!['suggested', 'proposed', 'awaiting_requester', 'accepted'].includes(m.state)) throw Conflict('helpmatch.match.notLive');
    await insertMessage(trx, {
      tenant_id: ctx.tenantId,
      match_id: matchId,
      author_user_id: actor.userId,
      body: text,
      created_at: ctx.now,
    });
    if (side === 'volunteer' && m.replied_at === null) {
      await transitionMatch(trx, ctx.tenantId, matchId, [m.state], { replied_at: ctx.now });
    }
    const others = side === 'volunteer' ? requesterSide(r) : [m.volunteer_user_id!];
    for (const u of others) await notifyUser(trx, ctx, u, 'message', matchId);
    await recordAudit(trx, { ...auditOf(actor, ctx.tenantId), action: 'message', entity: 'help_match', entityId: matchId });
  });
}
