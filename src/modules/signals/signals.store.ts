/** Queries on signals and their transitions (signals module only). */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { DbOrTrx } from '../../platform/db/database.ts';
import type { SignalsSignalsTable, SignalsTransitionsTable } from './signals.tables.ts';
import type { SignalState } from './workflow.ts';

export type SignalRow = Selectable<SignalsSignalsTable>;
export type TransitionRow = Selectable<SignalsTransitionsTable>;

/**
 * The next count of the tenant's signals in a year (atomic: one row per tenant and year), with the
 * year's secret key and the numbers given out in sequence before public-id.ts (see there).
 */
export async function nextNumber(db: DbOrTrx, tenantId: string, year: number): Promise<{ number: number; key: string; from: number }> {
  const r = await db
    .insertInto('signals_counters')
    .values({ tenant_id: tenantId, year, last_number: 1 })
    .onConflict((oc) => oc.columns(['tenant_id', 'year']).doUpdateSet({ last_number: sql`signals_counters.last_number + 1` }))
    .returning(['last_number', 'id_key', 'permuted_from'])
    .executeTakeFirstOrThrow();
  return { number: r.last_number, key: r.id_key, from: r.permuted_from };
}

/**
 * Reserve `size` counts of the tenant's year at once (numbers.ts): one atomic upsert, committed on
 * its own (never inside a signal's transaction), returning the last count of the block.
 */
export async function reserveNumbers(
  db: DbOrTrx,
  tenantId: string,
  year: number,
  size: number,
): Promise<{ last: number; key: string; from: number }> {
  const r = await db
    .insertInto('signals_counters')
    .values({ tenant_id: tenantId, year, last_number: size })
    .onConflict((oc) => oc.columns(['tenant_id', 'year']).doUpdateSet({ last_number: sql`signals_counters.last_number + ${size}` }))
    .returning(['last_number', 'id_key', 'permuted_from'])
    .executeTakeFirstOrThrow();
  return { last: r.last_number, key: r.id_key, from: r.permuted_from };
}

