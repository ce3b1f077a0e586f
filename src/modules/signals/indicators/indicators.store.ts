/**
 * Queries of the signals' live indicators (signals module only): three aggregate queries per
 * municipality, each grouped by buurt, wijk and the whole municipality (grouping sets) and by
 * quarter; **non-sensitive categories only**, as the neighbourhood section (section.store.ts):
 * these figures are public, and nothing about a worry about a neighbour may move them.
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { quarterSql } from '../../../platform/live-indicators.ts';

/** One row of a grouping-sets query: `g` 1 = per buurt, 2 = per wijk, 3 = municipality (areaOfGroupingRow). */
export interface GroupRow {
  g: number;
  buurt_code: string | null;
  wijk_code: string | null;
  period: string;
}

export interface ReceivedRow extends GroupRow {
  received: number;
  responded: number;
  median_response_s: number | null;
}

export interface ClosedRow extends GroupRow {
  closed: number;
  median_close_s: number | null;
  fb_base: number;
  fb_sent: number;
}

export interface FeedbackRow extends GroupRow {
  answers: number;
  satisfied: number;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * Signals reported in each quarter since `from`, and the median time to their first response: the
 * first step after reporting that changes the state or carries a message to the reporter (not
 * reassigning, not the reporter's own reopening), as the neighbourhood section counts it.
 */
export async function receivedByQuarter(db: DbOrTrx, tenantId: string, from: Date): Promise<ReceivedRow[]> {
  const r = await sql<ReceivedRow>`
    with base as (
      select s.buurt_code, s.wijk_code, ${quarterSql(sql`s.created_at`)} as period, s.created_at,
        (select min(t.created_at) from signals_transitions t
          where t.tenant_id = s.tenant_id and t.signal_id = s.id and t.from_state is not null
            and (t.from_state <> t.to_state or t.public_message is not null)
            and (t.reason is null or t.reason <> 'feedback')) as first_response
      from signals_signals s
      join signals_categories c on c.tenant_id = s.tenant_id and c.id = s.category_id
      where s.tenant_id = ${tenantId} and s.created_at >= ${from} and not c.sensitive
    )
    select grouping(buurt_code, wijk_code)::int as g, buurt_code, wijk_code, period,
      count(*)::int as received,
      count(first_response)::int as responded,
      percentile_cont(0.5) within group (order by extract(epoch from (first_response - created_at))::float8)
        filter (where first_response is not null) as median_response_s
    from base
    group by grouping sets ((buurt_code, period), (wijk_code, period), (period))`.execute(db);
  return r.rows.map((x) => ({
    ...x,
    g: Number(x.g),
    received: Number(x.received),
    responded: Number(x.responded),
    median_response_s: num(x.median_response_s),
  }));
}

/**
 * Signals closed (handled or cancelled) in each quarter since `from`: the median time from report
 * to closing, and how many of those whose reporter left contact details got the closing message.
 */
export async function closedByQuarter(db: DbOrTrx, tenantId: string, from: Date): Promise<ClosedRow[]> {
  const r = await sql<ClosedRow>`
    with base as (
      select s.buurt_code, s.wijk_code, ${quarterSql(sql`s.closed_at`)} as period, s.created_at, s.closed_at, s.feedback_sent_at,
        (s.reporter_email is not null or s.feedback_sent_at is not null) as contact
      from signals_signals s
      join signals_categories c on c.tenant_id = s.tenant_id and c.id = s.category_id
      where s.tenant_id = ${tenantId} and s.closed_at >= ${from} and not c.sensitive
    )
    select grouping(buurt_code, wijk_code)::int as g, buurt_code, wijk_code, period,
      count(*)::int as closed,
      percentile_cont(0.5) within group (order by extract(epoch from (closed_at - created_at))::float8) as median_close_s,
      count(*) filter (where contact)::int as fb_base,
      count(*) filter (where contact and feedback_sent_at is not null)::int as fb_sent
    from base
    group by grouping sets ((buurt_code, period), (wijk_code, period), (period))`.execute(db);
  return r.rows.map((x) => ({
    ...x,
    g: Number(x.g),
    closed: Number(x.closed),
    fb_base: Number(x.fb_base),
    fb_sent: Number(x.fb_sent),
    median_close_s: num(x.median_close_s),
  }));
}

/** Reporters' answers to "are you satisfied?" given in each quarter since `from` (by the signal's place). */
export async function feedbackByQuarter(db: DbOrTrx, tenantId: string, from: Date): Promise<FeedbackRow[]> {
  const r = await sql<FeedbackRow>`
    with base as (
      select s.buurt_code, s.wijk_code, ${quarterSql(sql`f.created_at`)} as period, f.satisfied
      from signals_feedback f
      join signals_signals s on s.tenant_id = f.tenant_id and s.id = f.signal_id
      join signals_categories c on c.tenant_id = s.tenant_id and c.id = s.category_id
      where f.tenant_id = ${tenantId} and f.created_at >= ${from} and not c.sensitive
    )
    select grouping(buurt_code, wijk_code)::int as g, buurt_code, wijk_code, period,
      count(*)::int as answers,
      count(*) filter (where satisfied)::int as satisfied
    from base
    group by grouping sets ((buurt_code, period), (wijk_code, period), (period))`.execute(db);
  return r.rows.map((x) => ({ ...x, g: Number(x.g), answers: Number(x.answers), satisfied: Number(x.satisfied) }));
}
