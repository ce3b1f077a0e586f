/**
 * Undoing a removed role, and finding the person again: a role an administrator took away can be
 * given back with one button for `UNDO_MINUTES`, and the person stays in the "give someone a role"
 * list for `FORMER_MEMBER_DAYS` (also when it was their last role in the municipality). Checked
 * against the people rules like the rest of the administration (`membership.add`, `membership.list`).
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { Conflict, NotFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import type { Role } from '../../../platform/roles.ts';
import { can } from '../policies.ts';
import { addMembership } from '../people.service.ts';
import * as store from './admin.removals.store.ts';

/** How long a removed role can be given back with "ongedaan maken". */
export const UNDO_MINUTES = 30;
/** How long someone who lost their roles stays findable in the "give someone a role" list. */
export const FORMER_MEMBER_DAYS = 90;

const MINUTE = 60_000;

export function formerMembersSince(now: Date): Date {
  return new Date(now.getTime() - FORMER_MEMBER_DAYS * 24 * 60 * MINUTE);
}

export interface RecentRemoval {
  id: string;
  userId: string;
  name: string;
  role: Role;
  organisationId: string | null;
  removedAt: Date;
  /** Can still be undone (within UNDO_MINUTES). */
  undoable: boolean;
}

/** Removals of the last FORMER_MEMBER_DAYS that were not undone (`membership.list`). */
export async function recentRemovals(db: DbOrTrx, principal: Principal, tenantId: string): Promise<RecentRemoval[]> {
  authorize(can(principal, 'membership.list', { tenantId }));
  const undoSince = principal.now.getTime() - UNDO_MINUTES * MINUTE;
  return (await store.listRecentRemovals(db, tenantId, formerMembersSince(principal.now))).map((r) => ({
    ...r,
    undoable: r.removedAt.getTime() >= undoSince,
  }));
}

/** Give a removed role back (`membership.add`), once, within UNDO_MINUTES. */
export async function undoRemoval(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  removalId: string,
): Promise<{ membershipId: string; userId: string; role: Role; organisationId: string | null }> {
  authorize(can(principal, 'membership.add', { tenantId }));
  if (!isUuid(removalId)) throw NotFound();
  return inTransaction(db, async (trx) => {
    const r = await store.findRemovalForUpdate(trx, tenantId, removalId);
    if (!r) throw NotFound();
    if (r.restored_at) throw Conflict('people.users.undoDone');
    if (r.removed_at.getTime() < principal.now.getTime() - UNDO_MINUTES * MINUTE) throw Conflict('people.users.undoExpired');
    const m = await addMembership(trx, { tenantId, userId: r.user_id, organisationId: r.organisation_id, role: r.role });
    await store.markRestored(trx, tenantId, r.id, principal.now);
    return { membershipId: m.id, userId: r.user_id, role: r.role, organisationId: r.organisation_id };
  });
}

/** Why a role cannot be taken away here, if so: "last" administrator of the municipality, or the acting administrator's "own" only one. */
export type RemovalBlock = 'last' | 'own';

/** Per membership id, the rows whose removal would be refused (their button is not shown). */
export function removalBlocks(
  principal: Principal,
  members: readonly { membershipId: string; userId: string; role: Role }[],
): Record<string, RemovalBlock> {
  const adminUsers = new Set(members.filter((m) => m.role === 'admin').map((m) => m.userId)).size;
  const ownAdminRoles = members.filter((m) => m.role === 'admin' && m.userId === principal.userId).length;
  const blocks: Record<string, RemovalBlock> = {};
  for (const m of members) {
    if (m.role !== 'admin') continue;
    if (adminUsers <= 1) blocks[m.membershipId] = 'last';
    else if (m.userId === principal.userId && ownAdminRoles <= 1) blocks[m.membershipId] = 'own';
  }
  return blocks;
}
