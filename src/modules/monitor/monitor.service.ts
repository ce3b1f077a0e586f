/**
 * The monitor's service: what routes, other features and (later) the programme module use.
 * Every function takes the acting principal and checks the monitor's policies first.
 * Indicators (list, get, define), targets (create, remove, on course) and the measurements,
 * classifications and crosswalk of areas.
 */
import { authorize, type Principal } from '../../platform/principal.ts';
import type { DbOrTrx } from '../../platform/db/database.ts';
import { Invalid, NotFound } from '../../platform/errors.ts';
import { checkForm } from '../../platform/http/forms.ts';
import { can, type MonitorAction } from './policies.ts';
import {
  ensureIndicators,
  listIndicators,
  listMeasurements,
  upsertMeasurements,
  type IndicatorRow,
  type MeasurementRow,
} from './core/core.store.ts';
import type { IndicatorMeasurement } from '../../platform/module.ts';
import { parsePeriod } from './core/periods.ts';
import { indicatorInput, targetInput, type IndicatorInput, type TargetInput } from './indicators/indicators.schemas.ts';
import { indicatorExists, indicatorStats, type IndicatorStats } from './indicators/indicators.store.ts';
import { deleteTarget, insertTarget, listTargets, setTargetsProgrammeGoal, type TargetRow } from './targets/targets.store.ts';
import { assessTarget, type CourseAssessment } from './targets/on-course.ts';
import { listRecordedClassifications, type RecordedClassification } from './classify/recorded.store.ts';
import { classifyAreas, type Classification } from './classify/classify.ts';
import { addCrosswalkRows, listCrosswalk } from './crosswalk/crosswalk.store.ts';
import { comparableSeries, recomputeOntoCurrent, type CrosswalkRow, type Series } from './crosswalk/crosswalk.ts';
import { perspectivePage } from './perspective/perspective.service.ts';

export type { IndicatorRow, MeasurementRow, TargetRow, CourseAssessment, RecordedClassification, Classification, Series, CrosswalkRow };

/** The principal may act in this municipality and has the action (jobs and the command line may act anywhere). */
function allow(principal: Principal, tenantId: string, action: MonitorAction): void {
  authorize((principal.system === true || principal.tenantId === tenantId) && can(principal, action));
}

export interface IndicatorOverview extends IndicatorRow {
  stats: IndicatorStats;
}

/** Every indicator of the municipality, by theme, with its number of measurements, latest period and targets. */
export async function listIndicatorOverview(db: DbOrTrx, principal: Principal, tenantId: string): Promise<IndicatorOverview[]> {
  allow(principal, tenantId, 'monitor.indicators.list');
  const [indicators, stats] = await Promise.all([listIndicators(db, tenantId), indicatorStats(db, tenantId)]);
  return indicators.map((i) => ({ ...i, stats: stats.get(i.code) ?? { code: i.code, measurements: 0, latestPeriod: null, targets: 0 } }));
}

/** The published definitions (public, as the neighbourhood page shows them). */
export async function listIndicatorDefinitions(db: DbOrTrx, principal: Principal, tenantId: string): Promise<IndicatorRow[]> {
  allow(principal, tenantId, 'monitor.figures.view');
  return listIndicators(db, tenantId);
}

export async function getIndicator(db: DbOrTrx, principal: Principal, tenantId: string, code: string): Promise<IndicatorRow> {
  allow(principal, tenantId, 'monitor.figures.view');
  const found = (await listIndicators(db, tenantId)).find((i) => i.code === code);
  if (!found) throw NotFound();
  return found;
}

/**
 * Define a new indicator (`existing` absent) or change one (`existing` its code: the code stays).
 * Refused with field messages: code longer than 50 characters or taken, missing names, a
 * threshold below 5.
 */
export async function defineIndicator(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  input: IndicatorInput,
  existing?: string,
): Promise<string> {
  allow(principal, tenantId, 'monitor.indicators.manage');
  const parsed = checkForm(indicatorInput, existing ? { ...input, code: existing } : input);
  if (!parsed.ok) throw Invalid(parsed.errors);
  const d = parsed.data;
  const there = await indicatorExists(db, tenantId, d.code);
  if (existing && !there) throw NotFound();
  if (!existing && there) throw Invalid({ code: 'monitor.ind.error.codeTaken' });
  await ensureIndicators(db, tenantId, [
    {
      code: d.code,
      nameNl: d.nameNl,
      nameEn: d.nameEn,
      descriptionNl: d.descriptionNl,
      descriptionEn: d.descriptionEn,
      unit: d.unit,
      direction: d.direction,
      source: d.source,
      theme: d.theme,
      formula: d.formula === '' ? null : d.formula,
      minRespondents: d.minRespondents,
      decimals: d.decimals,
    },
  ]);
  return d.code;
}

