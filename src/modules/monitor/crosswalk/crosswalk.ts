import { parsePeriod } from '../core/periods.ts';

/**
 * Area code changes between CBS divisions (pure). A crosswalk row says: the area `fromCode` of the
 * division of `fromYear` goes (for `weight`, its share) into `toCode` of the division of `toYear`.
 * `changeKind` is CBS `IND_WBI`: 1 code and borders unchanged, 2 code changed but borders the same
 * (linkable), 3 borders changed (not directly comparable).
 *
 * A measurement of year y with code c is carried forward by the rows from c whose `toYear` lies
 * after y (the earliest change first), again and again, up to the current year.
 *
 * Two methods, returned with the series so the page can say which was used:
 * - `comparable`: only periods that link to the area through kind 1 or 2 (one to one); a kind 3
 *   change breaks the series, and the periods before the break are left out (listed in `breaks`);
 * - `recomputed`: every period recomputed onto the current area: counts summed by share,
 *   percentages and scores as means weighted by share × base (e.g. inhabitants; share alone without one).
 */
export interface CrosswalkRow {
  fromCode: string;
  fromYear: number;
  toCode: string;
  toYear: number;
  weight: number;
  changeKind: 1 | 2 | 3;
}

export interface SeriesMeasurement {
  areaCode: string;
  period: string;
  value: number | null;
}

export interface SeriesPoint {
  period: string;
  value: number;
  /** The codes the value came from (the area's own code, or older codes). */
  fromCodes: string[];
}

export interface Series {
  method: 'comparable' | 'recomputed';
  points: SeriesPoint[];
  /** Periods left out because a border change (IND_WBI 3) lies between them and now. */
  breaks: string[];
}

/** Where a code of one year lands on the current division: codes with shares and the worst change on the way. */
export interface Landing {
  code: string;
  share: number;
  kind: 1 | 2 | 3;
}

export function landOnCurrent(code: string, year: number, crosswalk: readonly CrosswalkRow[], currentYear: number): Landing[] {
  let front: (Landing & { year: number })[] = [{ code, share: 1, kind: 1, year }];
  const done: Landing[] = [];
  for (let guard = 0; guard < 50 && front.length > 0; guard++) {
    const next: (Landing & { year: number })[] = [];
    for (const f of front) {
      const later = crosswalk.filter((r) => r.fromCode === f.code && r.toYear > f.year && r.toYear <= currentYear);
      if (later.length === 0) {
        done.push({ code: f.code, share: f.share, kind: f.kind });
        continue;
      }
      const firstYear = Math.min(...later.map((r) => r.toYear));
      for (const r of later.filter((x) => x.toYear === firstYear)) {
        next.push({ code: r.toCode, share: f.share * r.weight, kind: Math.max(f.kind, r.changeKind) as 1 | 2 | 3, year: r.toYear });
      }
    }
    front = next;
  }
  // Merge landings on the same code (two routes into one area).
  const merged = new Map<string, Landing>();
  for (const l of done) {
    const m = merged.get(l.code);
    if (m) merged.set(l.code, { code: l.code, share: m.share + l.share, kind: Math.max(m.kind, l.kind) as 1 | 2 | 3 });
    else merged.set(l.code, l);
  }
  return [...merged.values()];
}

const yearOf = (period: string) => parsePeriod(period)?.year ?? null;
const byPeriod = (a: { period: string }, b: { period: string }) =>
  (parsePeriod(a.period)?.start ?? a.period).localeCompare(parsePeriod(b.period)?.start ?? b.period);

/**
 * The trend of `areaCode` (a code of `currentYear`'s division) over the periods that are comparable:
 * measurements that link to it one to one through IND_WBI 1 or 2. A border change (3) breaks the
 * series: that period and every earlier one are left out.
 */
export function comparableSeries(
  areaCode: string,
  measurements: readonly SeriesMeasurement[],
  crosswalk: readonly CrosswalkRow[],
  currentYear: number,
): Series {
  const linked: SeriesPoint[] = [];
  const broken: string[] = [];
  for (const m of measurements) {
    const year = yearOf(m.period);
    if (year === null || m.value === null) continue;
    const landings = landOnCurrent(m.areaCode, year, crosswalk, currentYear);
    const here = landings.find((l) => l.code === areaCode);
    if (!here) continue;
    if (here.kind === 3 || landings.length > 1 || Math.abs(here.share - 1) > 1e-9) broken.push(m.period);
    else linked.push({ period: m.period, value: m.value, fromCodes: [m.areaCode] });
  }
  // A break cuts the series: nothing from before the last broken period counts.
  const lastBreak = [...broken].sort((a, b) => byPeriod({ period: a }, { period: b })).at(-1);
  const points = linked.filter((p) => !lastBreak || byPeriod(p, { period: lastBreak }) > 0).sort(byPeriod);
  const left = linked.filter((p) => !points.includes(p)).map((p) => p.period);
  return {
    method: 'comparable',
    points,
    breaks: [...new Set([...broken, ...left])].sort((a, b) => byPeriod({ period: a }, { period: b })),
  };
}

/**
 * The trend of `areaCode` with every period recomputed onto the current division. `unit` decides
 * how: counts (`count`, `hours`, `euro`) are summed by share; other units are means weighted by
 * share × `base(code, period)` (e.g. inhabitants), or by share alone when no base is known.
 */
export function recomputeOntoCurrent(
  areaCode: string,
  measurements: readonly SeriesMeasurement[],
  crosswalk: readonly CrosswalkRow[],
  currentYear: number,
  unit: string,
  base?: (code: string, period: string) => number | null,
): Series {
  const additive = unit === 'count' || unit === 'hours' || unit === 'euro';
  const acc = new Map<string, { sum: number; weights: number; codes: string[] }>();
  for (const m of measurements) {
    const year = yearOf(m.period);
    if (year === null || m.value === null) continue;
    const here = landOnCurrent(m.areaCode, year, crosswalk, currentYear).find((l) => l.code === areaCode);
    if (!here) continue;
    const a = acc.get(m.period) ?? { sum: 0, weights: 0, codes: [] };
    if (additive) a.sum += m.value * here.share;
    else {
      const w = here.share * (base?.(m.areaCode, m.period) ?? 1);
      a.sum += m.value * w;
      a.weights += w;
    }
    a.codes.push(m.areaCode);
    acc.set(m.period, a);
  }
  const points: SeriesPoint[] = [];
  for (const [period, a] of acc) {
    if (!additive && a.weights <= 0) continue;
    points.push({ period, value: additive ? a.sum : a.sum / a.weights, fromCodes: [...new Set(a.codes)].sort() });
  }
  return { method: 'recomputed', points: points.sort(byPeriod), breaks: [] };
}
