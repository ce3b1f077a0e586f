import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { MeasurementRow } from '../core/core.store.ts';

/** Reads of the neighbourhood page's monitor summaries (only the summaries job calls these). */

export type Row = Omit<MeasurementRow, 'computedAt' | 'sourceNote'>;

function toRow(r: {
  indicator_code: string;
  area_code: string;
  period: string;
  period_start: string;
  period_end: string;
  value: number | null;
  respondents: number | null;
  ci_low: number | null;
  ci_high: number | null;
  status: 'ok' | 'suppressed' | 'unknown';
  is_demo: boolean;
}): Row {
  return {
    indicatorCode: r.indicator_code,
    areaCode: r.area_code,
    period: r.period,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    value: r.value === null ? null : Number(r.value),
    respondents: r.respondents,
    ciLow: r.ci_low === null ? null : Number(r.ci_low),
    ciHigh: r.ci_high === null ? null : Number(r.ci_high),
    status: r.status,
    isDemo: r.is_demo,
  };
}

const COLUMNS = [
  'indicator_code',
  'area_code',
  'period',
  'period_start',
  'period_end',
  'value',
  'respondents',
  'ci_low',
  'ci_high',
  'status',
  'is_demo',
] as const;

/** Every measurement of some indicators for a few areas (the area itself and its municipality), oldest first. */
export async function seriesOf(db: DbOrTrx, tenantId: string, areaCodes: readonly string[], codes: readonly string[]): Promise<Row[]> {
  if (areaCodes.length === 0 || codes.length === 0) return [];
  const rows = await db
    .selectFrom('monitor_measurements')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('area_code', 'in', [...areaCodes])
    .where('indicator_code', 'in', [...codes])
    .orderBy('period_start')
    .execute();
  return rows.map(toRow);
}

/**
 * Measurements of areas whose code starts with `prefix` (one level of one municipality: `WK0398`,
 * `BU0398`) for some indicators in some periods; the caller keeps the (indicator, period) pairs it wants.
 */
export async function levelFigures(
  db: DbOrTrx,
  tenantId: string,
  prefix: string,
  codes: readonly string[],
  /** null: every period. */
  periods: readonly string[] | null,
): Promise<Row[]> {
  if (codes.length === 0 || (periods !== null && periods.length === 0)) return [];
  let q = db
    .selectFrom('monitor_measurements')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('area_code', 'like', `${prefix}%`)
    .where('indicator_code', 'in', [...codes]);
  if (periods !== null) q = q.where('period', 'in', [...periods]);
  const rows = await q.orderBy('period_start').execute();
  return rows.map(toRow);
}

/** Targets of some indicators for this area or the whole municipality (area_code null). */
export async function targetsFor(db: DbOrTrx, tenantId: string, areaCode: string, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('monitor_targets')
    .select(['indicator_code', 'area_code', 'baseline_period', 'baseline_value', 'target_value', 'target_year', 'comparator', 'is_demo'])
    .where('tenant_id', '=', tenantId)
    .where('indicator_code', 'in', [...codes])
    .where((eb) => eb.or([eb('area_code', '=', areaCode), eb('area_code', 'is', null)]))
    .execute();
}

/** The municipality's own recorded judgements of an area, newest first. */
export async function recordedFor(db: DbOrTrx, tenantId: string, areaCode: string) {
  return db
    .selectFrom('monitor_recorded_classifications')
    .select(['year', 'class', 'label', 'knelpunten', 'method', 'source_note'])
    .where('tenant_id', '=', tenantId)
    .where('area_code', '=', areaCode)
    .orderBy('year', 'desc')
    .execute();
}
