/**
 * Hours of help in a set of areas and a period, for other modules through helpmatch.service.ts
 * (the social return of a project card, issue 16). Only what the ledger counts as given: a one-off
 * match that is done with hours both sides confirmed (on the day of the help, else the day both had
 * confirmed), each week of a weekly arrangement both sides confirmed (on the week's Monday), and
 * done turns of care circles with hours (on the turn's day; noted by the one who did it).
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';

export interface PeriodHoursRow {
  source: 'match' | 'week' | 'circle';
  hours: number;
  n: number;
}

export async function hoursInAreasAndPeriod(
  db: DbOrTrx,
  tenantId: string,
  areaCodes: readonly string[],
  from: string,
  to: string,
): Promise<PeriodHoursRow[]> {
  if (areaCodes.length === 0) return [];
  const codes = sql.join(areaCodes.map((c) => sql`${c}`));
  const r = await sql<PeriodHoursRow>`
    select source, coalesce(sum(hours), 0)::float8 as hours, count(*)::int as n from (
      select 'match' as source, m.hours as hours
        from help_matches m join help_requests r on r.tenant_id = m.tenant_id and r.id = m.request_id
        where m.tenant_id = ${tenantId} and r.schedule_kind <> 'weekly' and m.state = 'done' and m.hours is not null
          and m.hours_confirmed_volunteer_at is not null and m.hours_confirmed_requester_at is not null
          and (r.buurt_code in (${codes}) or r.wijk_code in (${codes}))
          and coalesce(r.on_date, to_char(greatest(m.hours_confirmed_volunteer_at, m.hours_confirmed_requester_at) at time zone 'UTC', 'YYYY-MM-DD'))
            between ${from} and ${to}
      union all
      select 'week', s.hours
        from help_match_sessions s
        join help_matches m on m.tenant_id = s.tenant_id and m.id = s.match_id
        join help_requests r on r.tenant_id = m.tenant_id and r.id = m.request_id
        where s.tenant_id = ${tenantId} and s.confirmed_volunteer_at is not null and s.confirmed_requester_at is not null
          and (r.buurt_code in (${codes}) or r.wijk_code in (${codes}))
          and s.week_start between ${from} and ${to}
      union all
      select 'circle', t.hours
        from helpmatch_circle_turns t join helpmatch_circles c on c.tenant_id = t.tenant_id and c.id = t.circle_id
        where t.tenant_id = ${tenantId} and t.done_at is not null and t.hours is not null
          and c.area_code in (${codes}) and t.occurs_on between cast(${from} as date) and cast(${to} as date)
    ) x
    group by source`.execute(db);
  return r.rows.map((x) => ({ source: x.source, hours: Number(x.hours), n: Number(x.n) }));
}
