/**
 * Classification of areas against their municipality (pure): above, around or below average,
 * where "above" always means "better than the municipality" (for an indicator where lower is
 * better, a lower value is above; for a neutral one, a higher value is).
 *
 * - Percentages: the ±5 percentage-point band around the municipality's figure (as buurtmonitors
 *   colour it): more than 5 points better is above, more than 5 points worse below, else around.
 * - Other units: a z-score over the areas, z = (value − mean of the areas) / standard deviation
 *   (population); |z| < 0.5 is around. Without spread (one area, or all equal) every area is around.
 */
export type AreaClass = 'above' | 'around' | 'below';

export interface ClassifyInput {
  unit: string;
  direction: 'up' | 'down' | 'neutral';
  areas: readonly { code: string; value: number | null }[];
  /** The municipality's own figure (needed for the band; the z-score does not use it). */
  municipality: number | null;
}

export interface ClassifiedArea {
  code: string;
  value: number;
  /** Percentage points from the municipality (band), or the z-score. */
  score: number;
  class: AreaClass;
}

export interface Classification {
  method: 'band' | 'zscore';
  /** The band's width in percentage points, or the z limit. */
  limit: number;
  /** The municipality's figure (band) or the mean of the areas (z-score). */
  reference: number | null;
  /** The standard deviation of the areas (z-score only). */
  sd: number | null;
  areas: ClassifiedArea[];
}

export const BAND_POINTS = 5;
export const Z_LIMIT = 0.5;

function judge(score: number, limit: number, direction: ClassifyInput['direction'], inclusive: boolean): AreaClass {
  const better = direction === 'down' ? -score : score;
  const within = inclusive ? Math.abs(better) <= limit + 1e-9 : Math.abs(better) < limit;
  if (within) return 'around';
  return better > 0 ? 'above' : 'below';
}

export function classifyAreas(input: ClassifyInput): Classification {
  const known = input.areas.filter((a): a is { code: string; value: number } => a.value !== null && Number.isFinite(a.value));
  if (input.unit === 'percent') {
    const ref = input.municipality;
    if (ref === null) return { method: 'band', limit: BAND_POINTS, reference: null, sd: null, areas: [] };
    return {
      method: 'band',
      limit: BAND_POINTS,
      reference: ref,
      sd: null,
      areas: known.map((a) => {
        const score = a.value - ref;
        return { code: a.code, value: a.value, score, class: judge(score, BAND_POINTS, input.direction, true) };
      }),
    };
  }
  if (known.length === 0) return { method: 'zscore', limit: Z_LIMIT, reference: null, sd: null, areas: [] };
  const mean = known.reduce((s, a) => s + a.value, 0) / known.length;
  const sd = Math.sqrt(known.reduce((s, a) => s + (a.value - mean) ** 2, 0) / known.length);
  return {
    method: 'zscore',
    limit: Z_LIMIT,
    reference: mean,
    sd,
    areas: known.map((a) => {
      const z = sd > 0 ? (a.value - mean) / sd : 0;
      return { code: a.code, value: a.value, score: z, class: judge(z, Z_LIMIT, input.direction, false) };
    }),
  };
}
