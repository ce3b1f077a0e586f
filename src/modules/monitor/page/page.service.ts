import type { AreaSummaryArgs, CohesionFunction, IndicatorTheme } from '../../../platform/module.ts';
import { COHESION_FUNCTIONS, sharedRead } from '../../../platform/module.ts';
import type { AreaFigures, FigureCell } from '../../../ui/charts/area-figures.ts';
import { listIndicators, type IndicatorRow } from '../core/core.store.ts';
import { parsePeriod } from '../core/periods.ts';
import { classifyFigure, courseOf, densityBand, HEADLINES, municipalityCode, overallClass } from './page.logic.ts';
import { levelFigures, recordedFor, seriesOf, targetsFor, type Row } from './page.store.ts';
import { listCrosswalk } from '../crosswalk/crosswalk.store.ts';
import { comparableSeries, landOnCurrent, type CrosswalkRow } from '../crosswalk/crosswalk.ts';
import type { AreaClass, FunctionSummary, IndicatorSummary, OverviewSummary, PointData, SimilarBasis, TargetData } from './page.types.ts';

/**
 * The summaries of the monitor's parts of the neighbourhood page, computed by the area-summaries
 * job (never on a request): per function the indicators of its theme for the area, with trend,
 * comparison and target; the overview with the classification, the recorded judgement, the other
 * themes and the figures of the areas below.
 */

const SERIES = 8;
const FOUR: readonly IndicatorTheme[] = COHESION_FUNCTIONS;

/** A stored figure as the page may show it: a suppressed or unknown one never carries a number. */
function point(r: Row): PointData {
  const ok = r.status === 'ok' && r.value !== null;
  return {
    period: r.period,
    value: ok ? r.value : null,
    status: ok ? 'ok' : r.status === 'ok' ? 'unknown' : r.status,
    ciLow: ok ? r.ciLow : null,
    ciHigh: ok ? r.ciHigh : null,
    isDemo: r.isDemo,
  };
}

const kindOf = (period: string) => parsePeriod(period)?.kind ?? 'year';

/*
 * Reads that do not depend on the area run once per job run (AreaSummaryArgs.shared): the same
 * query with the same arguments, so every area gets exactly what its own query would return. The
 * callers only filter and map these rows, never change them.
 */
const sharedIndicators = (args: AreaSummaryArgs) => sharedRead(args, 'monitor:indicators', () => listIndicators(args.db, args.tenantId));
const sharedCrosswalk = (args: AreaSummaryArgs) => sharedRead(args, 'monitor:crosswalk', () => listCrosswalk(args.db, args.tenantId));
function sharedLevelFigures(args: AreaSummaryArgs, prefix: string, codes: readonly string[], periods: readonly string[] | null) {
  const key = `monitor:level|${prefix}|${JSON.stringify(codes)}|${JSON.stringify(periods)}`;
  return sharedRead(args, key, () => levelFigures(args.db, args.tenantId, prefix, codes, periods));
}

/** Which areas of the same level count as similar, and the group of each (urbanity class, else density band). */
async function similarGroups(args: AreaSummaryArgs, prefix: string): Promise<{ basis: SimilarBasis; groupOf: Map<string, string> }> {
  const rows = await sharedLevelFigures(args, prefix, ['cbs_stedelijkheid', 'cbs_dichtheid'], null);
  const latest = (code: string) => {
    const m = new Map<string, number>();
    for (const r of rows) if (r.indicatorCode === code && r.status === 'ok' && r.value !== null) m.set(r.areaCode, r.value);
    return m;
  };
  const urbanity = latest('cbs_stedelijkheid');
  if (urbanity.has(args.area.code)) {
    const groupOf = new Map([...urbanity].map(([a, v]) => [a, String(Math.round(v))]));
    return { basis: { basis: 'urbanity', group: groupOf.get(args.area.code) ?? null }, groupOf };
  }
  const density = latest('cbs_dichtheid');
  if (density.has(args.area.code)) {
    const groupOf = new Map([...density].map(([a, v]) => [a, densityBand(v)]));
    return { basis: { basis: 'density', group: groupOf.get(args.area.code) ?? null }, groupOf };
  }
  return { basis: { basis: null, group: null }, groupOf: new Map() };
}

