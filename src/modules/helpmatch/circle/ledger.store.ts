/**
 * Reads for the reciprocity ledger: hours from matches with confirmed hours (the core
 * tables, read only) and from done circle turns; and the reciprocity answers (own table).
 */
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';

/**
 * A match counts once both sides confirmed its hours and it is done, or it is a weekly arrangement
 * (its hours are then the total of the weeks both confirmed, counted while it goes on). Needs the
 * request as `r`.
 */
const MATCH_COUNTS = sql`(m.state = 'done' or r.schedule_kind = 'weekly') and m.hours is not null and m.hours_confirmed_volunteer_at is not null and m.hours_confirmed_requester_at is not null`;

export interface UserHours {
  matchGiven: number;
  matchReceived: number;
  circleGiven: number;
  circleReceived: number;
}

/** Hours a person gave and received in a tenant, per source. */
export async function hoursOfUser(db: DbOrTrx, tenantId: string, userId: string): Promise<UserHours> {
  const r = await sql<{ mg: number; mr: number; cg: number; cr: number }>`
    select
      (select coalesce(sum(m.hours), 0)::float8 from help_matches m join help_requests r on r.id = m.request_id and r.tenant_id = m.tenant_id
        where m.tenant_id = ${tenantId} and m.volunteer_user_id = ${userId} and ${MATCH_COUNTS}) as mg,
      (select coalesce(sum(m.hours), 0)::float8 from help_matches m join help_requests r on r.id = m.request_id and r.tenant_id = m.tenant_id
        where m.tenant_id = ${tenantId} and r.requester_user_id = ${userId} and ${MATCH_COUNTS}) as mr,
      (select coalesce(sum(t.hours), 0)::float8 from helpmatch_circle_turns t
        where t.tenant_id = ${tenantId} and t.taken_by = ${userId} and t.done_at is not null) as cg,
      (select coalesce(sum(t.hours), 0)::float8 from helpmatch_circle_turns t join helpmatch_circles c on c.id = t.circle_id and c.tenant_id = t.tenant_id
        where t.tenant_id = ${tenantId} and c.person_user_id = ${userId} and t.done_at is not null) as cr
  `.execute(db);
  const row = r.rows[0]!;
  return { matchGiven: Number(row.mg), matchReceived: Number(row.mr), circleGiven: Number(row.cg), circleReceived: Number(row.cr) };
}

export interface TotalsRow {
  match_hours: number;
  circle_hours: number;
  people_giving: number;
  people_receiving: number;
}

function inList(col: RawBuilder<unknown>, codes: readonly string[]): RawBuilder<unknown> {
  return sql`${col} in (${sql.join(codes.map((c) => sql`${c}`))})`;
}

/**
 * Hours and people over a set of areas (null: the whole tenant). A receiver without an account
 * (asked on their behalf, or the person of a circle) counts once per request or circle.
 */
export async function totals(db: DbOrTrx, tenantId: string, areaCodes: readonly string[] | null): Promise<TotalsRow> {
  const matchArea =
    areaCodes === null ? sql`true` : sql`(${inList(sql`r.buurt_code`, areaCodes)} or ${inList(sql`r.wijk_code`, areaCodes)})`;
  const circleArea = areaCodes === null ? sql`true` : inList(sql`c.area_code`, areaCodes);
  const r = await sql<TotalsRow>`
    select
      coalesce(sum(hours) filter (where source = 'm'), 0)::float8 as match_hours,
      coalesce(sum(hours) filter (where source = 'c'), 0)::float8 as circle_hours,
      count(distinct giver)::int as people_giving,
      count(distinct receiver)::int as people_receiving
    from (
      select 'm' as source, m.hours as hours, m.volunteer_user_id::text as giver,
             coalesce(r.requester_user_id::text, 'r:' || r.id::text) as receiver
        from help_matches m join help_requests r on r.id = m.request_id and r.tenant_id = m.tenant_id
        where m.tenant_id = ${tenantId} and ${MATCH_COUNTS} and ${matchArea}
      union all
      select 'c', t.hours, t.taken_by::text, coalesce(c.person_user_id::text, 'c:' || c.id::text)
        from helpmatch_circle_turns t join helpmatch_circles c on c.id = t.circle_id and c.tenant_id = t.tenant_id
        where t.tenant_id = ${tenantId} and t.done_at is not null and ${circleArea}
    ) x
  `.execute(db);
  const row = r.rows[0]!;
  return {
    match_hours: Number(row.match_hours),
    circle_hours: Number(row.circle_hours),
    people_giving: Number(row.people_giving),
    people_receiving: Number(row.people_receiving),
  };
}

/** Hours done in one circle (shown to its members). */
export async function circleHours(db: DbOrTrx, tenantId: string, circleId: string): Promise<number> {
  const r = await sql<{ h: number }>`
    select coalesce(sum(hours), 0)::float8 as h from helpmatch_circle_turns
    where tenant_id = ${tenantId} and circle_id = ${circleId} and done_at is not null`.execute(db);
  return Number(r.rows[0]!.h);
}

// --- reciprocity answers -------------------------------------------------------------------------

export async function findAnswer(db: DbOrTrx, tenantId: string, userId: string) {
  return db
    .selectFrom('helpmatch_reciprocity_answers')
    .select(['answer', 'updated_at'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function upsertAnswer(db: DbOrTrx, tenantId: string, userId: string, answer: string, now: Date): Promise<void> {
  await db
    .insertInto('helpmatch_reciprocity_answers')
    .values({ tenant_id: tenantId, user_id: userId, answer, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({ answer, updated_at: now }))
    .execute();
}

export async function deleteAnswer(db: DbOrTrx, tenantId: string, userId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('helpmatch_reciprocity_answers')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// --- a person's data (export / forget) -----------------------------------------------------------

export async function answersOfUser(db: DbOrTrx, userId: string) {
  return db
    .selectFrom('helpmatch_reciprocity_answers')
    .select(['tenant_id', 'answer', 'created_at', 'updated_at'])
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteAnswersOfUser(db: DbOrTrx, userId: string): Promise<void> {
  await db.deleteFrom('helpmatch_reciprocity_answers').where('user_id', '=', userId).execute();
}
