/**
 * Queries of help's live indicators (helpmatch module only): a few aggregate queries per
 * municipality, grouped by buurt, wijk and the whole municipality (grouping sets; `g` 1 = buurt,
 * 2 = wijk, 3 = municipality) and by quarter. A request's place is its buurt and wijk.
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { quarterSql, type QuarterSpan } from '../../../platform/live-indicators.ts';

export interface GroupRow {
  g: number;
  buurt_code: string | null;
  wijk_code: string | null;
  period: string;
}

export interface RequestsRow extends GroupRow {
  requests: number;
}

export interface MatchDaysRow extends GroupRow {
  matched: number;
  median_s: number | null;
}

export interface VolunteerRow extends GroupRow {
  /** Null for matches without a volunteer account. */
  volunteer: string | null;
  /** Matches of this volunteer in effect during the quarter (accepted before its end, not closed before its start). */
  in_effect: number;
  /** Of those, accepted in the quarter, by the request's kind of help. */
  new_latent: number;
  new_incidental: number;
  new_structural: number;
}

export interface HoursRow {
  buurt_code: string | null;
  wijk_code: string | null;
  period: string;
  hours: number;
}

export interface CircleHoursRow {
  area_code: string | null;
  period: string;
  hours: number;
}

const GROUPS = sql`grouping sets ((buurt_code, period), (wijk_code, period), (period))`;

/** Requests for help asked in each quarter since `from`. */
export async function requestsByQuarter(db: DbOrTrx, tenantId: string, from: Date): Promise<RequestsRow[]> {
  const r = await sql<RequestsRow>`
    with base as (
      select buurt_code, wijk_code, ${quarterSql(sql`created_at`)} as period
      from help_requests where tenant_id = ${tenantId} and created_at >= ${from}
    )
    select grouping(buurt_code, wijk_code)::int as g, buurt_code, wijk_code, period, count(*)::int as requests
    from base group by ${GROUPS}`.execute(db);
  return r.rows.map((x) => ({ ...x, g: Number(x.g), requests: Number(x.requests) }));
}

/** Requests whose first match was accepted in each quarter since `from`, and the median time from asking to that match. */
export async function daysToMatchByQuarter(db: DbOrTrx, tenantId: string, from: Date): Promise<MatchDaysRow[]> {
  const r = await sql<MatchDaysRow>`
    with first_match as (
      select request_id, min(accepted_at) as at from help_matches
      where tenant_id = ${tenantId} and accepted_at is not null group by request_id
    ), base as (
      select r.buurt_code, r.wijk_code, ${quarterSql(sql`f.at`)} as period, extract(epoch from (f.at - r.created_at))::float8 as s
      from first_match f join help_requests r on r.tenant_id = ${tenantId} and r.id = f.request_id
      where f.at >= ${from}
    )
    select grouping(buurt_code, wijk_code)::int as g, buurt_code, wijk_code, period,
      count(*)::int as matched, percentile_cont(0.5) within group (order by s) as median_s
    from base group by ${GROUPS}`.execute(db);
  return r.rows.map((x) => ({
    ...x,
    g: Number(x.g),
    matched: Number(x.matched),
    median_s: x.median_s === null ? null : Number(x.median_s),
  }));
}

/**
 * Matches that came about (accepted), per volunteer, per area and quarter: those in effect during
 * the quarter, and those accepted in it by kind of help. One query over all quarters.
 */
