/**
 * Ranking candidate comparison areas by how much they look like the intervention areas (pure, no
 * database). Every feature (a CBS figure or an outcome indicator's value before the start) is
 * standardised over the candidates (z-score: minus the candidates' mean, divided by their standard
 * deviation); the intervention profile is the mean of the intervention areas' raw values,
 * standardised the same way. The distance is the root mean square of the differences over the
 * features both have (in standard deviations): 0 is identical, 1 is one standard deviation apart on
 * average. Features without spread among the candidates are left out (they cannot tell areas apart).
 */

export interface Profile {
  code: string;
  /** Feature key → value; null or absent: unknown. */
  values: Readonly<Record<string, number | null>>;
}

export type Likeness = 'strong' | 'fair' | 'weak';

export interface RankedCandidate {
  code: string;
  /** Root mean square of the standardised differences; null when no feature could be compared. */
  distance: number | null;
  likeness: Likeness | null;
  /** Features the distance is based on. */
  used: string[];
}

/** Below 0.5 standard deviations: looks much alike; below 1: reasonably; otherwise: little. */
export function likenessOf(distance: number): Likeness {
  return distance < 0.5 ? 'strong' : distance < 1 ? 'fair' : 'weak';
}

const known = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** Mean and (population) standard deviation of the known values of one feature over the candidates. */
function scaleOf(candidates: readonly Profile[], feature: string): { mean: number; sd: number } | null {
  const xs = candidates.map((c) => c.values[feature]).filter(known);
  if (xs.length < 2) return null;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length);
  return sd > 0 ? { mean, sd } : null;
}

/** The candidates from most to least alike (unknown distances last, then by code). */
export function rankCandidates(args: {
  intervention: readonly Profile[];
  candidates: readonly Profile[];
  features: readonly string[];
}): RankedCandidate[] {
  const target: Record<string, number | null> = {};
  for (const f of args.features) {
    const xs = args.intervention.map((p) => p.values[f]).filter(known);
    target[f] = xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
  }
  const scales = new Map(args.features.map((f) => [f, scaleOf(args.candidates, f)] as const));
  const ranked = args.candidates.map((c): RankedCandidate => {
    let sum = 0;
    const used: string[] = [];
    for (const f of args.features) {
      const scale = scales.get(f);
      const t = target[f];
      const v = c.values[f];
      if (!scale || !known(t) || !known(v)) continue;
      sum += ((v - t) / scale.sd) ** 2;
      used.push(f);
    }
    if (used.length === 0) return { code: c.code, distance: null, likeness: null, used };
    const distance = Math.sqrt(sum / used.length);
    return { code: c.code, distance, likeness: likenessOf(distance), used };
  });
  return ranked.sort((a, b) => {
    if (a.distance === null || b.distance === null) {
      if (a.distance !== b.distance) return a.distance === null ? 1 : -1;
      return a.code.localeCompare(b.code);
    }
    return a.distance - b.distance || a.code.localeCompare(b.code);
  });
}
