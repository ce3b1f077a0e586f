import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { HelpMatchesTable, HelpMessagesTable, MatchState } from '../helpmatch.tables.ts';

export type MatchRow = Selectable<HelpMatchesTable>;
export type MessageRow = Selectable<HelpMessagesTable>;

/** Insert matches; a volunteer who already has a live match on the request is skipped. Returns the inserted rows. */
export async function insertMatches(
  db: DbOrTrx,
  rows: (Omit<Insertable<HelpMatchesTable>, 'explanation'> & { explanation: unknown })[],
): Promise<MatchRow[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto('help_matches')
    .values(rows.map((r) => ({ ...r, explanation: JSON.stringify(r.explanation) as never })))
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'request_id', 'volunteer_user_id'])
        .where(sql<boolean>`state in ('suggested','proposed','awaiting_requester','accepted')`)
        .doNothing(),
    )
    .returningAll()
    .execute();
}

export async function findMatch(db: DbOrTrx, tenantId: string, id: string): Promise<MatchRow | undefined> {
  return db.selectFrom('help_matches').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function listMatchesOfRequest(db: DbOrTrx, tenantId: string, requestId: string): Promise<MatchRow[]> {
  return db
    .selectFrom('help_matches')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('request_id', '=', requestId)
    .orderBy('created_at')
    .execute();
}

export async function listMatchesOfRequests(db: DbOrTrx, tenantId: string, requestIds: readonly string[]): Promise<MatchRow[]> {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom('help_matches')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('request_id', 'in', [...requestIds])
    .execute();
}

export async function listMatchesOfVolunteer(
  db: DbOrTrx,
  tenantId: string,
  userId: string,
  states?: readonly MatchState[],
): Promise<MatchRow[]> {
  let q = db.selectFrom('help_matches').selectAll().where('tenant_id', '=', tenantId).where('volunteer_user_id', '=', userId);
  if (states) q = q.where('state', 'in', [...states]);
  return q.orderBy('created_at', 'desc').limit(500).execute();
}

export async function listMatches(
  db: DbOrTrx,
  tenantId: string,
  opts: { states?: readonly MatchState[]; since?: Date } = {},
): Promise<MatchRow[]> {
  let q = db.selectFrom('help_matches').selectAll().where('tenant_id', '=', tenantId);
  if (opts.states) q = q.where('state', 'in', [...opts.states]);
  if (opts.since) q = q.where('created_at', '>=', opts.since);
  return q.orderBy('created_at', 'desc').execute();
}

/** Conditional update: only when the match is in one of `from`; false when it was not (lost a race). */
export async function transitionMatch(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  from: readonly MatchState[],
  set: Updateable<HelpMatchesTable> & { state?: MatchState },
): Promise<MatchRow | undefined> {
  return db
    .updateTable('help_matches')
    .set(set)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('state', 'in', [...from])
    .returningAll()
    .executeTakeFirst();
}

/**
 * Close every other open match of a request (after the asking side chose one): suggestions and
 * proposals are cancelled, other volunteers who said yes are `not_chosen`. Returns the latter (to tell them).
 */
export async function closeOtherMatches(db: DbOrTrx, tenantId: string, requestId: string, keepId: string, now: Date): Promise<MatchRow[]> {
  await db
    .updateTable('help_matches')
    .set({ state: 'cancelled', closed_at: now, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('request_id', '=', requestId)
    .where('id', '!=', keepId)
    .where('state', 'in', ['suggested', 'proposed'])
    .execute();
  return db
    .updateTable('help_matches')
    .set({ state: 'not_chosen', closed_at: now, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('request_id', '=', requestId)
    .where('id', '!=', keepId)
    .where('state', '=', 'awaiting_requester')
    .returningAll()
    .execute();
}

/** Lock the request row for the rest of the transaction (serialises accepts of one request). */
export async function lockRequest(db: DbOrTrx, tenantId: string, requestId: string): Promise<{ state: string } | undefined> {
  return db
    .selectFrom('help_requests')
    .select('state')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', requestId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertMessage(db: DbOrTrx, row: Insertable<HelpMessagesTable>): Promise<MessageRow> {
  return db.insertInto('help_messages').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listMessages(db: DbOrTrx, tenantId: string, matchId: string): Promise<MessageRow[]> {
  return db
    .selectFrom('help_messages')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('match_id', '=', matchId)
    .orderBy('created_at')
    .limit(500)
    .execute();
}

export async function matchesOfUserAll(db: DbOrTrx, userId: string): Promise<MatchRow[]> {
  return db.selectFrom('help_matches').selectAll().where('volunteer_user_id', '=', userId).execute();
}

export async function messagesOfUserAll(db: DbOrTrx, userId: string): Promise<MessageRow[]> {
  return db.selectFrom('help_messages').selectAll().where('author_user_id', '=', userId).execute();
}

/** Replace the text of a person's messages and feedback (account deletion). */
export async function anonymiseMatchTextOf(db: DbOrTrx, userId: string, now: Date): Promise<void> {
  await db.updateTable('help_messages').set({ body: '' }).where('author_user_id', '=', userId).execute();
  await db.updateTable('help_matches').set({ feedback_volunteer: null, updated_at: now }).where('volunteer_user_id', '=', userId).execute();
  await db
    .updateTable('help_matches')
    .set({ state: 'cancelled', closed_at: now, updated_at: now })
    .where('volunteer_user_id', '=', userId)
    .where('state', 'in', ['suggested', 'proposed', 'awaiting_requester', 'accepted'])
    .execute();
}
