import type { DbOrTrx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import * as store from '../helpmatch.store.ts';
import { type Actor, auditOf, isCoordinator } from './common.ts';
import { loadRequest } from './requests.ts';
import { loadMatch } from './matches.ts';
import { sideOf } from './followup.ts';
import { isUuid } from '../../../platform/ids.ts';

/** Report inappropriate behaviour of the other party of a match to the coordinator. */
export async function reportUser(db: DbOrTrx, tenantId: string, actor: Actor, matchId: string, reason: string, now: Date): Promise<void> {
  const text = reason.trim();
  if (text.length < 3 || text.length > 2000) throw Invalid({ reason: 'helpmatch.report.reasonRequired' });
  await inTransaction(db, async (trx) => {
    const m = await loadMatch(trx, tenantId, matchId);
    const r = await loadRequest(trx, tenantId, m.request_id);
    const side = sideOf(actor, m, r);
    if (side !== 'volunteer' && side !== 'requester') throw Forbidden();
    const reported = side === 'volunteer' ? (r.requester_user_id ?? r.created_by_user_id) : m.volunteer_user_id;
    const row = await store.insertReport(trx, {
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
export function listReports(db: DbOrTrx, tenantId: string): Promise<store.ReportRow[]> {
  return store.listReports(db, tenantId);
}

/** Mark a report as handled (coordinator). */
export async function handleReport(db: DbOrTrx, tenantId: string, actor: Actor, reportId: string, now: Date): Promise<void> {
  if (!isCoordinator(actor)) throw Forbidden();
  if (!isUuid(reportId)) throw NotFound();
  await inTransaction(db, async (trx) => {
    if (!(await store.handleReport(trx, tenantId, reportId, actor.userId, now))) throw Conflict('helpmatch.report.alreadyHandled');
    await recordAudit(trx, { ...auditOf(actor, tenantId), action: 'handle', entity: 'help_report', entityId: reportId });
  });
}

/** Block a user in the tenant's help marketplace (coordinator): they can no longer respond, offer, accept or send messages; their live matches are cancelled. */
export async function blockUser(db: DbOrTrx, tenantId: string, actor: Actor, userId: string, reason: string, now: Date): Promise<void> {
  if (!isCoordinator(actor)) throw Forbidden();
  if (!isUuid(userId)) throw NotFound();
  if (userId === actor.userId) throw Conflict('helpmatch.block.self');
  await inTransaction(db, async (trx) => {
    await store.block(trx, tenantId, userId, actor.userId, reason.trim());
    await store.setOfferActive(trx, tenantId, userId, false, now);
    for (const m of await store.listMatchesOfVolunteer(trx, tenantId, userId, ['suggested', 'proposed'])) {
      await store.transitionMatch(trx, tenantId, m.id, [m.state], { state: 'cancelled', closed_at: now, updated_at: now });
    }
    await recordAudit(trx, { ...auditOf(actor, tenantId), action: 'block', entity: 'user', entityId: userId });
  });
}

/** Lift a block (coordinator). */
export async function unblockUser(db: DbOrTrx, tenantId: string, actor: Actor, userId: string): Promise<void> {
  if (!isCoordinator(actor)) throw Forbidden();
  if (!isUuid(userId)) throw NotFound();
  await inTransaction(db, async (trx) => {
    if (!(await store.unblock(trx, tenantId, userId))) throw NotFound();
    await recordAudit(trx, { ...auditOf(actor, tenantId), action: 'unblock', entity: 'user', entityId: userId });
  });
}

/** Blocked users of the tenant. */
export function listBlocked(db: DbOrTrx, tenantId: string) {
  return store.listBlocked(db, tenantId);
}

/** Whether the user is blocked in the tenant's help marketplace. */
export function isBlocked(db: DbOrTrx, tenantId: string, userId: string): Promise<boolean> {
  return store.isBlocked(db, tenantId, userId);
}