export async function listIndicatorTargets(db: DbOrTrx, principal: Principal, tenantId: string, code?: string): Promise<TargetRow[]> {
  allow(principal, tenantId, 'monitor.figures.view');
  return listTargets(db, tenantId, code);
}

/**
 * Add a target to an indicator. Refused with field messages: no baseline period (a target without
 * a baseline cannot show progress), a period that is not one, a target year before the baseline's year.
 */
export async function createTarget(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  indicatorCode: string,
  input: TargetInput,
  opts: { sourceNote?: string; isDemo?: boolean; programmeGoalId?: string } = {},
): Promise<string> {
  allow(principal, tenantId, 'monitor.targets.manage');
  const parsed = checkForm(targetInput, input);
  if (!parsed.ok) throw Invalid(parsed.errors);
  const t = parsed.data;
  const baseline = parsePeriod(t.baselinePeriod);
  if (!baseline) throw Invalid({ baselinePeriod: 'monitor.target.error.baselinePeriod' });
  if (t.targetYear < baseline.year) throw Invalid({ targetYear: 'monitor.target.error.yearBeforeBaseline' });
  if (!(await indicatorExists(db, tenantId, indicatorCode))) throw NotFound();
  return insertTarget(db, tenantId, {
    indicatorCode,
    areaCode: t.areaCode === '' ? null : t.areaCode,
    baselinePeriod: baseline.period,
    baselineValue: t.baselineValue,
    targetValue: t.targetValue,
    targetYear: t.targetYear,
    comparator: t.comparator,
    noteNl: t.noteNl,
    noteEn: t.noteEn,
    ...(opts.sourceNote !== undefined ? { sourceNote: opts.sourceNote } : {}),
    ...(opts.isDemo !== undefined ? { isDemo: opts.isDemo } : {}),
    ...(opts.programmeGoalId !== undefined ? { programmeGoalId: opts.programmeGoalId } : {}),
  });
}

export async function removeTarget(db: DbOrTrx, principal: Principal, tenantId: string, id: string): Promise<void> {
  allow(principal, tenantId, 'monitor.targets.manage');
  if (!(await deleteTarget(db, tenantId, id))) throw NotFound();
}

/**
 * Ties existing targets to a programme goal (the programmes module's goals "made SMART" on
 * indicators), or unties them with null. Not found when one of the targets is not this municipality's.
 */
export async function linkTargetsToGoal(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  goalId: string | null,
  targetIds: readonly string[],
): Promise<void> {
  allow(principal, tenantId, 'monitor.targets.manage');
  const ids = [...new Set(targetIds)];
  if ((await setTargetsProgrammeGoal(db, tenantId, ids, goalId)) !== ids.length) throw NotFound();
}

/** Whether each target is on course, from the measurements of its area (the municipality's code when it has none). */
export async function targetsWithCourse(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  opts: { indicatorCode?: string; municipalityCode: string; programmeGoalIds?: readonly string[] },
): Promise<(TargetRow & { course: CourseAssessment })[]> {
  allow(principal, tenantId, 'monitor.figures.view');
  const targets = await listTargets(db, tenantId, opts.indicatorCode, opts.programmeGoalIds);
  if (targets.length === 0) return [];
  const areaOf = (t: TargetRow) => t.areaCode ?? opts.municipalityCode;
  const rows = await listMeasurements(db, tenantId, {
    areaCodes: [...new Set(targets.map(areaOf))],
    indicatorCodes: [...new Set(targets.map((t) => t.indicatorCode))],
  });
  return targets.map((t) => ({
    ...t,
    course: assessTarget(
      t,
      rows.filter((m) => m.indicatorCode === t.indicatorCode && m.areaCode === areaOf(t)),
    ),
  }));
}

/** Measurements of areas (suppressed ones carry no value), optionally of some indicators. */
export async function areaMeasurements(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  filter: { areaCodes?: readonly string[]; indicatorCodes?: readonly string[] },
): Promise<MeasurementRow[]> {
  allow(principal, tenantId, 'monitor.figures.view');
  return listMeasurements(db, tenantId, filter);
}

/**
 * Write measurements (a coordinator, as with imports; jobs and demo seeds as the system): by
 * indicator, area and period, a second write replaces the first. The indicators must exist.
 */
