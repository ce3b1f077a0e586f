/**
 * Queries of the neighbourhood section and the feedback rule (signals module only): two aggregate
 * queries per area (open signals by group; times, feedback and satisfaction), counts only, over
 * non-sensitive categories only; and, for staff, open sensitive signals per wijk.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { SignalState } from '../workflow.ts';

/** Which signals an area holds: all of the tenant (municipality) or those in the given wijk/buurt codes. */
export interface AreaScope {
  tenantId: string;
  /** Null: the whole municipality (also signals with an address only). */
  codes: readonly string[] | null;
  /** The column that splits the area into parts (wijk at municipality level, buurt at wijk level), or none. */
  splitBy: 'wijk_code' | 'buurt_code' | null;
}

export interface OpenCountRow {
  group_id: string;
  group_name: string;
  position: number;
  part: string | null;
  n: number;
}

export interface MeasureRow {
  part: string | null;
  is_total: number;
  closed: number;
  median_close_s: number | null;
  responded: number;
  median_response_s: number | null;
  fb_base: number;
  fb_sent: number;
  answers: number;
  satisfied: number;
}

function areaFilter(scope: AreaScope): RawBuilder<unknown> {
  if (scope.codes === null) return sql`true`;
  if (scope.codes.length === 0) return sql`false`;
  const list = sql.join(scope.codes.map((c) => sql`${c}`));
  return sql`(s.buurt_code in (${list}) or s.wijk_code in (${list}))`;
}

const partColumn = (scope: AreaScope) => (scope.splitBy ? sql.ref(`s.${scope.splitBy}`) : sql`null::text`);

/**
 * Open signals of the area per category group and part, **non-sensitive categories only**: these
 * figures are public, and nothing about a worry about a neighbour may move them.
 */
export async function openCounts(db: DbOrTrx, scope: AreaScope, openStates: readonly SignalState[]): Promise<OpenCountRow[]> {
  const states = sql.join(openStates.map((s) => sql`${s}`));
  const r = await sql<OpenCountRow>`
    select g.id as group_id, g.name as group_name, g.position, ${partColumn(scope)} as part, count(*)::int as n
    from signals_signals s
    join signals_categories c on c.tenant_id = s.tenant_id and c.id = s.category_id
    join signals_category_groups g on g.tenant_id = c.tenant_id and g.id = c.group_id
    where s.tenant_id = ${scope.tenantId} and s.state in (${states}) and not c.sensitive and ${areaFilter(scope)}
    group by g.id, g.name, g.position, part`.execute(db);
  return r.rows.map((x) => ({ ...x, n: Number(x.n), position: Number(x.position) }));
}

/** Open signals in sensitive categories per wijk, for the given wijken (staff only; never per buurt). */
export async function openSensitiveByWijk(
  db: DbOrTrx,
  tenantId: string,
  wijkCodes: readonly string[],
  openStates: readonly SignalState[],
): Promise<{ wijk_code: string; n: number }[]> {
  if (wijkCodes.length === 0) return [];
  const states = sql.join(openStates.map((s) => sql`${s}`));
  const r = await sql<{ wijk_code: string; n: number }>`
    select s.wijk_code, count(*)::int as n
    from signals_signals s
    join signals_categories c on c.tenant_id = s.tenant_id and c.id = s.category_id
    where s.tenant_id = ${tenantId} and s.state in (${states}) and c.sensitive
      and s.wijk_code in (${sql.join(wijkCodes.map((c) => sql`${c}`))})
    group by s.wijk_code`.execute(db);
  return r.rows.map((x) => ({ wijk_code: x.wijk_code, n: Number(x.n) }));
}

/**
 * Times, feedback and satisfaction of the signals reported or closed since a date, per part and in
 * total (grouping sets), **non-sensitive categories only** (public figures). First response: the
 * first step after reporting that changes the state or carries a message to the reporter (not
 * reassigning, not the reporter's own reopening).
 */
export async function measures(db: DbOrTrx, scope: AreaScope, since: Date): Promise<MeasureRow[]> {
  const r = await sql<MeasureRow>`
    with base as (
      select ${partColumn(scope)} as part, s.created_at, s.closed_at, s.feedback_sent_at,
        (s.reporter_email is not null or s.feedback_sent_at is not null) as contact,
        (s.closed_at is not null and s.closed_at >= ${since}) as closed_in,
        (select min(t.created_at) from signals_transitions t
          where t.tenant_id = s.tenant_id and t.signal_id = s.id and t.from_state is not null
            and (t.from_state <> t.to_state or t.public_message is not null)
            and (t.reason is null or t.reason <> 'feedback')) as first_response,
        (select count(*) from signals_feedback f
          where f.tenant_id = s.tenant_id and f.signal_id = s.id and f.created_at >= ${since}) as answers,
        (select count(*) from signals_feedback f
          where f.tenant_id = s.tenant_id and f.signal_id = s.id and f.created_at >= ${since} and f.satisfied) as satisfied
      from signals_signals s
      join signals_categories c on c.tenant_id = s.tenant_id and c.id = s.category_id
      where s.tenant_id = ${scope.tenantId} and (s.created_at >= ${since} or s.closed_at >= ${since}) and not c.sensitive and ${areaFilter(scope)}
    )
    select part, grouping(part)::int as is_total,
      count(*) filter (where closed_in)::int as closed,
      percentile_cont(0.5) within group (order by extract(epoch from (closed_at - created_at))::float8) filter (where closed_in) as median_close_s,
      count(*) filter (where created_at >= ${since} and first_response is not null)::int as responded,
      percentile_cont(0.5) within group (order by extract(epoch from (first_response - created_at))::float8)
        filter (where created_at >= ${since} and first_response is not null) as median_response_s,
      count(*) filter (where closed_in and contact)::int as fb_base,
      count(*) filter (where closed_in and contact and feedback_sent_at is not null)::int as fb_sent,
      coalesce(sum(answers), 0)::int as answers,
      coalesce(sum(satisfied), 0)::int as satisfied
    from base
    group by grouping sets ((part), ())`.execute(db);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return r.rows.map((x) => ({
    ...x,
    is_total: Number(x.is_total),
    closed: Number(x.closed),
    responded: Number(x.responded),
    fb_base: Number(x.fb_base),
    fb_sent: Number(x.fb_sent),
    answers: Number(x.answers),
    satisfied: Number(x.satisfied),
    median_close_s: num(x.median_close_s),
    median_response_s: num(x.median_response_s),
  }));
}

/** Record whether the closing message reached the reporter (the time it was queued, or null). */
export async function setFeedbackSent(db: DbOrTrx, tenantId: string, signalId: string, at: Date | null): Promise<void> {
  await db
    .updateTable('signals_signals')
    .set({ feedback_sent_at: at })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', signalId)
    .execute();
}