export async function volunteersByQuarter(db: DbOrTrx, tenantId: string, quarters: readonly QuarterSpan[]): Promise<VolunteerRow[]> {
  const spans = sql.join(
    quarters.map((q) => sql`(${q.period}, cast(${q.start.toISOString()} as timestamptz), cast(${q.end.toISOString()} as timestamptz))`),
  );
  const r = await sql<VolunteerRow>`
    with q(period, qs, qe) as (values ${spans}),
    base as (
      select r.buurt_code, r.wijk_code, q.period, m.volunteer_user_id::text as volunteer, r.help_type,
        (m.accepted_at >= q.qs) as new_in
      from help_matches m
      join help_requests r on r.tenant_id = m.tenant_id and r.id = m.request_id
      join q on m.accepted_at < q.qe and (m.closed_at is null or m.closed_at >= q.qs)
      where m.tenant_id = ${tenantId} and m.accepted_at is not null
    )
    select grouping(buurt_code, wijk_code)::int as g, buurt_code, wijk_code, period, volunteer,
      count(*)::int as in_effect,
      count(*) filter (where new_in and help_type = 'latent')::int as new_latent,
      count(*) filter (where new_in and help_type = 'incidental')::int as new_incidental,
      count(*) filter (where new_in and help_type = 'structural')::int as new_structural
    from base
    group by grouping sets ((buurt_code, period, volunteer), (wijk_code, period, volunteer), (period, volunteer))`.execute(db);
  return r.rows.map((x) => ({
    ...x,
    g: Number(x.g),
    in_effect: Number(x.in_effect),
    new_latent: Number(x.new_latent),
    new_incidental: Number(x.new_incidental),
    new_structural: Number(x.new_structural),
  }));
}

/**
 * Hours of help from matches, as the ledger counts them (both sides confirmed): a one-off match in
 * the quarter both confirmed it (when done); a weekly arrangement week by week, in the quarter of
 * the week's Monday. Per buurt, wijk and quarter since `from` (additive: the caller adds up).
 */
export async function matchHoursByQuarter(db: DbOrTrx, tenantId: string, from: Date): Promise<HoursRow[]> {
  const fromDay = from.toISOString().slice(0, 10);
  const r = await sql<HoursRow>`
    select buurt_code, wijk_code, period, sum(hours)::float8 as hours from (
      select r.buurt_code, r.wijk_code,
        ${quarterSql(sql`greatest(m.hours_confirmed_volunteer_at, m.hours_confirmed_requester_at)`)} as period, m.hours
      from help_matches m join help_requests r on r.tenant_id = m.tenant_id and r.id = m.request_id
      where m.tenant_id = ${tenantId} and r.schedule_kind <> 'weekly' and m.state = 'done' and m.hours is not null
        and m.hours_confirmed_volunteer_at is not null and m.hours_confirmed_requester_at is not null
        and greatest(m.hours_confirmed_volunteer_at, m.hours_confirmed_requester_at) >= ${from}
      union all
      select r.buurt_code, r.wijk_code, to_char(cast(s.week_start as date), 'YYYY-"Q"Q') as period, s.hours
      from help_match_sessions s
      join help_matches m on m.tenant_id = s.tenant_id and m.id = s.match_id
      join help_requests r on r.tenant_id = m.tenant_id and r.id = m.request_id
      where s.tenant_id = ${tenantId} and s.confirmed_volunteer_at is not null and s.confirmed_requester_at is not null
        and s.week_start >= ${fromDay}
    ) x
    group by buurt_code, wijk_code, period`.execute(db);
  return r.rows.map((x) => ({ ...x, hours: Number(x.hours) }));
}

/** Hours of done turns in care circles, per the circle's area code and quarter since `from`. */
export async function circleHoursByQuarter(db: DbOrTrx, tenantId: string, from: Date): Promise<CircleHoursRow[]> {
  const r = await sql<CircleHoursRow>`
    select c.area_code, ${quarterSql(sql`t.done_at`)} as period, sum(t.hours)::float8 as hours
    from helpmatch_circle_turns t join helpmatch_circles c on c.tenant_id = t.tenant_id and c.id = t.circle_id
    where t.tenant_id = ${tenantId} and t.done_at >= ${from} and t.hours is not null
    group by c.area_code, period`.execute(db);
  return r.rows.map((x) => ({ ...x, hours: Number(x.hours) }));
}
