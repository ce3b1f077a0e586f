import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { IndicatorDefinition, IndicatorMeasurement } from '../../../platform/module.ts';
import { parsePeriod } from './periods.ts';

/**
 * The monitor's core store: indicator definitions and measurements per area and period. Other
 * features of the monitor (import, targets, page, jobs) build on these functions; other modules
 * reach them through the monitor's service, never directly.
 */

export interface IndicatorRow {
  code: string;
  nameNl: string;
  nameEn: string;
  descriptionNl: string;
  descriptionEn: string;
  unit: IndicatorDefinition['unit'];
  direction: IndicatorDefinition['direction'];
  source: IndicatorDefinition['source'];
  theme: IndicatorDefinition['theme'];
  formula: string | null;
  minRespondents: number;
  decimals: number;
  isDemo: boolean;
}

export interface MeasurementRow {
  indicatorCode: string;
  areaCode: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  value: number | null;
  respondents: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  status: 'ok' | 'suppressed' | 'unknown';
  isDemo: boolean;
  sourceNote: string;
  computedAt: Date;
}

/** Creates or updates indicator definitions (by code); returns how many were new. */
export async function ensureIndicators(
  db: DbOrTrx,
  tenantId: string,
  defs: readonly IndicatorDefinition[],
  isDemo = false,
): Promise<number> {
  if (defs.length === 0) return 0;
  const rows = defs.map((d) => ({
    tenant_id: tenantId,
    code: d.code,
    name_nl: d.nameNl,
    name_en: d.nameEn,
    description_nl: d.descriptionNl ?? '',
    description_en: d.descriptionEn ?? '',
    unit: d.unit,
    direction: d.direction,
    source: d.source,
    theme: d.theme,
    formula: d.formula ?? null,
    min_respondents: d.minRespondents ?? 30,
    decimals: d.decimals ?? 1,
    is_demo: isDemo,
  }));
  const result = await db
    .insertInto('monitor_indicators')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'code']).doUpdateSet((eb) => ({
        name_nl: eb.ref('excluded.name_nl'),
        name_en: eb.ref('excluded.name_en'),
        description_nl: eb.ref('excluded.description_nl'),
        description_en: eb.ref('excluded.description_en'),
        unit: eb.ref('excluded.unit'),
        direction: eb.ref('excluded.direction'),
        source: eb.ref('excluded.source'),
        theme: eb.ref('excluded.theme'),
        formula: eb.ref('excluded.formula'),
        min_respondents: eb.ref('excluded.min_respondents'),
        decimals: eb.ref('excluded.decimals'),
        updated_at: sql<Date>`now()`,
      })),
    )
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .execute();
  return result.filter((r) => r.inserted).length;
}

export async function listIndicators(db: DbOrTrx, tenantId: string): Promise<IndicatorRow[]> {
  const rows = await db
    .selectFrom('monitor_indicators')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('theme')
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    nameNl: r.name_nl,
    nameEn: r.name_en,
    descriptionNl: r.description_nl,
    descriptionEn: r.description_en,
    unit: r.unit as IndicatorRow['unit'],
    direction: r.direction as IndicatorRow['direction'],
    source: r.source as IndicatorRow['source'],
    theme: r.theme as IndicatorRow['theme'],
    formula: r.formula,
    minRespondents: r.min_respondents,
    decimals: r.decimals,
    isDemo: r.is_demo,
  }));
}

/**
 * Writes measurements (by indicator, area and period: a second write replaces the first). The
 * indicators must exist. Returns how many rows were new and how many replaced.
 */
export async function upsertMeasurements(
  db: DbOrTrx,
  tenantId: string,
  rows: readonly IndicatorMeasurement[],
  computedAt: Date,
): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  const CHUNK = 500;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = rows.slice(i, i + CHUNK).map((m) => {
      const p = parsePeriod(m.period);
      if (!p) throw new Error(`Not a monitor period: ${m.period}`);
      const status = m.status ?? (m.value === null ? 'unknown' : 'ok');
      return {
        tenant_id: tenantId,
        indicator_code: m.indicatorCode,
        area_code: m.areaCode,
        period: p.period,
        period_start: p.start,
        period_end: p.end,
        value: status === 'ok' ? m.value : null,
        respondents: m.respondents ?? null,
        ci_low: status === 'ok' ? (m.ciLow ?? null) : null,
        ci_high: status === 'ok' ? (m.ciHigh ?? null) : null,
        status,
        is_demo: m.isDemo ?? false,
        source_note: m.sourceNote ?? '',
        computed_at: computedAt,
      };
    });
    const result = await db
      .insertInto('monitor_measurements')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'indicator_code', 'area_code', 'period']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          respondents: eb.ref('excluded.respondents'),
          ci_low: eb.ref('excluded.ci_low'),
          ci_high: eb.ref('excluded.ci_high'),
          status: eb.ref('excluded.status'),
          is_demo: eb.ref('excluded.is_demo'),
          source_note: eb.ref('excluded.source_note'),
          computed_at: eb.ref('excluded.computed_at'),
        })),
      )
      .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
      .execute();
    for (const r of result) {
      if (r.inserted) created++;
      else updated++;
    }
  }
  return { created, updated };
}

/** Measurements of some areas (and optionally some indicators), oldest period first. */
export async function listMeasurements(
  db: DbOrTrx,
  tenantId: string,
  filter: { areaCodes?: readonly string[]; indicatorCodes?: readonly string[] } = {},
): Promise<MeasurementRow[]> {
  let q = db.selectFrom('monitor_measurements').selectAll().where('tenant_id', '=', tenantId);
  if (filter.areaCodes) {
    if (filter.areaCodes.length === 0) return [];
    q = q.where('area_code', 'in', [...filter.areaCodes]);
  }
  if (filter.indicatorCodes) {
    if (filter.indicatorCodes.length === 0) return [];
    q = q.where('indicator_code', 'in', [...filter.indicatorCodes]);
  }
  const rows = await q.orderBy('indicator_code').orderBy('area_code').orderBy('period_start').execute();
  return rows.map((r) => ({
    indicatorCode: r.indicator_code,
    areaCode: r.area_code,
    period: r.period,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    value: r.value,
    respondents: r.respondents,
    ciLow: r.ci_low,
    ciHigh: r.ci_high,
    status: r.status,
    isDemo: r.is_demo,
    sourceNote: r.source_note,
    computedAt: r.computed_at,
  }));
}

/** Removes the measurements of one indicator source's indicators for periods it recomputes (e.g. platform figures). */
export async function deleteMeasurements(db: DbOrTrx, tenantId: string, indicatorCodes: readonly string[]): Promise<void> {
  if (indicatorCodes.length === 0) return;
  await db
    .deleteFrom('monitor_measurements')
    .where('tenant_id', '=', tenantId)
    .where('indicator_code', 'in', [...indicatorCodes])
    .execute();
}
