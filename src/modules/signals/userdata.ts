/** A person's signals data for the account export, and forgetting it on account deletion. */
import type { DbOrTrx, Trx } from '../../platform/db/database.ts';

/** Signals the user reported (with their contact details) and the signals they follow. */
export async function exportSignalsData(db: DbOrTrx, userId: string): Promise<Record<string, unknown>> {
  const reported = await db
    .selectFrom('signals_signals')
    .select(['tenant_id', 'public_id', 'description', 'address', 'state', 'reporter_name', 'reporter_email', 'reporter_phone', 'wants_feedback', 'created_at'])
    .where('reporter_user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  const followed = await db
    .selectFrom('signals_followers as f')
    .innerJoin('signals_signals as s', (j) => j.onRef('s.tenant_id', '=', 'f.tenant_id').onRef('s.id', '=', 'f.signal_id'))
    .select(['f.tenant_id', 's.public_id', 'f.email', 'f.created_at'])
    .where('f.user_id', '=', userId)
    .execute();
  return { reported, followed };
}

/** Remove the user's contact details from the signals they reported and stop their follows; the signals themselves stay (anonymous). */
export async function forgetSignalsData(trx: Trx, userId: string, now: Date): Promise<void> {
  await trx
    .updateTable('signals_signals')
    .set({ reporter_name: null, reporter_email: null, reporter_phone: null, wants_feedback: false, reporter_user_id: null, updated_at: now })
    .where('reporter_user_id', '=', userId)
    .execute();
  await trx.deleteFrom('signals_followers').where('user_id', '=', userId).execute();
}