interface Loaded {
  summaries: IndicatorSummary[];
  similar: SimilarBasis;
  /** The rows of the area and its municipality, for the figures of the areas below. */
  own: Row[];
}

/** Older codes (earlier CBS divisions) that the crosswalk carries onto this area. */
function olderCodesOf(areaCode: string, crosswalk: readonly CrosswalkRow[], currentYear: number): string[] {
  const out = new Set<string>();
  for (const r of crosswalk) {
    if (r.fromCode === areaCode) continue;
    if (landOnCurrent(r.fromCode, r.toYear - 1, crosswalk, currentYear).some((l) => l.code === areaCode)) out.add(r.fromCode);
  }
  return [...out];
}

/**
 * The area's own rows of one indicator, joined with the rows of older codes that link to it one to
 * one (IND_WBI 1 or 2) by the crosswalk's `comparable` method; periods from before a border change
 * (3) are left out. The older rows are relabelled with the area's code; `fromCodes` says which.
 */
function joinOlder(
  areaCode: string,
  own: readonly Row[],
  older: readonly Row[],
  crosswalk: readonly CrosswalkRow[],
  currentYear: number,
): { rows: Row[]; fromCodes: string[] } {
  if (older.length === 0) return { rows: [...own], fromCodes: [] };
  const series = comparableSeries(
    areaCode,
    [...own, ...older].map((r) => ({ areaCode: r.areaCode, period: r.period, value: r.status === 'ok' ? r.value : null })),
    crosswalk,
    currentYear,
  );
  const linked = new Set(series.points.flatMap((p) => p.fromCodes.map((c) => `${c}|${p.period}`)));
  const ownPeriods = new Set(own.map((r) => r.period));
  const taken = older.filter((r) => !ownPeriods.has(r.period) && linked.has(`${r.areaCode}|${r.period}`));
  const rows = [...own, ...taken.map((r) => ({ ...r, areaCode }))].sort((a, b) =>
    (parsePeriod(a.period)?.start ?? a.period).localeCompare(parsePeriod(b.period)?.start ?? b.period),
  );
  return { rows, fromCodes: [...new Set(taken.map((r) => r.areaCode))].sort() };
}

