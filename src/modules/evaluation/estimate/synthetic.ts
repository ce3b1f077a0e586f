/**
 * Synthetic control (Abadie, Diamond & Hainmueller 2010), the simple form: the treated unit is the
 * mean of the intervention areas; the synthetic unit is a weighted mean of comparison areas
 * ("donors") with weights w ≥ 0, Σw = 1, chosen to minimise the squared error over the before
 * periods. No covariates, no V-matrix. Pure; see docs/evaluation-method.md.
 */

export const MIN_DONORS = 5;
export const MIN_BEFORE_PERIODS = 3;

/**
 * Euclidean projection of v onto the probability simplex {w ≥ 0, Σw = 1}
 * (Duchi, Shalev-Shwartz, Singer & Chandra 2008, figure 1).
 */
export function projectToSimplex(v: readonly number[]): number[] {
  const u = [...v].sort((a, b) => b - a);
  let cumulative = 0;
  let theta = 0;
  for (let j = 0; j < u.length; j++) {
    cumulative += u[j]!;
    const t = (cumulative - 1) / (j + 1);
    if (u[j]! - t > 0) theta = t;
  }
  return v.map((x) => Math.max(x - theta, 0));
}

/**
 * Weights on the simplex minimising ‖y − Xw‖² (rows of X: periods, columns: donors), by
 * accelerated projected gradient descent (FISTA, Beck & Teboulle 2009) from equal weights.
 * Each period is first centred on the donors' mean in that period: because Σw = 1 this does not
 * change the residuals, and it removes the common level that would make the problem badly
 * conditioned. The step is 1/L with L = 2·λmax(XᵀX) from power iteration. Stops when no weight
 * moves by more than 1e-13 or after 50 000 steps. Deterministic.
 */
export function simplexLeastSquares(y: readonly number[], X: readonly (readonly number[])[]): number[] {
  const T = y.length;
  const J = X[0]?.length ?? 0;
  if (J === 0) throw new Error('no donors');
  if (X.length !== T || X.some((row) => row.length !== J)) throw new Error('X must be periods × donors');
  const rowMean = X.map((row) => row.reduce((s, x) => s + x, 0) / J);
  const A = X.map((row, t) => row.map((x) => x - rowMean[t]!));
  const b = y.map((v, t) => v - rowMean[t]!);

  const Aw = (w: readonly number[]): number[] => A.map((row) => row.reduce((s, a, j) => s + a * w[j]!, 0));
  const AtR = (r: readonly number[]): number[] => {
    const g = new Array<number>(J).fill(0);
    for (let t = 0; t < T; t++) for (let j = 0; j < J; j++) g[j]! += A[t]![j]! * r[t]!;
    return g;
  };
  // Largest eigenvalue of AᵀA by power iteration (a fixed start, so deterministic).
  let v = new Array<number>(J).fill(1).map((x, j) => x + j / J);
  let lambda = 0;
  for (let k = 0; k < 200; k++) {
    const next = AtR(Aw(v));
    const norm = Math.hypot(...next);
    if (norm === 0) break;
    lambda = norm / Math.hypot(...v);
    v = next.map((x) => x / norm);
  }
  let w = new Array<number>(J).fill(1 / J);
  if (lambda === 0) return w; // all donors equal in every period: any weights fit equally well
  const step = 1 / (2 * lambda * 1.01);
  let z = [...w];
  let tk = 1;
  for (let k = 0; k < 50_000; k++) {
    const r = Aw(z).map((x, t) => x - b[t]!);
    const g = AtR(r);
    const next = projectToSimplex(z.map((x, j) => x - step * 2 * g[j]!));
    const tNext = (1 + Math.sqrt(1 + 4 * tk * tk)) / 2;
    let moved = 0;
    z = next.map((x, j) => {
      moved = Math.max(moved, Math.abs(x - w[j]!));
      return x + ((tk - 1) / tNext) * (x - w[j]!);
    });
    w = next;
    tk = tNext;
    if (moved < 1e-13) break;
  }
  return w;
}

export interface SyntheticInput {
  /** Mean of the intervention areas per period (only periods where it exists). */
  treated: ReadonlyMap<string, number>;
  donors: readonly { areaCode: string; values: ReadonlyMap<string, number> }[];
  before: readonly string[];
  after: readonly string[];
}

export interface SyntheticResult {
  weights: { areaCode: string; weight: number }[];
  preRmspe: number;
  estimate: number;
}

/**
 * The synthetic control, or `null` when there are fewer than 5 donors with a value in every
 * before and after period where the treated unit has one, or fewer than 3 such before periods,
 * or no such after period. `estimate` is the mean gap (treated − synthetic) over the after
 * periods; `preRmspe` the root mean squared gap over the before periods (how well it fits).
 */
export function syntheticControl(input: SyntheticInput): SyntheticResult | null {
  const pre = input.before.filter((p) => input.treated.has(p));
  const post = input.after.filter((p) => input.treated.has(p));
  const donors = input.donors.filter((d) => [...pre, ...post].every((p) => d.values.has(p)));
  if (donors.length < MIN_DONORS || pre.length < MIN_BEFORE_PERIODS || post.length === 0) return null;
  const row = (p: string): number[] => donors.map((d) => d.values.get(p)!);
  const w = simplexLeastSquares(
    pre.map((p) => input.treated.get(p)!),
    pre.map(row),
  );
  const gap = (p: string): number => input.treated.get(p)! - row(p).reduce((s, x, j) => s + x * w[j]!, 0);
  const preGaps = pre.map(gap);
  const postGaps = post.map(gap);
  return {
    weights: donors.map((d, j) => ({ areaCode: d.areaCode, weight: w[j]! })),
    preRmspe: Math.sqrt(preGaps.reduce((s, g) => s + g * g, 0) / preGaps.length),
    estimate: postGaps.reduce((s, g) => s + g, 0) / postGaps.length,
  };
}
