import type { DbOrTrx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { Conflict, Invalid, NotFound } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import {
  insertReport,
  type ReportRow,
  listReports as storeListReports,
  handleReport as storeHandleReport,
  block as storeBlock,
  unblock as storeUnblock,
  listBlocked as storeListBlocked,
  isBlocked as storeIsBlocked,
} from './safety.store.ts';
import { setOfferActive } from '../offers/offers.store.ts';
import { listMatchesOfVolunteer, transitionMatch } from '../matches/matches.store.ts';
import { type Actor, auditOf } from '../actor.ts';
import { authorize } from '../../../platform/principal.ts';
import { can } from '../policies.ts';
import { loadMatch, matchFacts } from '../matches/matches.service.ts';
import { sideOf } from '../matches/followup.service.ts';
import { isUuid } from '../../../platform/ids.ts';
import { MAX } from '../helpmatch.schemas.ts';

/** Report inappropriate behaviour of the other party of a match to the coordinator. */
export async function reportUser(db: DbOrTrx, tenantId: string, actor: Actor, matchId: string, reason: string, now: Date): Promise<void> {
  const text = reason.trim();
  if (text.length < 3 || text.length > MAX.longText) throw Invalid({ reason: 'helpmatch.report.reasonRequired' });
  await inTransaction(db, async (trx) => {
    const { match: m, request: r } = await loadMatch(trx, actor, tenantId, matchId);
    authorize(can(actor, 'match.followUp', matchFacts(m, r)));
    const side = sideOf(actor, m, r);
    const reported = side === 'volunteer' ? (r.requester_user_id ?? r.created_by_user_id) : m.volunteer_user_id;
    const row = await insertReport(trx, {
      tenant_id: tenantId,
      reporter_user_id: actor.userId,
      reported_user_id: reported,
      match_id: matchId,
      reason: text,
      created_at: now,
    });
    await recordAudit(trx, { ...auditOf(actor, tenantId), action: 'create', entity: 'help_report', entityId: row.id });
  });
}

/** Reports of the tenant, open ones first (coordinators). */
export function listReports(db: DbOrTrx, tenantId: string, actor: Actor): Promise<ReportRow[]> {
  authorize(can(actor, 'report.list', { tenantId }));
  return storeListReports(db, tenantId);
}

/** Mark a report as handled (coordinator). */
export async function handleReport(db: DbOrTrx, tenantId: string, actor: Actor, reportId: string, now: Date): Promise<void> {
  authorize(can(actor, 'report.handle', { tenantId }));
  if (!isUuid(reportId)) throw NotFound();
  await inTransaction(db, async (trx) => {
    if (!(await storeHandleReport(trx, tenantId, reportId, actor.userId, now))) throw Conflict('helpmatch.report.alreadyHandled');
    await recordAudit(trx, { ...auditOf(actor, tenantId), action: 'handle', entity: 'help_report', entityId: reportId });
  });
}

/** Block a user in the tenant's help marketplace (coordinator): they can no longer respond, offer, accept or send messages; their live matches are cancelled. */
export async function blockUser(db: DbOrTrx, tenantId: string, actor: Actor, userId: string, reason: string, now: Date): Promise<void> {
  authorize(can(actor, 'user.block', { tenantId }));
  if (!isUuid(userId)) throw NotFound();
  if (userId === actor.userId) throw Conflict('helpmatch.block.self');
  await inTransaction(db, async (trx) => {
    await storeBlock(trx, tenantId, userId, actor.userId, reason.trim());
    await setOfferActive(trx, tenantId, userId, false, now);
    for (const m of await listMatchesOfVolunteer(trx, tenantId, userId, ['suggested', 'proposed', 'awaiting_requester'])) {
      await transitionMatch(trx, tenantId, m.id, [m.state], { state: 'cancelled', closed_at: now, updated_at: now });
    }
    await recordAudit(trx, { ...auditOf(actor, tenantId), action: 'block', entity: 'user', entityId: userId });
  });
}

/** Lift a block (coordinator). */
export async function unblockUser(db: DbOrTrx, tenantId: string, actor: Actor, userId: string): Promise<void> {
  authorize(can(actor, 'user.block', { tenantId }));
  if (!isUuid(userId)) throw NotFound();
  await inTransaction(db, async (trx) => {
    if (!(await storeUnblock(trx, tenantId, userId))) throw NotFound();
    await recordAudit(trx, { ...auditOf(actor, tenantId), action: 'unblock', entity: 'user', entityId: userId });
  });
}

/** Blocked users of the tenant, with the reasons (coordinators). */
export function listBlocked(db: DbOrTrx, tenantId: string, actor: Actor) {
  authorize(can(actor, 'user.block', { tenantId }));
  return storeListBlocked(db, tenantId);
}

/** The ids of the users blocked in the tenant, for matching (jobs and pages leave them out; no reasons). */
export async function blockedUserIds(db: DbOrTrx, tenantId: string): Promise<string[]> {
  return (await storeListBlocked(db, tenantId)).map((b) => b.user_id);
}

/** Whether the user is blocked in the tenant's help marketplace. */
export function isBlocked(db: DbOrTrx, tenantId: string, userId: string): Promise<boolean> {
  return storeIsBlocked(db, tenantId, userId);
}
