/**
 * Retention (the daily `signals.retention` job), per tenant with its own settings: anonymise the
 * personal data of signals closed longer than `anonymiseAfterMonths`, delete cancelled signals
 * after `deleteCancelledAfterMonths` and handled ones after `deleteClosedAfterMonths`. A reopened
 * signal is open (no `closed_at`) and is left alone. Each tenant's run is one transaction with an
 * audit record holding counts only.
 */
import { DateTime } from 'luxon';
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { listTenants } from '../../../platform/tenants/tenants.service.ts';
import * as store from './jobs.store.ts';
import { getJobSettings } from './jobs.settings.ts';
import { ZONE } from '../../../platform/time.ts';

export interface RetentionCounts {
  anonymised: number;
  anonymisedSensitive: number;
  deletedCancelled: number;
  deletedClosed: number;
}

/** `months` calendar months before `now` (Amsterdam calendar). */
export function monthsBefore(now: Date, months: number): Date {
  return DateTime.fromJSDate(now, { zone: ZONE }).minus({ months }).toJSDate();
}

/** Apply the tenant's retention settings at `now` in one transaction; audited with counts only. */
export async function runRetentionForTenant(db: DbOrTrx, tenantId: string, now: Date): Promise<RetentionCounts> {
  return inTransaction(db, async (trx) => {
    const s = await getJobSettings(trx, tenantId);
    const deletedCancelled = await store.deleteClosedBefore(trx, tenantId, 'geannuleerd', monthsBefore(now, s.deleteCancelledAfterMonths));
    const deletedClosed = await store.deleteClosedBefore(trx, tenantId, 'afgehandeld', monthsBefore(now, s.deleteClosedAfterMonths));
    const anon = await store.anonymiseClosed(trx, tenantId, monthsBefore(now, s.anonymiseAfterMonths), now);
    const counts = { anonymised: anon.signals, anonymisedSensitive: anon.sensitive, deletedCancelled, deletedClosed };
    if (anon.signals + deletedCancelled + deletedClosed > 0) {
      await recordAudit(trx, { tenantId, actorUserId: null, action: 'retention', entity: 'signal', entityId: null, detail: { ...counts } });
    }
    return counts;
  });
}

/** One run of the retention job over every tenant; returns the summed counts. */
export async function runRetention(db: DbOrTrx, now: Date): Promise<RetentionCounts> {
  const total: RetentionCounts = { anonymised: 0, anonymisedSensitive: 0, deletedCancelled: 0, deletedClosed: 0 };
  for (const tenant of await listTenants(db)) {
    const c = await runRetentionForTenant(db, tenant.id, now);
    for (const k of Object.keys(total) as (keyof RetentionCounts)[]) total[k] += c[k];
  }
  return total;
}
