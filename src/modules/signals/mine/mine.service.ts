/**
 * "Mijn meldingen": the signals a resident reported with their account and the ones they follow
 * with it; following and unfollowing with an account; a short-lived tracking link to view one.
 */
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { Conflict, Forbidden, NotFound } from '../../../platform/errors.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { can } from '../policies.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import * as store from './mine.store.ts';
import * as tracking from '../tracking/tracking.store.ts';
import { hashToken, newToken } from '../../../platform/tokens.ts';
import { isClosed, type SignalState } from '../workflow.ts';

/** One of "my signals", as the page shows it. */
export interface MySignal {
  publicId: string;
  categoryName: string;
  /** '' when no English name is stored. */
  categoryNameEn: string;
  state: SignalState;
  createdAt: Date;
  /** Reported with this account (also sensitive ones). */
  reported: boolean;
  /** Followed with this account. */
  following: boolean;
}

function mySignal(r: store.MineRow): MySignal {
  return {
    publicId: r.public_id,
    categoryName: r.category_name,
    categoryNameEn: r.category_name_en,
    state: r.state,
    createdAt: r.created_at,
    reported: r.reported,
    following: r.follower_id !== null,
  };
}
/** How long the link behind "Bekijk" works: it is made fresh on every click. */
export const VIEW_LINK_HOURS = 24;

/** Who acts: a signed-in principal in a municipality (and the request's address for the audit). */
interface Actor {
  principal: Principal;
  ip?: string | null;
}
interface Who {
  tenantId: string;
  userId: string;
  ip: string | null;
  now: Date;
}

/** The principal's own list (`signal.mine`): signed in, in a municipality; Forbidden otherwise. */
function whoOf(actor: Actor): Who {
  const { principal } = actor;
  authorize(can(principal, 'signal.mine'));
  if (!principal.tenantId || !principal.userId) throw Forbidden();
  return { tenantId: principal.tenantId, userId: principal.userId, ip: actor.ip ?? null, now: principal.now };
}

/** The signals the principal reported (also sensitive ones) and follows (never sensitive), newest first. */
export async function listMySignals(db: DbOrTrx, principal: Principal): Promise<MySignal[]> {
  const who = whoOf({ principal });
  return (await store.listMine(db, who.tenantId, who.userId)).map(mySignal);
}

/** A signal others may follow: unknown and sensitive ones are NotFound (existence is not revealed). */
async function followable(db: DbOrTrx, tenantId: string, publicId: string) {
  const s = await store.findWithCategory(db, tenantId, publicId);
  if (!s || s.sensitive) throw NotFound('signals.error.notFound');
  return s;
}

/** Follow an open, non-sensitive signal with an account: updates go to the account's e-mail address. */
export async function followWithAccount(
  db: DbOrTrx,
  actor: Actor & { email: string; publicId: string },
): Promise<'followed' | 'already' | 'own'> {
  const who = { ...whoOf(actor), email: actor.email, publicId: actor.publicId };
  return inTransaction(db, async (trx) => {
    const s = await followable(trx, who.tenantId, who.publicId);
    if (s.reporter_user_id === who.userId) return 'own';
    if (isClosed(s.state as SignalState)) throw Conflict('signals.mine.closedError');
    const email = who.email.trim().toLowerCase();
    const existing = await store.findFollowers(trx, who.tenantId, s.id, who.userId, email);
    if (existing.some((f) => f.user_id === who.userId)) return 'already';
    const byEmail = existing.find((f) => f.email === email && f.user_id === null);
    if (byEmail) await store.attachAccount(trx, who.tenantId, byEmail.id, who.userId);
    else await store.insertAccountFollower(trx, { tenantId: who.tenantId, signalId: s.id, userId: who.userId, email, now: who.now });
    await recordAudit(trx, {
      tenantId: who.tenantId,
      actorUserId: who.userId,
      ip: who.ip,
      action: 'follow',
      entity: 'signal',
      entityId: s.id,
      detail: { account: true },
    });
    return 'followed';
  });
}

/** Stop following a signal with an account (its tracking links for the account stop working too). */
export async function unfollowWithAccount(db: DbOrTrx, actor: Actor & { publicId: string }): Promise<void> {
  const who = { ...whoOf(actor), publicId: actor.publicId };
  await inTransaction(db, async (trx) => {
    const s = await store.findWithCategory(trx, who.tenantId, who.publicId);
    if (!s) throw NotFound('signals.error.notFound');
    const n = await store.deleteAccountFollowers(trx, who.tenantId, s.id, who.userId);
    if (n > 0) {
      await recordAudit(trx, {
        tenantId: who.tenantId,
        actorUserId: who.userId,
        ip: who.ip,
        action: 'unfollow',
        entity: 'signal',
        entityId: s.id,
        detail: { account: true },
      });
    }
  });
}

/** A fresh tracking token (valid 24 hours) for a signal on the user's list: the reporter's view for their own report, a follower's otherwise; NotFound for anything else. */
export async function viewToken(db: DbOrTrx, actor: Actor & { publicId: string }): Promise<string> {
  const who = { ...whoOf(actor), publicId: actor.publicId };
  const s = await store.findWithCategory(db, who.tenantId, who.publicId);
  if (!s) throw NotFound('signals.error.notFound');
  let followerId: string | null = null;
  if (s.reporter_user_id !== who.userId) {
    const mine = s.sensitive
      ? []
      : (await store.findFollowers(db, who.tenantId, s.id, who.userId, '')).filter((f) => f.user_id === who.userId);
    if (!mine[0]) throw NotFound('signals.error.notFound');
    followerId = mine[0].id;
  }
  const token = newToken();
  await tracking.insertToken(db, {
    tokenHash: hashToken(token),
    tenantId: who.tenantId,
    signalId: s.id,
    followerId,
    now: who.now,
    expiresAt: new Date(who.now.getTime() + VIEW_LINK_HOURS * 3_600_000),
  });
  return token;
}
