import type { Insertable, Selectable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { HelpRequestsTable, RequestState } from '../helpmatch.tables.ts';

export type RequestRow = Selectable<HelpRequestsTable>;

/** JSON columns are written as strings (PGlite and pg both accept that). */
function json(v: unknown): never {
  return JSON.stringify(v) as never;
}

export async function insertRequest(
  db: DbOrTrx,
  row: Omit<Insertable<HelpRequestsTable>, 'slots'> & { slots: unknown },
): Promise<RequestRow> {
  return db
    .insertInto('help_requests')
    .values({ ...row, slots: json(row.slots) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findRequest(db: DbOrTrx, tenantId: string, id: string): Promise<RequestRow | undefined> {
  return db.selectFrom('help_requests').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** The request of a match (it always exists: the match refers to it), for services that check their own rule on the pair. */
export async function requestOfMatch(db: DbOrTrx, tenantId: string, requestId: string): Promise<RequestRow> {
  return db.selectFrom('help_requests').selectAll().where('tenant_id', '=', tenantId).where('id', '=', requestId).executeTakeFirstOrThrow();
}

/** Requests the user asked for, or created on behalf of someone. */
export async function listRequestsOfUser(db: DbOrTrx, tenantId: string, userId: string): Promise<RequestRow[]> {
  return db
    .selectFrom('help_requests')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('requester_user_id', '=', userId), eb('created_by_user_id', '=', userId)]))
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
}

export async function listRequests(
  db: DbOrTrx,
  tenantId: string,
  opts: { states?: readonly RequestState[]; ids?: readonly string[]; limit?: number } = {},
): Promise<RequestRow[]> {
  let q = db.selectFrom('help_requests').selectAll().where('tenant_id', '=', tenantId);
  if (opts.states && opts.states.length > 0) q = q.where('state', 'in', [...opts.states]);
  if (opts.ids) {
    if (opts.ids.length === 0) return [];
    q = q.where('id', 'in', [...opts.ids]);
  }
  return q
    .orderBy('created_at', 'desc')
    .limit(opts.limit ?? 1000)
    .execute();
}

/** Move a request from one of the given states to another; false when it was not in one of them (lost a race). */
export async function transitionRequest(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  from: readonly RequestState[],
  to: RequestState,
  now: Date,
): Promise<boolean> {
  const extra = to === 'matched' ? { matched_at: now } : to === 'open' ? { matched_at: null, closed_at: null } : { closed_at: now };
  const r = await db
    .updateTable('help_requests')
    .set({ state: to, updated_at: now, ...extra })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('state', 'in', [...from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Expire open requests whose expiry time has passed; returns their ids and tenants. */
export async function expireDue(db: DbOrTrx, now: Date): Promise<{ id: string; tenant_id: string }[]> {
  return db
    .updateTable('help_requests')
    .set({ state: 'expired', closed_at: now, updated_at: now })
    .where('state', '=', 'open')
    .where('expires_at', '<=', now)
    .returning(['id', 'tenant_id'])
    .execute();
}

export async function requestsOfUserAll(db: DbOrTrx, userId: string): Promise<RequestRow[]> {
  return db
    .selectFrom('help_requests')
    .selectAll()
    .where((eb) => eb.or([eb('requester_user_id', '=', userId), eb('created_by_user_id', '=', userId)]))
    .execute();
}

/** Erase the personal data of requests the user asked for themselves (address, remarks, names). */
export async function anonymiseRequestsOf(db: DbOrTrx, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('help_requests')
    .set({ address: null, remarks: null, subject_name: null, subject_phone: null, subject_email: null, updated_at: now })
    .where('requester_user_id', '=', userId)
    .execute();
  await db
    .updateTable('help_requests')
    .set({ state: 'withdrawn', closed_at: now, updated_at: now })
    .where('requester_user_id', '=', userId)
    .where('state', '=', 'open')
    .execute();
}

/**
 * Open requests created before `cutoff` whose asking side has not yet been told that nobody has
 * been found, and without a volunteer who said yes or was accepted (the `helpmatch.nobodyYet` job).
 */
export async function listNobodyYet(db: DbOrTrx, cutoff: Date): Promise<RequestRow[]> {
  return db
    .selectFrom('help_requests as r')
    .selectAll('r')
    .where('r.state', '=', 'open')
    .where('r.created_at', '<=', cutoff)
    .where('r.nobody_notice_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('help_matches as m')
            .select('m.id')
            .whereRef('m.tenant_id', '=', 'r.tenant_id')
            .whereRef('m.request_id', '=', 'r.id')
            .where('m.state', 'in', ['awaiting_requester', 'accepted']),
        ),
      ),
    )
    .orderBy('r.created_at')
    .limit(500)
    .execute();
}

/** Note that the asking side was told that nobody has been found yet (once per request). */
export async function markNobodyNotice(db: DbOrTrx, tenantId: string, id: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('help_requests')
    .set({ nobody_notice_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('nobody_notice_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
