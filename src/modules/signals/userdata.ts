/** A person's signals data for the account export, and forgetting it on account deletion. */
import type { DbOrTrx, Trx } from '../../platform/db/database.ts';
import { exportSavedFilters, forgetSavedFilters } from './list/list.service.ts';

/** Signals the user reported (with their contact details and how many photos), the signals they follow, their saved list filters and the neighbourhood walks they took part in. */
export async function exportSignalsData(db: DbOrTrx, userId: string): Promise<Record<string, unknown>> {
  const reported = await db
    .selectFrom('signals_signals')
    .select([
      'tenant_id',
      'public_id',
      'description',
      'address',
      'state',
      'reporter_name',
      'reporter_email',
      'reporter_phone',
      'wants_feedback',
      'photo_count',
      'created_at',
    ])
    .where('reporter_user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  const followed = await db
    .selectFrom('signals_followers as f')
    .innerJoin('signals_signals as s', (j) => j.onRef('s.tenant_id', '=', 'f.tenant_id').onRef('s.id', '=', 'f.signal_id'))
    .select(['f.tenant_id', 's.public_id', 'f.email', 'f.created_at'])
    .where('f.user_id', '=', userId)
    .execute();
  const walks = await db
    .selectFrom('signals_wijkschouw_participants as p')
    .innerJoin('signals_wijkschouw_sessions as w', (j) => j.onRef('w.tenant_id', '=', 'p.tenant_id').onRef('w.id', '=', 'p.session_id'))
    .select(['p.tenant_id', 'w.title', 'w.walk_date', 'p.name', 'p.role', 'p.email'])
    .where('p.user_id', '=', userId)
    .execute();
  return { reported, followed, savedFilters: await exportSavedFilters(db, userId), walks };
}

/** Remove the user's contact details from the signals they reported, stop their follows, delete their saved filters and remove their name from walk participant lists; the signals themselves stay (anonymous). */
export async function forgetSignalsData(trx: Trx, userId: string, now: Date): Promise<void> {
  await trx
    .updateTable('signals_signals')
    .set({
      reporter_name: null,
      reporter_email: null,
      reporter_phone: null,
      wants_feedback: false,
      reporter_user_id: null,
      updated_at: now,
    })
    .where('reporter_user_id', '=', userId)
    .execute();
  await trx.deleteFrom('signals_followers').where('user_id', '=', userId).execute();
  await forgetSavedFilters(trx, userId);
  await trx.deleteFrom('signals_wijkschouw_participants').where('user_id', '=', userId).execute();
}
