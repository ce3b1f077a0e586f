/**
 * Payouts of a decided initiative: each with its day and amount; several part payments are allowed
 * as long as their sum stays within the amount decided. A payout above what is left is refused with
 * the amount that is left; nothing is written. The application's `paid_cents` is the sum, `paid_on`
 * the day of the latest payout, and its status becomes "paid" at the first payout.
 */
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { AppError, Conflict } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { localDate } from '../../../platform/time.ts';
import { can } from '../policies.ts';
import * as store from './review.store.ts';
import { formatEuro } from './letters.ts';
import { reviewApplication } from './review.service.ts';

export interface PayoutInput {
  paidOn: string;
  amountCents: number;
}

/** Record one payout; refused when there is no approval, the day is in the future, or the amount is above what is left. */
export async function recordPayout(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  reference: string,
  input: PayoutInput,
): Promise<void> {
  authorize(can(principal, 'initiative.pay', { tenantId }));
  const { row } = await reviewApplication(db, principal, tenantId, reference);
  if (!Number.isInteger(input.amountCents) || input.amountCents <= 0) {
    throw new AppError(422, 'invalid', 'error.invalid', { amount: 'initiatives.review.error.amount' });
  }
  if (input.paidOn > localDate(principal.now)) {
    throw new AppError(422, 'invalid', 'error.invalid', { paidOn: 'initiatives.review.error.paidOnFuture' });
  }
  if (row.decided_at && input.paidOn < localDate(row.decided_at)) {
    throw new AppError(422, 'invalid', 'error.invalid', { paidOn: 'initiatives.review.error.paidOnBeforeDecision' });
  }
  await inTransaction(db, async (trx) => {
    const locked = await store.lockApplication(trx, tenantId, row.id);
    if (!locked || (locked.decision !== 'full' && locked.decision !== 'partial') || locked.granted_cents === null) {
      throw Conflict('initiatives.review.error.noApproval', { amount: 'initiatives.review.error.noApproval' });
    }
    const left = locked.granted_cents - locked.paid_cents;
    if (input.amountCents > left) {
      throw new AppError(
        422,
        'payout_above_decision',
        'error.invalid',
        { amount: 'initiatives.review.error.aboveDecision' },
        { left: formatEuro(left), granted: formatEuro(locked.granted_cents) },
      );
    }
    await store.insertPayout(trx, {
      tenantId,
      applicationId: row.id,
      paidOn: input.paidOn,
      amountCents: input.amountCents,
      recordedBy: principal.userId,
      now: principal.now,
    });
    const latest = row.paid_on && row.paid_on > input.paidOn ? row.paid_on : input.paidOn;
    const ok = await store.updateWhen(trx, tenantId, row.id, ['decided', 'paid', 'accounted'], {
      paid_cents: locked.paid_cents + input.amountCents,
      paid_on: latest,
      ...(locked.status === 'decided' ? { status: 'paid' as const } : {}),
      updated_at: principal.now,
    });
    if (!ok) throw Conflict('initiatives.review.error.noApproval', { amount: 'initiatives.review.error.noApproval' });
    await recordAudit(trx, {
      tenantId,
      actorUserId: principal.userId,
      action: 'payout',
      entity: 'initiative_application',
      entityId: row.id,
      detail: { amountCents: input.amountCents, paidOn: input.paidOn },
    });
  });
}
