import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';

/** Per indicator: how many measurements, and the latest period (by start day) that has any. */
export interface IndicatorStats {
  code: string;
  measurements: number;
  latestPeriod: string | null;
  targets: number;
}

export async function indicatorStats(db: DbOrTrx, tenantId: string): Promise<Map<string, IndicatorStats>> {
  const [counts, latest, targets] = await Promise.all([
    db
      .selectFrom('monitor_measurements')
      .select(['indicator_code', sql<number>`count(*)::int`.as('n')])
      .where('tenant_id', '=', tenantId)
      .groupBy('indicator_code')
      .execute(),
    db
      .selectFrom('monitor_measurements')
      .distinctOn('indicator_code')
      .select(['indicator_code', 'period'])
      .where('tenant_id', '=', tenantId)
      .orderBy('indicator_code')
      .orderBy('period_start', 'desc')
      .orderBy('period_end', 'desc')
      .execute(),
    db
      .selectFrom('monitor_targets')
      .select(['indicator_code', sql<number>`count(*)::int`.as('n')])
      .where('tenant_id', '=', tenantId)
      .groupBy('indicator_code')
      .execute(),
  ]);
  const out = new Map<string, IndicatorStats>();
  const get = (code: string) => {
    let s = out.get(code);
    if (!s) out.set(code, (s = { code, measurements: 0, latestPeriod: null, targets: 0 }));
    return s;
  };
  for (const r of counts) get(r.indicator_code).measurements = Number(r.n);
  for (const r of latest) get(r.indicator_code).latestPeriod = r.period;
  for (const r of targets) get(r.indicator_code).targets = Number(r.n);
  return out;
}

/** True when the municipality has an indicator with this code. */
export async function indicatorExists(db: DbOrTrx, tenantId: string, code: string): Promise<boolean> {
  const r = await db
    .selectFrom('monitor_indicators')
    .select('code')
    .where('tenant_id', '=', tenantId)
    .where('code', '=', code)
    .executeTakeFirst();
  return r !== undefined;
}