export async function recordMeasurements(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  rows: readonly IndicatorMeasurement[],
  now: Date,
): Promise<{ created: number; updated: number }> {
  allow(principal, tenantId, 'monitor.import');
  return upsertMeasurements(db, tenantId, rows, now);
}

/** The latest measurement per area of one indicator (the indicator page's table). */
export async function latestPerArea(db: DbOrTrx, principal: Principal, tenantId: string, indicatorCode: string): Promise<MeasurementRow[]> {
  const rows = await areaMeasurements(db, principal, tenantId, { indicatorCodes: [indicatorCode] });
  const latest = new Map<string, MeasurementRow>();
  for (const r of rows) latest.set(r.areaCode, r); // oldest first: the last one wins
  return [...latest.values()];
}

/** The municipality's own recorded classification of its areas. */
export async function recordedClassifications(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  areaCodes?: readonly string[],
): Promise<RecordedClassification[]> {
  allow(principal, tenantId, 'monitor.figures.view');
  return listRecordedClassifications(db, tenantId, areaCodes);
}

/** Classify areas on one indicator in one period against the municipality (see classify/classify.ts). */
export async function classifyPeriod(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  args: { indicatorCode: string; period: string; areaCodes: readonly string[]; municipalityCode: string },
): Promise<Classification> {
  const indicator = await getIndicator(db, principal, tenantId, args.indicatorCode);
  const rows = (
    await listMeasurements(db, tenantId, { indicatorCodes: [args.indicatorCode], areaCodes: [...args.areaCodes, args.municipalityCode] })
  ).filter((m) => m.period === args.period);
  return classifyAreas({
    unit: indicator.unit,
    direction: indicator.direction,
    municipality: rows.find((m) => m.areaCode === args.municipalityCode)?.value ?? null,
    areas: rows.filter((m) => m.areaCode !== args.municipalityCode).map((m) => ({ code: m.areaCode, value: m.value })),
  });
}

/** Record code changes between CBS divisions (coordinator, as with imports). */
export async function addCrosswalk(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  rows: readonly (CrosswalkRow & { sourceNote?: string })[],
): Promise<void> {
  allow(principal, tenantId, 'monitor.import');
  await addCrosswalkRows(db, tenantId, rows);
}

/** The crosswalk rows in which one of these codes is the older or the newer code (code changes touching the areas). */
export async function crosswalkOf(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  areaCodes: readonly string[],
): Promise<CrosswalkRow[]> {
  allow(principal, tenantId, 'monitor.figures.view');
  const codes = new Set(areaCodes);
  return (await listCrosswalk(db, tenantId))
    .filter((r) => codes.has(r.fromCode) || codes.has(r.toCode))
    .map((r) => ({
      fromCode: r.fromCode,
      fromYear: r.fromYear,
      toCode: r.toCode,
      toYear: r.toYear,
      weight: r.weight,
      changeKind: r.changeKind,
    }));
}

/**
 * The trend of one indicator for an area of the current division: only comparable periods, or
 * every period recomputed onto the current division (`base`: e.g. inhabitants per code and period).
 */
export async function areaSeries(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  args: {
    indicatorCode: string;
    areaCode: string;
    currentYear: number;
    method: 'comparable' | 'recomputed';
    base?: (code: string, period: string) => number | null;
  },
): Promise<Series> {
  const indicator = await getIndicator(db, principal, tenantId, args.indicatorCode);
  const [crosswalk, rows] = await Promise.all([
    listCrosswalk(db, tenantId),
    listMeasurements(db, tenantId, { indicatorCodes: [args.indicatorCode] }),
  ]);
  if (args.method === 'comparable') return comparableSeries(args.areaCode, rows, crosswalk, args.currentYear);
  return recomputeOntoCurrent(args.areaCode, rows, crosswalk, args.currentYear, indicator.unit, args.base);
}

/**
 * The knelpunten of a wijk's or buurt's wijkperspectief as the principal sees it (staff: the working
 * view): what a professional can turn into a call for initiatives (initiatives module).
 */
export async function knelpuntenOf(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  areaCode: string,
): Promise<{ text: string; createdOn: string; isDemo: boolean }[]> {
  const page = await perspectivePage(db, principal, tenantId, areaCode, null);
  return (page.content?.contributions ?? [])
    .filter((c) => c.kind === 'knelpunt')
    .map((c) => ({ text: c.text, createdOn: c.createdOn, isDemo: c.isDemo }));
}