/** Insert unless the idempotency key was used already; null then. */
export async function insertSignal(
  db: DbOrTrx,
  row: Omit<Insertable<SignalsSignalsTable>, 'answers'> & { answers: Record<string, string> },
): Promise<SignalRow | null> {
  const r = await db
    .insertInto('signals_signals')
    .values({ ...row, answers: JSON.stringify(row.answers) })
    .onConflict((oc) => oc.columns(['tenant_id', 'idempotency_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return r ?? null;
}

/**
 * A new signal with its first step (gemeld) in one statement (issue 17: a data-modifying CTE, one
 * round trip instead of two); null, and no step, when the idempotency key was used already.
 */
export async function insertSignalWithFirstStep(
  db: DbOrTrx,
  row: Omit<Insertable<SignalsSignalsTable>, 'answers'> & { answers: Record<string, string> },
  step: { actorUserId: string | null; reason: string | null },
): Promise<SignalRow | null> {
  const r = await db
    .with('s', (qb) =>
      qb
        .insertInto('signals_signals')
        .values({ ...row, answers: JSON.stringify(row.answers) })
        .onConflict((oc) => oc.columns(['tenant_id', 'idempotency_key']).doNothing())
        .returningAll(),
    )
    .with('t', (qb) =>
      qb
        .insertInto('signals_transitions')
        .columns([
          'tenant_id',
          'signal_id',
          'from_state',
          'to_state',
          'actor_user_id',
          'created_at',
          'internal_note',
          'public_message',
          'reason',
        ])
        .expression(
          qb
            .selectFrom('s')
            .select([
              's.tenant_id',
              's.id',
              sql<null>`null::text`.as('from_state'),
              's.state',
              sql<string | null>`${step.actorUserId}::uuid`.as('actor_user_id'),
              's.created_at',
              sql<null>`null::text`.as('internal_note'),
              sql<null>`null::text`.as('public_message'),
              sql<string | null>`${step.reason}::text`.as('reason'),
            ]),
        ),
    )
    .selectFrom('s')
    .selectAll()
    .executeTakeFirst();
  return (r as SignalRow | undefined) ?? null;
}

export async function findSignalByIdempotencyKey(db: DbOrTrx, tenantId: string, key: string): Promise<SignalRow | null> {
  return (
    (await db
      .selectFrom('signals_signals')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst()) ?? null
  );
}

export async function findSignalById(db: DbOrTrx, tenantId: string, id: string): Promise<SignalRow | null> {
  return (
    (await db.selectFrom('signals_signals').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst()) ?? null
  );
}

export async function findSignalByPublicId(db: DbOrTrx, tenantId: string, publicId: string): Promise<SignalRow | null> {
  return (
    (await db
      .selectFrom('signals_signals')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('public_id', '=', publicId)
      .executeTakeFirst()) ?? null
  );
}

/** Lock the row for a state change (select … for update). */
export async function lockSignal(db: DbOrTrx, tenantId: string, id: string): Promise<SignalRow | null> {
  return (
    (await db
      .selectFrom('signals_signals')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()) ?? null
  );
}

export async function updateSignal(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  set: Partial<Pick<SignalRow, 'state' | 'closed_at' | 'organisation_id' | 'deadline_at' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('signals_signals').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function insertTransition(db: DbOrTrx, row: Insertable<SignalsTransitionsTable>): Promise<TransitionRow> {
  return db.insertInto('signals_transitions').values(row).returningAll().executeTakeFirstOrThrow();
}

export function listTransitions(db: DbOrTrx, tenantId: string, signalId: string): Promise<TransitionRow[]> {
  return db
    .selectFrom('signals_transitions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('signal_id', '=', signalId)
    .orderBy('seq')
    .execute();
}

export interface SignalFilter {
  states?: readonly SignalState[];
  categoryIds?: readonly string[];
  /** Matches buurt or wijk code. */
  areaCodes?: readonly string[];
  organisationId?: string;
  overdueAt?: Date;
  sensitive?: boolean;
  /** Only signals routed to these organisations or in which they have an action. */
  visibleToOrganisations?: readonly string[];
  createdSince?: Date;
  createdUntil?: Date;
  publicIds?: readonly string[];
  limit?: number;
  offset?: number;
}

/** The filtered select (no order, no paging): shared by the list and its count. */
function filteredSignals(db: DbOrTrx, tenantId: string, f: SignalFilter) {
  let q = db
    .selectFrom('signals_signals as s')
    .innerJoin('signals_categories as c', (j) => j.onRef('c.tenant_id', '=', 's.tenant_id').onRef('c.id', '=', 's.category_id'))
    .where('s.tenant_id', '=', tenantId);
  if (f.states?.length) q = q.where('s.state', 'in', f.states);
  if (f.categoryIds?.length) q = q.where('s.category_id', 'in', f.categoryIds);
  if (f.areaCodes?.length) {
    const codes = f.areaCodes;
    q = q.where((eb) => eb.or([eb('s.buurt_code', 'in', codes), eb('s.wijk_code', 'in', codes)]));
  }
  if (f.organisationId) q = q.where('s.organisation_id', '=', f.organisationId);
  if (f.overdueAt) q = q.where('s.deadline_at', '<', f.overdueAt).where('s.closed_at', 'is', null);
  if (f.sensitive !== undefined) q = q.where('c.sensitive', '=', f.sensitive);
  if (f.createdSince) q = q.where('s.created_at', '>=', f.createdSince);
  if (f.createdUntil) q = q.where('s.created_at', '<=', f.createdUntil);
  if (f.publicIds?.length) q = q.where('s.public_id', 'in', f.publicIds);
  if (f.visibleToOrganisations) {
    const orgs = f.visibleToOrganisations;
    q = q.where((eb) =>
      orgs.length === 0
        ? eb.val(false)
        : eb.or([
            eb('s.organisation_id', 'in', orgs),
            // Uncorrelated: the planner hashes the action set once instead of probing per row.
            eb(
              's.id',
              'in',
              eb
                .selectFrom('signals_actions as a')
                .select('a.signal_id')
                .where('a.tenant_id', '=', tenantId)
                .where('a.organisation_id', 'in', orgs),
            ),
          ]),
    );
  }
  return q;
}

/** Signals of a tenant with their category fields, newest first (stable: created_at desc, id desc). */
export async function querySignals(db: DbOrTrx, tenantId: string, f: SignalFilter) {
  if (f.visibleToOrganisations?.length === 0) return [];
  return filteredSignals(db, tenantId, f)
    .selectAll('s')
    .select(['c.name as category_name', 'c.name_en as category_name_en', 'c.service_code', 'c.sensitive'])
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(f.limit ?? 200)
    .offset(f.offset ?? 0)
    .execute();
}

/**
 * A position in the list's order (created_at desc, id desc): created_at in whole microseconds
 * since 1970 (exact, as the database keeps it) and the id that breaks ties.
 */
export interface ListKey {
  at: string;
  id: string;
}

/** created_at as whole microseconds since 1970, as text (exact; a JavaScript Date keeps only milliseconds). */
const listAt = sql<string>`(extract(epoch from s.created_at) * 1000000)::bigint::text`;
/** The timestamp of a ListKey, computed exactly in the database. */
const keyTime = (k: ListKey) => sql`(timestamptz 'epoch' + ${k.at}::bigint * interval '1 microsecond')`;

/**
 * One page of the list by keyset: at most `limit` signals after `after` (older) or before `before`
 * (newer) in the order created_at desc, id desc, served by the (tenant_id, created_at desc, id desc)
 * indexes; rows come back in list order either way, each with its `list_at` for the next cursor.
 */
export async function pageOfSignals(
  db: DbOrTrx,
  tenantId: string,
  f: SignalFilter,
  at: { after?: ListKey | null; before?: ListKey | null; limit: number },
) {
  if (f.visibleToOrganisations?.length === 0) return [];
  let q = filteredSignals(db, tenantId, f)
    .selectAll('s')
    .select(['c.name as category_name', 'c.name_en as category_name_en', 'c.service_code', 'c.sensitive', listAt.as('list_at')]);
  const { after, before } = at;
  if (before) {
    q = q.where(sql<boolean>`(s.created_at, s.id) > (${keyTime(before)}, ${before.id}::uuid)`);
    const rows = await q.orderBy('s.created_at', 'asc').orderBy('s.id', 'asc').limit(at.limit).execute();
    return rows.reverse();
  }
  if (after) q = q.where(sql<boolean>`(s.created_at, s.id) < (${keyTime(after)}, ${after.id}::uuid)`);
  return q.orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').limit(at.limit).execute();
}

/** How many signals match the filter (limit and offset ignored). */
export async function countSignals(db: DbOrTrx, tenantId: string, f: SignalFilter): Promise<number> {
  if (f.visibleToOrganisations?.length === 0) return 0;
  const r = await filteredSignals(db, tenantId, f)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
export type SignalListRow = Awaited<ReturnType<typeof querySignals>>[number];

/**
 * How many signals match the filter, counting at most `cap + 1`: exact up to `cap`, and
 * `{ n: cap, more: true }` beyond it (the list says "meer dan 1.000"), so a broad filter never
 * counts every match.
 */
export async function countSignalsCapped(
  db: DbOrTrx,
  tenantId: string,
  f: SignalFilter,
  cap: number,
): Promise<{ n: number; more: boolean }> {
  if (f.visibleToOrganisations?.length === 0) return { n: 0, more: false };
  const r = await db
    .selectFrom(
      filteredSignals(db, tenantId, f)
        .select(sql<number>`1`.as('one'))
        .limit(cap + 1)
        .as('m'),
    )
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(r.n);
  return n > cap ? { n: cap, more: true } : { n, more: false };
}

/** Open, non-sensitive signals of a category near a point since a date (bbox prefilter, exact distance by the caller). */
export function nearbyOpenSignals(
  db: DbOrTrx,
  tenantId: string,
  categoryId: string,
  lat: number,
  lon: number,
  since: Date,
  openStates: readonly SignalState[],
) {
  const dLat = 0.0006;
  const dLon = 0.0006 / Math.max(0.1, Math.cos((lat * Math.PI) / 180));
  return db
    .selectFrom('signals_signals as s')
    .innerJoin('signals_categories as c', (j) => j.onRef('c.tenant_id', '=', 's.tenant_id').onRef('c.id', '=', 's.category_id'))
    .select(['s.id', 's.public_id', 's.description', 's.address', 's.latitude', 's.longitude', 's.state', 's.created_at'])
    .where('s.tenant_id', '=', tenantId)
    .where('s.category_id', '=', categoryId)
    .where('c.sensitive', '=', false)
    .where('s.state', 'in', openStates)
    .where('s.created_at', '>=', since)
    .where('s.latitude', '>=', lat - dLat)
    .where('s.latitude', '<=', lat + dLat)
    .where('s.longitude', '>=', lon - dLon)
    .where('s.longitude', '<=', lon + dLon)
    .orderBy('s.created_at', 'desc')
    .limit(20)
    .execute();
}
