/** SQL on the weeks of a weekly arrangement (`help_match_sessions`). */
import { sql, type Selectable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { HelpMatchSessionsTable } from '../helpmatch.tables.ts';

export type SessionRow = Selectable<HelpMatchSessionsTable>;

export async function listSessions(db: DbOrTrx, tenantId: string, matchId: string): Promise<SessionRow[]> {
  return db
    .selectFrom('help_match_sessions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('match_id', '=', matchId)
    .orderBy('week_start')
    .execute();
}

export async function findSession(db: DbOrTrx, tenantId: string, matchId: string, week: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('help_match_sessions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('match_id', '=', matchId)
    .where('week_start', '=', week)
    .executeTakeFirst();
}

/**
 * Record (or replace) the hours of a week, confirmed by the recorder's side only. A week that both
 * sides have confirmed is left alone: undefined then.
 */
export async function putSession(
  db: DbOrTrx,
  row: {
    tenant_id: string;
    match_id: string;
    week_start: string;
    hours: number;
    recorded_by: string;
    side: 'volunteer' | 'requester';
    now: Date;
  },
): Promise<SessionRow | undefined> {
  const confirmed = {
    confirmed_volunteer_at: row.side === 'volunteer' ? row.now : null,
    confirmed_requester_at: row.side === 'requester' ? row.now : null,
  };
  return db
    .insertInto('help_match_sessions')
    .values({
      tenant_id: row.tenant_id,
      match_id: row.match_id,
      week_start: row.week_start,
      hours: row.hours,
      recorded_by: row.recorded_by,
      ...confirmed,
      created_at: row.now,
      updated_at: row.now,
    })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'match_id', 'week_start'])
        .doUpdateSet({ hours: row.hours, recorded_by: row.recorded_by, ...confirmed, updated_at: row.now })
        .where(sql<boolean>`help_match_sessions.confirmed_volunteer_at is null or help_match_sessions.confirmed_requester_at is null`),
    )
    .returningAll()
    .executeTakeFirst();
}

/** Confirm a week for one side; undefined when both sides had already confirmed it (or it is not there). */
export async function confirmSession(
  db: DbOrTrx,
  tenantId: string,
  matchId: string,
  week: string,
  side: 'volunteer' | 'requester',
  now: Date,
): Promise<SessionRow | undefined> {
  return db
    .updateTable('help_match_sessions')
    .set(side === 'volunteer' ? { confirmed_volunteer_at: now, updated_at: now } : { confirmed_requester_at: now, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('match_id', '=', matchId)
    .where('week_start', '=', week)
    .where((eb) => eb.or([eb('confirmed_volunteer_at', 'is', null), eb('confirmed_requester_at', 'is', null)]))
    .returningAll()
    .executeTakeFirst();
}

/** Total hours of the weeks both sides confirmed. */
export async function confirmedHours(db: DbOrTrx, tenantId: string, matchId: string): Promise<number> {
  const r = await db
    .selectFrom('help_match_sessions')
    .select(sql<number>`coalesce(sum(hours), 0)::float8`.as('h'))
    .where('tenant_id', '=', tenantId)
    .where('match_id', '=', matchId)
    .where('confirmed_volunteer_at', 'is not', null)
    .where('confirmed_requester_at', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(r.h);
}

/**
 * The weeks of weekly help a person gave or received (as volunteer, or as the one asking or who
 * asked on someone's behalf): for their data export.
 */
export async function sessionsOfUserAll(
  db: DbOrTrx,
  userId: string,
): Promise<{ matchId: string; weekStart: string; hours: number; confirmedByVolunteer: boolean; confirmedByRequester: boolean }[]> {
  const rows = await db
    .selectFrom('help_match_sessions as s')
    .innerJoin('help_matches as m', (j) => j.onRef('m.id', '=', 's.match_id').onRef('m.tenant_id', '=', 's.tenant_id'))
    .innerJoin('help_requests as r', (j) => j.onRef('r.id', '=', 'm.request_id').onRef('r.tenant_id', '=', 'm.tenant_id'))
    .select(['s.match_id', 's.week_start', 's.hours', 's.confirmed_volunteer_at', 's.confirmed_requester_at'])
    .where((eb) =>
      eb.or([eb('m.volunteer_user_id', '=', userId), eb('r.requester_user_id', '=', userId), eb('r.created_by_user_id', '=', userId)]),
    )
    .orderBy('s.match_id')
    .orderBy('s.week_start')
    .execute();
  return rows.map((r) => ({
    matchId: r.match_id,
    weekStart: r.week_start,
    hours: Number(r.hours),
    confirmedByVolunteer: r.confirmed_volunteer_at !== null,
    confirmedByRequester: r.confirmed_requester_at !== null,
  }));
}
