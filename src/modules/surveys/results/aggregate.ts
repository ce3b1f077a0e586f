/**
 * From scored responses to measurements (pure): per area — the buurt, its wijk and the municipality
 * — the respondents, the mean or share and its 95 % interval, with suppression (suppression.ts).
 */
import type { IndicatorMeasurement } from '../../../platform/module.ts';
import type { Scorer } from './scoring.ts';
import { meanEstimate, shareEstimate, type Estimate } from './stats.ts';
import { suppressCells, type Cell } from './suppression.ts';

export interface AggregateInput {
  scorer: Scorer;
  /** One value per respondent who gave a usable answer, with the area the response is from. */
  values: readonly { areaCode: string; value: number }[];
  /** The area tree: code → parent code (buurt → wijk → municipality). */
  parents: ReadonlyMap<string, string | null>;
  /** The municipality's code; its figure is made only when `withMunicipality` (a survey of the whole municipality). */
  municipalityCode: string;
  withMunicipality: boolean;
  threshold: number;
  period: string;
  sourceNote: string;
  isDemo: boolean;
}

/** The areas a response counts in: its own area and every area above it (the municipality only when asked). */
function chainOf(areaCode: string, input: AggregateInput): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (let c: string | null | undefined = areaCode; c && input.parents.has(c) && !seen.has(c); c = input.parents.get(c)) {
    seen.add(c);
    if (c !== input.municipalityCode) out.push(c);
  }
  if (input.withMunicipality) out.push(input.municipalityCode);
  return out;
}

export function aggregateIndicator(input: AggregateInput): IndicatorMeasurement[] {
  const byArea = new Map<string, number[]>();
  for (const v of input.values) {
    for (const code of chainOf(v.areaCode, input)) {
      const list = byArea.get(code) ?? [];
      list.push(v.value);
      byArea.set(code, list);
    }
  }
  const parentOf = (code: string): string | null => {
    if (code === input.municipalityCode) return null;
    const p = input.parents.get(code) ?? null;
    return p === input.municipalityCode ? (input.withMunicipality ? p : null) : p;
  };
  const cells: Cell[] = [...byArea].map(([code, values]) => ({ code, parent: parentOf(code), n: values.length }));
  const { published } = suppressCells(cells, input.threshold);
  const base = { indicatorCode: input.scorer.code, period: input.period, sourceNote: input.sourceNote, isDemo: input.isDemo };
  const out: IndicatorMeasurement[] = [];
  for (const [areaCode, values] of [...byArea].sort(([a], [b]) => a.localeCompare(b))) {
    const est: Estimate | null = published.has(areaCode) ? estimate(input.scorer, values) : null;
    if (!est) {
      out.push({ ...base, areaCode, value: null, respondents: null, ciLow: null, ciHigh: null, status: 'suppressed' });
      continue;
    }
    out.push({ ...base, areaCode, value: est.value, respondents: est.n, ciLow: est.ciLow, ciHigh: est.ciHigh, status: 'ok' });
  }
  return out;
}

function estimate(scorer: Scorer, values: readonly number[]): Estimate | null {
  if (scorer.kind === 'share') {
    return shareEstimate(
      values.reduce((s, v) => s + v, 0),
      values.length,
    );
  }
  return meanEstimate(values, {
    ...(scorer.lower !== undefined ? { lower: scorer.lower } : {}),
    ...(scorer.upper !== undefined ? { upper: scorer.upper } : {}),
  });
}
