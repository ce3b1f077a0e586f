/**
 * The care circle's part of a person's data: in the account export, and removed on account
 * deletion. A circle they own passes to the member who joined first after them, or is deleted
 * when nobody else is in it. Hours they gave stay in the figures without their name.
 */
import type { DbOrTrx, Trx } from '../../../platform/db/database.ts';
import { getUserProfile } from '../../people/people.service.ts';
import * as store from './circle.userdata.store.ts';
import * as ledgerStore from './ledger.store.ts';

async function emailOf(db: DbOrTrx, userId: string): Promise<string | null> {
  const p = await getUserProfile(db, userId).catch(() => null);
  return p?.email ?? null;
}

/** Circles, turns, invitations to the person and their reciprocity answers. */
export async function exportCircleData(db: DbOrTrx, userId: string): Promise<Record<string, unknown>> {
  const email = await emailOf(db, userId);
  return {
    circles: (await store.membershipsOfUser(db, userId)).map((c) => ({
      circleId: c.id,
      tenantId: c.tenant_id,
      personName: c.person_name,
      personDetails: c.person_details,
      createdAs: c.created_as,
      role: c.role,
      joinedAt: c.joined_at,
    })),
    circleTurns: await store.turnsOfUser(db, userId),
    circleInvitations: email ? await store.invitationsTo(db, email) : [],
    reciprocityAnswers: (await ledgerStore.answersOfUser(db, userId)).map((a) => ({
      tenantId: a.tenant_id,
      answer: a.answer,
      createdAt: a.created_at,
      updatedAt: a.updated_at,
    })),
  };
}

/** Remove the person from every circle (handing owned circles on) and delete their answers. */
export async function forgetCircleData(trx: Trx, userId: string): Promise<void> {
  const email = await emailOf(trx, userId);
  for (const c of await store.ownedCirclesWithSuccessor(trx, userId)) {
    if (c.successor) await store.promoteOwner(trx, c.tenant_id, c.circle_id, c.successor);
    else await store.deleteCircleById(trx, c.tenant_id, c.circle_id);
  }
  await store.forgetUser(trx, userId, email);
  await ledgerStore.deleteAnswersOfUser(trx, userId);
}

/** The helpmatch module's `userData` for circles and the ledger (merge with core's when both exist). */
export const circleUserData = {
  export: exportCircleData,
  forget: (trx: Trx, userId: string, _now: Date) => forgetCircleData(trx, userId),
};
