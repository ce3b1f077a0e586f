/**
 * Weekly help that lasts (issue 12): a weekly arrangement stays `accepted` week after week. Either
 * side records the hours of a week (a session); the other side confirms them; the confirmed weeks
 * add up in `help_matches.hours`, which the ledger and the dashboards count while the arrangement
 * goes on. It ends only when either side (or a coordinator) ends it.
 */
import { DateTime } from 'luxon';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { Conflict, Invalid } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { authorize } from '../../../platform/principal.ts';
import { ZONE } from '../../../platform/time.ts';
import { type MatchRow, transitionMatch } from './matches.store.ts';
import { transitionRequest } from '../requests/requests.store.ts';
import { confirmSession, confirmedHours, findSession, putSession, type SessionRow } from './sessions.store.ts';
import { type Actor, auditOf } from '../actor.ts';
import { requesterSide } from '../requests/requests.service.ts';
import { loadMatch, matchFacts } from './matches.service.ts';
import { sideOf } from './followup.service.ts';
import { can } from '../policies.ts';
import { type MatchCtx, notifyUser } from './notify.ts';
import { MAX } from '../helpmatch.schemas.ts';

/** How many past weeks the hours form offers (newest first). */
const WEEKS_BACK = 12;

/** The Monday (Europe/Amsterdam) of the week of a moment, 'YYYY-MM-DD'. */
export function weekStartOf(at: Date): string {
  return DateTime.fromJSDate(at, { zone: ZONE }).startOf('week').toISODate()!;
}

/** The weeks one may record hours for: from the week of acceptance to this week, newest first (at most 12). */
export function recordableWeeks(acceptedAt: Date, now: Date): string[] {
  const first = weekStartOf(acceptedAt);
  const out: string[] = [];
  let w = DateTime.fromISO(weekStartOf(now), { zone: ZONE });
  while (out.length < WEEKS_BACK && w.toISODate()! >= first) {
    out.push(w.toISODate()!);
    w = w.minus({ weeks: 1 });
  }
  return out;
}

/** A week of a weekly arrangement as its page shows it. */
export interface WeekView {
  week: string;
  hours: number;
  confirmedByVolunteer: boolean;
  confirmedByRequester: boolean;
}

export function weekView(s: SessionRow): WeekView {
  return {
    week: s.week_start,
    hours: Number(s.hours),
    confirmedByVolunteer: s.confirmed_volunteer_at !== null,
    confirmedByRequester: s.confirmed_requester_at !== null,
  };
}

/** The match and request for a weekly follow-up by one of the two parties; Conflict when it is not an accepted weekly arrangement. */
async function weeklyOf(db: DbOrTrx, ctx: MatchCtx, actor: Actor, matchId: string) {
  const { match, request } = await loadMatch(db, actor, ctx.tenantId, matchId);
  authorize(can(actor, 'match.followUp', matchFacts(match, request)));
  const side = sideOf(actor, match, request);
  if (request.schedule_kind !== 'weekly') throw Conflict('helpmatch.session.notWeekly');
  if (match.state !== 'accepted' || match.accepted_at === null) throw Conflict('helpmatch.hours.notAccepted');
  if (side !== 'volunteer' && side !== 'requester') throw Conflict('helpmatch.hours.notAccepted');
  return { match, request, side, acceptedAt: match.accepted_at };
}

/**
 * Record the hours of one week (either party, on an accepted weekly arrangement); this confirms the
 * recorder's side and asks the other side to confirm. A week both sides confirmed cannot change:
 * Conflict with the message beside the week field, and nothing is stored.
 */
