/**
 * The reciprocity ledger (wederkerigheid): hours given and received per person, from done matches
 * with confirmed hours and from done circle turns, and what people who received help could offer.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { Invalid } from '../../../platform/errors.ts';
import * as store from './ledger.store.ts';
import { MAX } from '../helpmatch.schemas.ts';
import { authorize } from '../../../platform/principal.ts';
import { can } from '../policies.ts';
import type { Actor } from '../actor.ts';

export interface MyLedger {
  given: { matches: number; circles: number; total: number };
  received: { matches: number; circles: number; total: number };
  answer: { text: string; updatedAt: Date } | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The actor's hours given and received in this tenant, and their reciprocity answer. */
export async function myLedger(db: DbOrTrx, tenantId: string, actor: Actor): Promise<MyLedger> {
  authorize(can(actor, 'ledger.view', { tenantId, userIds: [actor.userId] }));
  const userId = actor.userId;
  const h = await store.hoursOfUser(db, tenantId, userId);
  const a = await store.findAnswer(db, tenantId, userId);
  return {
    given: { matches: round2(h.matchGiven), circles: round2(h.circleGiven), total: round2(h.matchGiven + h.circleGiven) },
    received: { matches: round2(h.matchReceived), circles: round2(h.circleReceived), total: round2(h.matchReceived + h.circleReceived) },
    answer: a ? { text: a.answer, updatedAt: a.updated_at } : null,
  };
}

export interface LedgerTotals {
  /** Every hour given is received by someone: the two are equal, from matches and circles together. */
  hoursGiven: number;
  hoursReceived: number;
  matchHours: number;
  circleHours: number;
  /** Distinct people who gave hours. */
  peopleGiving: number;
  /** Distinct people who received hours (someone without an account counts once per request or circle). */
  peopleReceiving: number;
}

/** Hours and people for a set of areas (a wijk with its buurten; null for the whole municipality), for dashboards. */
export async function ledgerTotals(db: DbOrTrx, tenantId: string, areaCodes: readonly string[] | null): Promise<LedgerTotals> {
  if (areaCodes !== null && areaCodes.length === 0) {
    return { hoursGiven: 0, hoursReceived: 0, matchHours: 0, circleHours: 0, peopleGiving: 0, peopleReceiving: 0 };
  }
  const t = await store.totals(db, tenantId, areaCodes);
  const hours = round2(t.match_hours + t.circle_hours);
  return {
    hoursGiven: hours,
    hoursReceived: hours,
    matchHours: round2(t.match_hours),
    circleHours: round2(t.circle_hours),
    peopleGiving: t.people_giving,
    peopleReceiving: t.people_receiving,
  };
}

/** Hours done in one circle. */
export async function circleHoursTotal(db: DbOrTrx, tenantId: string, circleId: string): Promise<number> {
  return round2(await store.circleHours(db, tenantId, circleId));
}

/** Store (or replace) what the person could offer in return; an empty answer removes it. */
export async function saveReciprocityAnswer(
  db: DbOrTrx,
  tenantId: string,
  actor: Actor,
  answer: string,
  now: Date,
): Promise<'saved' | 'removed'> {
  authorize(can(actor, 'ledger.view', { tenantId, userIds: [actor.userId] }));
  const text = answer.trim();
  if (text.length > MAX.text) throw Invalid({ answer: 'form.tooLong' });
  return inTransaction(db, async (trx) => {
    if (text.length === 0) {
      await store.deleteAnswer(trx, tenantId, actor.userId);
      await recordAudit(trx, {
        tenantId,
        actorUserId: actor.userId,
        ip: actor.ip ?? null,
        action: 'delete',
        entity: 'helpmatch_reciprocity',
        entityId: actor.userId,
      });
      return 'removed' as const;
    }
    await store.upsertAnswer(trx, tenantId, actor.userId, text, now);
    await recordAudit(trx, {
      tenantId,
      actorUserId: actor.userId,
      ip: actor.ip ?? null,
      action: 'update',
      entity: 'helpmatch_reciprocity',
      entityId: actor.userId,
    });
    return 'saved' as const;
  });
}
