/** Queries on network actions, the reopen request on a signal and the tenant's "niet tevreden" policy (signals module only). */
import { sql, type Selectable, type Updateable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { SignalsActionsTable } from '../signals.tables.ts';

export type ActionRow = Selectable<SignalsActionsTable>;
export type DissatisfiedPolicy = 'reopen' | 'coordinator';

/** A `date` column as yyyy-mm-dd: drivers return it as a Date at local (pg) or UTC (PGlite) midnight. */
function isoDate(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (!(v instanceof Date)) return String(v).slice(0, 10);
  const utc = v.getUTCHours() === 0 && v.getUTCMinutes() === 0;
  const [y, m, d] = utc ? [v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate()] : [v.getFullYear(), v.getMonth(), v.getDate()];
  return `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
const norm = (r: ActionRow): ActionRow => ({ ...r, due_date: isoDate(r.due_date) });

/** The actions of a signal, oldest first. */
export async function listActions(db: DbOrTrx, tenantId: string, signalId: string): Promise<ActionRow[]> {
  return (
    await db
      .selectFrom('signals_actions')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('signal_id', '=', signalId)
      .orderBy('created_at')
      .orderBy('id')
      .execute()
  ).map(norm);
}

export async function findAction(db: DbOrTrx, tenantId: string, signalId: string, actionId: string): Promise<ActionRow | null> {
  const r = await db
    .selectFrom('signals_actions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('signal_id', '=', signalId)
    .where('id', '=', actionId)
    .executeTakeFirst();
  return r ? norm(r) : null;
}

export async function insertAction(
  db: DbOrTrx,
  row: {
    tenantId: string;
    signalId: string;
    organisationId: string;
    description: string;
    ownerUserId: string | null;
    dueDate: string | null;
    createdBy: string;
    now: Date;
  },
): Promise<ActionRow> {
  const r = await db
    .insertInto('signals_actions')
    .values({
      tenant_id: row.tenantId,
      signal_id: row.signalId,
      organisation_id: row.organisationId,
      description: row.description,
      owner_user_id: row.ownerUserId,
      due_date: row.dueDate,
      status: 'open',
      created_by: row.createdBy,
      created_at: row.now,
      updated_at: row.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return norm(r);
}

export async function updateAction(db: DbOrTrx, tenantId: string, actionId: string, set: Updateable<SignalsActionsTable>): Promise<void> {
  await db.updateTable('signals_actions').set(set).where('tenant_id', '=', tenantId).where('id', '=', actionId).execute();
}

/** Set or clear the reopen request of a signal ("niet tevreden" waiting for the coordinator). */
export async function setReopenRequest(
  db: DbOrTrx,
  tenantId: string,
  signalId: string,
  request: { at: Date; reason: string | null } | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable('signals_signals')
    .set({ reopen_requested_at: request?.at ?? null, reopen_request_reason: request?.reason ?? null, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', signalId)
    .execute();
}

/** The tenant's "niet tevreden" policy; 'reopen' when the tenant has no settings row. */
export async function getDissatisfiedPolicy(db: DbOrTrx, tenantId: string): Promise<DissatisfiedPolicy> {
  const row = await db.selectFrom('signals_settings').select('dissatisfied_policy').where('tenant_id', '=', tenantId).executeTakeFirst();
  return row?.dissatisfied_policy ?? 'reopen';
}

export async function setDissatisfiedPolicy(db: DbOrTrx, tenantId: string, policy: DissatisfiedPolicy, now: Date): Promise<void> {
  await db
    .insertInto('signals_settings')
    .values({ tenant_id: tenantId, default_organisation_id: null, dissatisfied_policy: policy, updated_at: now })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ dissatisfied_policy: policy, updated_at: sql`excluded.updated_at` }))
    .execute();
}
