/**
 * Queries of the joined-up part of "samen doen": calls for initiatives, and the figures per area for
 * the neighbourhood section and the live indicators (this module's tables only). An application
 * counts as applied once submitted, as funded with a full or partial decision, as carried out once
 * its accountability is in.
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';

export type CallOrigin = 'wijkschouw' | 'white_spot' | 'knelpunt' | 'other';

export interface CallRow {
  id: string;
  fund_id: string;
  fund_name: string;
  fund_slug: string;
  origin: CallOrigin;
  origin_ref: string;
  area_code: string | null;
  title_nl: string;
  title_en: string;
  text_nl: string;
  text_en: string;
  is_demo: boolean;
  closes_on: string | null;
}

export async function insertCall(
  db: DbOrTrx,
  row: { tenantId: string; fundId: string; origin: CallOrigin; originRef: string; areaCode: string | null; title: string; text: string },
): Promise<string> {
  const r = await db
    .insertInto('initiative_calls')
    .values({
      tenant_id: row.tenantId,
      fund_id: row.fundId,
      origin: row.origin,
      origin_ref: row.originRef,
      area_code: row.areaCode,
      title_nl: row.title,
      text_nl: row.text,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

function callsQuery(db: DbOrTrx, tenantId: string) {
  return db
    .selectFrom('initiative_calls as c')
    .innerJoin('initiative_funds as f', (j) => j.onRef('f.tenant_id', '=', 'c.tenant_id').onRef('f.id', '=', 'c.fund_id'))
    .leftJoin('initiative_rounds as r', (j) => j.onRef('r.tenant_id', '=', 'c.tenant_id').onRef('r.id', '=', 'c.round_id'))
    .select([
      'c.id',
      'c.fund_id',
      'f.name_nl as fund_name',
      'f.slug as fund_slug',
      'c.origin',
      'c.origin_ref',
      'c.area_code',
      'c.title_nl',
      'c.title_en',
      'c.text_nl',
      'c.text_en',
      'c.is_demo',
      'r.closes_on',
    ])
    .where('c.tenant_id', '=', tenantId);
}

/** Every call of the municipality, newest first (staff). */
export function listCalls(db: DbOrTrx, tenantId: string, limit: number): Promise<CallRow[]> {
  return callsQuery(db, tenantId).orderBy('c.created_at', 'desc').orderBy('c.id').limit(limit).execute();
}

export function findCall(db: DbOrTrx, tenantId: string, id: string): Promise<CallRow | undefined> {
  return callsQuery(db, tenantId).where('c.id', '=', id).executeTakeFirst();
}

/**
 * Open calls: of an active fund, without a round or with a round that has not closed by `today`.
 * `areaCodes` null: all of them; otherwise those for these areas (and, with `withMunicipal`, those
 * for the whole municipality).
 */
export function openCalls(
  db: DbOrTrx,
  tenantId: string,
  opts: { today: string; areaCodes: readonly string[] | null; withMunicipal?: boolean; fundId?: string; limit?: number },
): Promise<CallRow[]> {
  let q = callsQuery(db, tenantId)
    .where('f.status', '=', 'active')
    .where((eb) => eb.or([eb('r.id', 'is', null), eb('r.closes_on', 'is', null), eb('r.closes_on', '>=', opts.today)]));
  if (opts.fundId) q = q.where('c.fund_id', '=', opts.fundId);
  const codes = opts.areaCodes;
  if (codes !== null) {
    q = q.where((eb) => {
      const parts = codes.length > 0 ? [eb('c.area_code', 'in', codes)] : [];
      if (opts.withMunicipal) parts.push(eb('c.area_code', 'is', null));
      return parts.length > 0 ? eb.or(parts) : eb.val(false);
    });
  }
  return q
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id')
    .limit(opts.limit ?? 100)
    .execute();
}

export interface FundChoice {
  id: string;
  name_nl: string;
}

export function activeFunds(db: DbOrTrx, tenantId: string): Promise<FundChoice[]> {
  return db
    .selectFrom('initiative_funds')
    .select(['id', 'name_nl'])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'active')
    .orderBy('name_nl')
    .execute();
}

export interface AreaFigures {
  applied: number;
  funded: number;
  carried_out: number;
  participants: number;
  granted_cents: number;
  demo: number;
}

/** The figures of the applications in these areas (all time). */
export async function areaFigures(db: DbOrTrx, tenantId: string, areaCodes: readonly string[]): Promise<AreaFigures> {
  if (areaCodes.length === 0) return { applied: 0, funded: 0, carried_out: 0, participants: 0, granted_cents: 0, demo: 0 };
  const r = await sql<Record<keyof AreaFigures, string | number | null>>`
    select
      count(*) filter (where a.submitted_at is not null)::int as applied,
      count(*) filter (where a.decision in ('full', 'partial'))::int as funded,
      count(x.application_id)::int as carried_out,
      coalesce(sum(x.participants), 0)::int as participants,
      coalesce(sum(a.granted_cents) filter (where a.decision in ('full', 'partial')), 0)::bigint as granted_cents,
      count(*) filter (where a.is_demo and a.submitted_at is not null)::int as demo
    from initiative_applications a
    left join initiative_accounts x on x.tenant_id = a.tenant_id and x.application_id = a.id
    where a.tenant_id = ${tenantId} and a.area_code in (${sql.join(areaCodes)})`.execute(db);
  const row = r.rows[0]!;
  return {
    applied: Number(row.applied),
    funded: Number(row.funded),
    carried_out: Number(row.carried_out),
    participants: Number(row.participants),
    granted_cents: Number(row.granted_cents),
    demo: Number(row.demo),
  };
}