/** The indicator summaries of some indicators for the area. */
async function load(args: AreaSummaryArgs, defs: readonly IndicatorRow[]): Promise<Loaded> {
  const { db, tenantId, area } = args;
  const muni = municipalityCode(area.code);
  const isMuni = area.level === 'municipality';
  const codes = defs.map((d) => d.code);
  const currentYear = args.now.getUTCFullYear();
  const crosswalk: CrosswalkRow[] = isMuni ? [] : await sharedCrosswalk(args);
  const older = olderCodesOf(area.code, crosswalk, currentYear);
  const own = await seriesOf(db, tenantId, isMuni ? [area.code] : [area.code, muni, ...older], codes);
  const byKey = new Map<string, Row[]>();
  for (const r of own) {
    const key = `${r.indicatorCode}|${r.areaCode}`;
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  // Older codes' figures join the area's trend where the crosswalk links them one to one.
  const fromCodesOf = new Map<string, string[]>();
  if (older.length > 0) {
    for (const d of defs) {
      const joined = joinOlder(
        area.code,
        byKey.get(`${d.code}|${area.code}`) ?? [],
        older.flatMap((c) => byKey.get(`${d.code}|${c}`) ?? []),
        crosswalk,
        currentYear,
      );
      byKey.set(`${d.code}|${area.code}`, joined.rows);
      if (joined.fromCodes.length > 0) fromCodesOf.set(d.code, joined.fromCodes);
    }
  }
  const latestRow = new Map<string, Row>();
  for (const d of defs) {
    const rows = (byKey.get(`${d.code}|${area.code}`) ?? []).filter((r) => r.status !== 'unknown');
    const last = rows[rows.length - 1];
    if (last) latestRow.set(d.code, last);
  }
  const prefix = area.code.slice(0, 6);
  const peers = isMuni ? [] : await sharedLevelFigures(args, prefix, codes, [...new Set([...latestRow.values()].map((r) => r.period))]);
  const { basis, groupOf } = isMuni
    ? { basis: { basis: null, group: null } as SimilarBasis, groupOf: new Map<string, string>() }
    : await similarGroups(args, prefix);
  const targets = await targetsFor(db, tenantId, area.code, codes);
  const summaries = defs.map((d): IndicatorSummary => {
    const last = latestRow.get(d.code) ?? null;
    const mine = byKey.get(`${d.code}|${area.code}`) ?? [];
    const series = last
      ? mine
          .filter((r) => kindOf(r.period) === kindOf(last.period))
          .slice(-SERIES)
          .map(point)
      : [];
    const muniRow = last && !isMuni ? (byKey.get(`${d.code}|${muni}`) ?? []).find((r) => r.period === last.period) : undefined;
    const municipality = muniRow ? point(muniRow) : null;
    const peerRows = last
      ? peers.filter((r) => r.indicatorCode === d.code && r.period === last.period && r.status === 'ok' && r.value !== null)
      : [];
    const group = basis.group;
    const alike = group === null ? [] : peerRows.filter((r) => r.areaCode !== area.code && groupOf.get(r.areaCode) === group);
    const similar =
      alike.length > 0 ? { value: alike.reduce((s, r) => s + (r.value as number), 0) / alike.length, areas: alike.length } : null;
    const latest = last ? point(last) : null;
    const cls =
      latest && latest.value !== null && !isMuni
        ? classifyFigure({
            unit: d.unit,
            direction: d.direction,
            value: latest.value,
            municipality: municipality?.value ?? null,
            peers: peerRows.map((r) => r.value as number),
          })
        : null;
    const t =
      targets.find((x) => x.indicator_code === d.code && x.area_code === area.code) ??
      targets.find((x) => x.indicator_code === d.code && x.area_code === null);
    const target: TargetData | null = t
      ? {
          value: Number(t.target_value),
          year: t.target_year,
          comparator: t.comparator,
          baselinePeriod: t.baseline_period,
          baselineValue: t.baseline_value === null ? null : Number(t.baseline_value),
          municipalityWide: t.area_code === null,
          isDemo: t.is_demo,
          course: 'unknown',
        }
      : null;
    if (target) {
      target.course = courseOf(
        target,
        mine.map((r) => ({ period: r.period, value: r.status === 'ok' ? r.value : null })),
      );
    }
    return {
      code: d.code,
      nameNl: d.nameNl,
      nameEn: d.nameEn,
      unit: d.unit,
      direction: d.direction,
      source: d.source,
      theme: d.theme,
      decimals: d.decimals,
      latest,
      series,
      municipality,
      similar,
      class: cls?.class ?? null,
      method: cls?.method ?? null,
      target,
      ...(fromCodesOf.has(d.code) ? { olderCodes: fromCodesOf.get(d.code)! } : {}),
    };
  });
  return { summaries, similar: basis, own };
}

/** The summary of one function's section: the indicators of its theme for the area. */
export async function summarizeFunction(args: AreaSummaryArgs, fn: CohesionFunction): Promise<FunctionSummary> {
  const defs = (await sharedIndicators(args)).filter((d) => d.theme === fn);
  const { summaries, similar } = await load(args, defs);
  return { similar, indicators: summaries };
}

/** The figures of the areas one level below (wijken of a municipality, buurten of a wijk) in each indicator's latest period here. */
async function figuresBelow(args: AreaSummaryArgs, defs: readonly IndicatorRow[], own: Row[]): Promise<AreaFigures> {
  const empty: AreaFigures = { indicators: [], values: {}, classes: {} };
  if (args.area.level === 'neighbourhood') return empty;
  const childPrefix = (args.area.level === 'municipality' ? 'WK' : 'BU') + args.area.code.slice(2, 6);
  const below = new Set(args.areaCodes.filter((c) => c.startsWith(childPrefix)));
  if (below.size === 0) return empty;
  const latest = new Map<string, string>();
  for (const r of own) if (r.areaCode === args.area.code && r.status !== 'unknown') latest.set(r.indicatorCode, r.period);
  const rows = (await sharedLevelFigures(args, childPrefix, [...latest.keys()], [...new Set(latest.values())])).filter(
    (r) => below.has(r.areaCode) && latest.get(r.indicatorCode) === r.period,
  );
  const values: Record<string, Record<string, FigureCell>> = {};
  for (const r of rows) {
    const p = point(r);
    (values[r.indicatorCode] ??= {})[r.areaCode] = { period: p.period, value: p.value, status: p.status, isDemo: p.isDemo };
  }
  const withValues = defs.filter((d) => values[d.code]);
  const headline = new Map<string, CohesionFunction>();
  for (const fn of COHESION_FUNCTIONS) {
    const preferred = HEADLINES[fn].find((c) => withValues.some((d) => d.code === c && d.theme === fn));
    const code = preferred ?? withValues.find((d) => d.theme === fn)?.code;
    if (code) headline.set(code, fn);
  }
  // Each area below against the municipality, over the four functions' figures.
  const muni = municipalityCode(args.area.code);
  const muniValue = new Map(
    own.filter((r) => r.areaCode === muni && r.status === 'ok').map((r) => [`${r.indicatorCode}|${r.period}`, r.value]),
  );
  const classes: Record<string, AreaClass | null> = {};
  for (const code of below) {
    const found: AreaClass[] = [];
    for (const d of withValues.filter((x) => FOUR.includes(x.theme))) {
      const cell = values[d.code]?.[code];
      if (!cell || cell.value === null) continue;
      const peers = Object.values(values[d.code] ?? {}).flatMap((c) => (c.value === null ? [] : [c.value]));
      const c = classifyFigure({
        unit: d.unit,
        direction: d.direction,
        value: cell.value,
        municipality: muniValue.get(`${d.code}|${cell.period}`) ?? null,
        peers,
      });
      if (c) found.push(c.class);
    }
    classes[code] = overallClass(found)?.class ?? null;
  }
  return {
    indicators: withValues.map((d) => ({
      code: d.code,
      nameNl: d.nameNl,
      nameEn: d.nameEn,
      unit: d.unit,
      decimals: d.decimals,
      theme: d.theme,
      ...(headline.has(d.code) ? { headlineOf: headline.get(d.code) as CohesionFunction } : {}),
    })),
    values,
    classes,
  };
}

/** The overview: classification beside the recorded judgement, the other themes, the figures of the areas below. */
export async function summarizeOverview(args: AreaSummaryArgs): Promise<OverviewSummary> {
  const defs = await sharedIndicators(args);
  const { summaries, similar, own } = await load(args, defs);
  const four = summaries.filter((s) => FOUR.includes(s.theme));
  const classes = four.flatMap((s) => (s.class ? [s.class] : []));
  const overall = overallClass(classes);
  const methods = [...new Set(four.flatMap((s) => (s.method ? [s.method] : [])))];
  const recorded = (await recordedFor(args.db, args.tenantId, args.area.code)).map((r) => ({
    year: r.year,
    class: r.class,
    label: r.label,
    knelpunten: r.knelpunten,
    method: r.method,
    sourceNote: r.source_note,
  }));
  return {
    classification: overall ? { ...overall, methods } : null,
    recorded,
    more: summaries.filter((s) => !FOUR.includes(s.theme) && s.latest !== null),
    similar,
    figures: await figuresBelow(args, defs, own),
  };
}