export async function recordWeekHours(
  db: DbOrTrx,
  ctx: MatchCtx,
  actor: Actor,
  matchId: string,
  week: string,
  hours: number,
): Promise<SessionRow> {
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX.matchHours) throw Invalid({ hours: 'helpmatch.hours.invalid' });
  const rounded = Math.round(hours * 4) / 4;
  return inTransaction(db, async (trx) => {
    const { match: m, request: r, side, acceptedAt } = await weeklyOf(trx, ctx, actor, matchId);
    if (!recordableWeeks(acceptedAt, ctx.now).includes(week)) throw Invalid({ week: 'helpmatch.session.weekInvalid' });
    const s = await putSession(trx, {
      tenant_id: ctx.tenantId,
      match_id: matchId,
      week_start: week,
      hours: rounded,
      recorded_by: actor.userId,
      side,
      now: ctx.now,
    });
    if (!s) throw Conflict('helpmatch.session.alreadyConfirmed', { week: 'helpmatch.session.alreadyConfirmed' });
    const others = side === 'volunteer' ? requesterSide(r) : [m.volunteer_user_id!];
    for (const u of others) await notifyUser(trx, ctx, u, 'hours', matchId);
    await recordAudit(trx, {
      ...auditOf(actor, ctx.tenantId),
      action: 'record_hours',
      entity: 'help_match',
      entityId: matchId,
      detail: { hours: rounded, week },
    });
    return s;
  });
}

/**
 * The other side confirms the hours of a week. Then the arrangement's total (`hours`) is the sum of
 * the confirmed weeks and both confirmation times are set, so the ledger counts it; the match and
 * its request stay as they are (weekly help goes on).
 */
export async function confirmWeek(db: DbOrTrx, ctx: MatchCtx, actor: Actor, matchId: string, week: string): Promise<MatchRow> {
  return inTransaction(db, async (trx) => {
    const { side } = await weeklyOf(trx, ctx, actor, matchId);
    const before = await findSession(trx, ctx.tenantId, matchId, week);
    if (!before) throw Conflict('helpmatch.hours.nothingToConfirm');
    const mine = side === 'volunteer' ? before.confirmed_volunteer_at : before.confirmed_requester_at;
    const theirs = side === 'volunteer' ? before.confirmed_requester_at : before.confirmed_volunteer_at;
    if (mine !== null && theirs !== null) throw Conflict('helpmatch.session.alreadyConfirmed');
    if (mine !== null) throw Conflict('helpmatch.session.waitForOther');
    const s = await confirmSession(trx, ctx.tenantId, matchId, week, side, ctx.now);
    if (!s) throw Conflict('helpmatch.session.alreadyConfirmed');
    const total = await confirmedHours(trx, ctx.tenantId, matchId);
    const updated = await transitionMatch(trx, ctx.tenantId, matchId, ['accepted'], {
      hours: total,
      hours_recorded_by: s.recorded_by,
      hours_confirmed_volunteer_at: ctx.now,
      hours_confirmed_requester_at: ctx.now,
      updated_at: ctx.now,
    });
    if (!updated) throw Conflict('helpmatch.hours.notAccepted');
    await recordAudit(trx, {
      ...auditOf(actor, ctx.tenantId),
      action: 'confirm_hours',
      entity: 'help_match',
      entityId: matchId,
      detail: { week, hours: Number(s.hours) },
    });
    return updated;
  });
}

/**
 * End a weekly arrangement (either party, or a coordinator: `match.cancel`): the match and its
 * request are done; the confirmed weeks keep counting, weeks still waiting for confirmation do not.
 */
export async function endArrangement(db: DbOrTrx, ctx: MatchCtx, actor: Actor, matchId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const { match: m, request: r } = await loadMatch(trx, actor, ctx.tenantId, matchId);
    authorize(can(actor, 'match.cancel', matchFacts(m, r)));
    if (r.schedule_kind !== 'weekly') throw Conflict('helpmatch.session.notWeekly');
    const ended = await transitionMatch(trx, ctx.tenantId, matchId, ['accepted'], {
      state: 'done',
      closed_at: ctx.now,
      updated_at: ctx.now,
    });
    if (!ended) throw Conflict('helpmatch.match.notLive');
    await transitionRequest(trx, ctx.tenantId, r.id, ['matched'], 'done', ctx.now);
    const side = sideOf(actor, m, r);
    const tell = [...(side === 'volunteer' ? [] : [m.volunteer_user_id]), ...(side === 'requester' ? [] : requesterSide(r))];
    for (const u of tell) if (u && u !== actor.userId) await notifyUser(trx, ctx, u, 'ended', matchId);
    await recordAudit(trx, { ...auditOf(actor, ctx.tenantId), action: 'end', entity: 'help_match', entityId: matchId });
  });
}