export interface FundedRow {
  reference: string;
  title: string;
  group_name: string;
  area_code: string;
  granted_cents: number | null;
  carried_out: boolean;
  is_demo: boolean;
}

/** Funded initiatives in these areas, newest decision first: title and group name only (never a person). */
export async function fundedIn(db: DbOrTrx, tenantId: string, areaCodes: readonly string[], limit: number): Promise<FundedRow[]> {
  if (areaCodes.length === 0) return [];
  const rows = await db
    .selectFrom('initiative_applications as a')
    .leftJoin('initiative_accounts as x', (j) => j.onRef('x.tenant_id', '=', 'a.tenant_id').onRef('x.application_id', '=', 'a.id'))
    .select(['a.reference', 'a.title', 'a.group_name', 'a.area_code', 'a.granted_cents', 'a.is_demo', 'x.application_id as account_of'])
    .where('a.tenant_id', '=', tenantId)
    .where('a.area_code', 'in', areaCodes)
    .where('a.decision', 'in', ['full', 'partial'])
    .orderBy('a.decided_at', 'desc')
    .orderBy('a.reference')
    .limit(limit)
    .execute();
  return rows.map(({ account_of, ...r }) => ({ ...r, carried_out: account_of !== null }));
}

/** One figure per raw area code and quarter (the caller rolls buurten up to wijken and the municipality). */
export interface QuarterCell {
  area_code: string;
  period: string;
  n: number;
}

const quarterOfDay = (col: string) =>
  sql<string>`(substr(${sql.ref(col)}, 1, 4) || '-Q' || ((substr(${sql.ref(col)}, 6, 2)::int + 2) / 3)::text)`;
const quarterOfStamp = (col: string) => sql<string>`to_char((${sql.ref(col)}) at time zone 'UTC', 'YYYY-"Q"Q')`;

/** Applications submitted per area and quarter since `from`. */
export async function appliedByQuarter(db: DbOrTrx, tenantId: string, from: Date): Promise<QuarterCell[]> {
  const r = await sql<{ area_code: string; period: string; n: number }>`
    select area_code, ${quarterOfStamp('submitted_at')} as period, count(*)::int as n
    from initiative_applications where tenant_id = ${tenantId} and submitted_at >= ${from}
    group by 1, 2`.execute(db);
  return r.rows.map((x) => ({ area_code: x.area_code, period: x.period, n: Number(x.n) }));
}

/** Applications funded (full or partial) per area and quarter of the decision, and the euros granted. */
export async function fundedByQuarter(db: DbOrTrx, tenantId: string, from: Date): Promise<{ count: QuarterCell[]; euros: QuarterCell[] }> {
  const r = await sql<{ area_code: string; period: string; n: number; cents: string | number }>`
    select area_code, ${quarterOfStamp('decided_at')} as period, count(*)::int as n, coalesce(sum(granted_cents), 0)::bigint as cents
    from initiative_applications
    where tenant_id = ${tenantId} and decided_at >= ${from} and decision in ('full', 'partial')
    group by 1, 2`.execute(db);
  return {
    count: r.rows.map((x) => ({ area_code: x.area_code, period: x.period, n: Number(x.n) })),
    euros: r.rows.map((x) => ({ area_code: x.area_code, period: x.period, n: Number(x.cents) / 100 })),
  };
}

/** Initiatives carried out (accountability submitted) per area and quarter, and their participants. */
export async function carriedOutByQuarter(
  db: DbOrTrx,
  tenantId: string,
  fromDay: string,
): Promise<{ count: QuarterCell[]; participants: QuarterCell[] }> {
  const r = await sql<{ area_code: string; period: string; n: number; p: string | number }>`
    select a.area_code, ${quarterOfDay('x.submitted_on')} as period, count(*)::int as n, coalesce(sum(x.participants), 0)::bigint as p
    from initiative_accounts x
    join initiative_applications a on a.tenant_id = x.tenant_id and a.id = x.application_id
    where x.tenant_id = ${tenantId} and x.submitted_on >= ${fromDay}
    group by 1, 2`.execute(db);
  return {
    count: r.rows.map((x) => ({ area_code: x.area_code, period: x.period, n: Number(x.n) })),
    participants: r.rows.map((x) => ({ area_code: x.area_code, period: x.period, n: Number(x.p) })),
  };
}
