/**
 * Gini coefficient of a distribution (0: everyone equal, towards 1: one has everything), here of
 * matches per volunteer. Mean absolute difference over twice the mean, by the sorted formula
 * G = Σ (2i − n − 1)·x_i / (n · Σ x) with i = 1…n over ascending x. 0 for an empty or all-zero list.
 */
export function gini(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return 0;
  const xs = [...values].sort((a, b) => a - b);
  let sum = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    if (!(xs[i]! >= 0)) throw new RangeError('gini: values must be non-negative numbers');
    sum += xs[i]!;
    weighted += (2 * (i + 1) - n - 1) * xs[i]!;
  }
  return sum === 0 ? 0 : weighted / (n * sum);
}
