/**
 * The statistics of survey results, in plain TypeScript (no library: a t quantile and the Wilson
 * interval are a few lines): the mean with a 95 % t-interval, and a share with a 95 % Wilson
 * interval. Pure functions; see docs/surveys-results.md.
 */

/** The normal quantile of 0.975. */
export const Z_975 = 1.959963984540054;

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; about 15 significant digits). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = c[0]!;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The continued fraction of the incomplete beta function (Lentz's method). */
function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(x, a, b)) / a : 1 - (front * betaFraction(1 - x, b, a)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The quantile of Student's t: the t with P(T ≤ t) = p (0.5 < p < 1), by bisection to 1e-12. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0.5 && p < 1) || !(df >= 1)) throw new RangeError(`studentTQuantile(${p}, ${df})`);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface Estimate {
  n: number;
  value: number;
  ciLow: number;
  ciHigh: number;
}

/**
 * Mean with a 95 % t-interval (mean ± t(0.975, n − 1) · s / √n), clamped to [lower, upper] when
 * given (a score cannot leave 0–10). Null for fewer than 2 values.
 */
export function meanEstimate(values: readonly number[], bounds: { lower?: number; upper?: number } = {}): Estimate | null {
  const n = values.length;
  if (n < 2) return null;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  const half = (studentTQuantile(0.975, n - 1) * Math.sqrt(variance)) / Math.sqrt(n);
  const clamp = (v: number) => Math.min(bounds.upper ?? Infinity, Math.max(bounds.lower ?? -Infinity, v));
  return { n, value: mean, ciLow: clamp(mean - half), ciHigh: clamp(mean + half) };
}

/** A share in percent with the 95 % Wilson score interval; `hits` of `n`. Null for n = 0. */
export function shareEstimate(hits: number, n: number): Estimate | null {
  if (n <= 0) return null;
  const p = hits / n;
  const z2 = Z_975 * Z_975;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (Z_975 / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { n, value: 100 * p, ciLow: 100 * Math.max(0, centre - half), ciHigh: 100 * Math.min(1, centre + half) };
}
