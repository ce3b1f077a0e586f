/**
 * Queries of the Open311 API: its own tables, and read-only views of the signals core's
 * categories and transitions that the core's services do not offer (public catalogue, updates
 * feed). Never writes core tables.
 */
import { randomUUID } from 'node:crypto';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { SignalState } from '../workflow.ts';

/** Active, non-sensitive categories with their group, in catalogue order. */
export function listPublicCategories(db: DbOrTrx, tenantId: string) {
  return db
    .selectFrom('signals_categories as c')
    .innerJoin('signals_category_groups as g', (j) => j.onRef('g.tenant_id', '=', 'c.tenant_id').onRef('g.id', '=', 'c.group_id'))
    .select([
      'c.id',
      'c.service_code',
      'c.name',
      'c.description',
      'c.name_en',
      'c.description_en',
      'c.questions',
      'c.deadline_days',
      'c.updated_at',
      'g.name as group_name',
      'g.name_en as group_name_en',
      'g.code as group_code',
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.active', '=', true)
    .where('c.sensitive', '=', false)
    .orderBy('g.position')
    .orderBy('g.name')
    .orderBy('c.position')
    .orderBy('c.name')
    .execute();
}
export type PublicCategory = Awaited<ReturnType<typeof listPublicCategories>>[number];

/** One active, non-sensitive category by service_code, or null (unknown, inactive and sensitive look the same). */
export async function findPublicCategory(db: DbOrTrx, tenantId: string, serviceCode: string): Promise<PublicCategory | null> {
  const r = await db
    .selectFrom('signals_categories as c')
    .innerJoin('signals_category_groups as g', (j) => j.onRef('g.tenant_id', '=', 'c.tenant_id').onRef('g.id', '=', 'c.group_id'))
    .select([
      'c.id',
      'c.service_code',
      'c.name',
      'c.description',
      'c.name_en',
      'c.description_en',
      'c.questions',
      'c.deadline_days',
      'c.updated_at',
      'g.name as group_name',
      'g.name_en as group_name_en',
      'g.code as group_code',
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.service_code', '=', serviceCode)
    .where('c.active', '=', true)
    .where('c.sensitive', '=', false)
    .executeTakeFirst();
  return r ?? null;
}

/** Ids of non-sensitive categories (active or not: old requests keep their category) with these service codes. */
export async function publicCategoryIds(db: DbOrTrx, tenantId: string, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('signals_categories')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('sensitive', '=', false)
    .where('service_code', 'in', codes)
    .execute();
  return rows.map((r) => r.id);
}

/** When the tenant's catalogue last changed (for discovery's changeset); null without categories. */
export async function catalogueChangedAt(db: DbOrTrx, tenantId: string): Promise<Date | null> {
  const r = await db
    .selectFrom('signals_categories')
    .select((eb) => eb.fn.max('updated_at').as('at'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return r?.at ? new Date(r.at as Date | string) : null;
}

/** Public steps of non-sensitive signals in a period, oldest first (the updates feed). */
export function listPublicTransitions(
  db: DbOrTrx,
  tenantId: string,
  f: { since: Date; until: Date; states: readonly SignalState[]; limit: number; offset: number },
) {
  return (
    db
      .selectFrom('signals_transitions as t')
      .innerJoin('signals_signals as s', (j) => j.onRef('s.tenant_id', '=', 't.tenant_id').onRef('s.id', '=', 't.signal_id'))
      .innerJoin('signals_categories as c', (j) => j.onRef('c.tenant_id', '=', 's.tenant_id').onRef('c.id', '=', 's.category_id'))
      .select(['t.id', 't.to_state', 't.created_at', 's.public_id'])
      .where('t.tenant_id', '=', tenantId)
      .where('c.sensitive', '=', false)
      .where('t.to_state', 'in', f.states)
      // Internal rows (reassigning, network actions, reopen requests: same state, no message) are no updates.
      .where((eb) => eb.or([eb('t.reason', 'is', null), eb('t.reason', '<>', 'reassign')]))
      .where((eb) => eb.or([eb('t.from_state', 'is distinct from', eb.ref('t.to_state')), eb('t.public_message', 'is not', null)]))
      .where('t.created_at', '>=', f.since)
      .where('t.created_at', '<=', f.until)
      .orderBy('t.created_at')
      .orderBy('t.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute()
  );
}

/** Remember that a client created a signal: the request's token (made here) and its insert, not yet run (for `writeTogether`). */
export function requestWrite(db: DbOrTrx, row: { tenantId: string; signalId: string; apiKeyId: string; now: Date }) {
  const token = randomUUID();
  return {
    token,
    write: db
      .insertInto('open311_requests')
      .values({ tenant_id: row.tenantId, token, signal_id: row.signalId, api_key_id: row.apiKeyId, created_at: row.now }),
  };
}

/** The token of a signal created through Open311, if any. */
export async function findTokenOfSignal(db: DbOrTrx, tenantId: string, signalId: string): Promise<string | null> {
  const r = await db
    .selectFrom('open311_requests')
    .select('token')
    .where('tenant_id', '=', tenantId)
    .where('signal_id', '=', signalId)
    .orderBy('created_at')
    .executeTakeFirst();
  return r?.token ?? null;
}

/** The public id of the non-sensitive signal a token stands for, or null. */
export async function findPublicIdByToken(db: DbOrTrx, tenantId: string, token: string): Promise<string | null> {
  const r = await db
    .selectFrom('open311_requests as r')
    .innerJoin('signals_signals as s', (j) => j.onRef('s.tenant_id', '=', 'r.tenant_id').onRef('s.id', '=', 'r.signal_id'))
    .innerJoin('signals_categories as c', (j) => j.onRef('c.tenant_id', '=', 's.tenant_id').onRef('c.id', '=', 's.category_id'))
    .select('s.public_id')
    .where('r.tenant_id', '=', tenantId)
    .where('r.token', '=', token)
    .where('c.sensitive', '=', false)
    .executeTakeFirst();
  return r?.public_id ?? null;
}

/** Record an update received from a handler; false when this client sent that update_id before. */
export async function insertUpdate(
  db: DbOrTrx,
  row: { tenantId: string; apiKeyId: string; updateId: string; signalId: string; transitionId: string | null; now: Date },
): Promise<boolean> {
  const r = await db
    .insertInto('open311_updates')
    .values({
      tenant_id: row.tenantId,
      api_key_id: row.apiKeyId,
      update_id: row.updateId,
      signal_id: row.signalId,
      transition_id: row.transitionId,
      created_at: row.now,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'api_key_id', 'update_id']).doNothing())
    .returning('update_id')
    .executeTakeFirst();
  return r !== undefined;
}

/** The newest transition of a signal (to link a received update to the step it caused). */
export async function latestTransitionId(db: DbOrTrx, tenantId: string, signalId: string): Promise<string | null> {
  const r = await db
    .selectFrom('signals_transitions')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('signal_id', '=', signalId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return r?.id ?? null;
}
