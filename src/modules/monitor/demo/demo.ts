import type { Trx } from '../../../platform/db/database.ts';
import type { DemoSeedArgs, IndicatorMeasurement } from '../../../platform/module.ts';
import { systemPrincipal } from '../../../platform/principal.ts';
import { ensureIndicators, upsertMeasurements } from '../core/core.store.ts';
import { createTarget } from '../monitor.service.ts';
import { recordClassifications } from '../classify/recorded.store.ts';
import { addCrosswalkRows } from '../crosswalk/crosswalk.store.ts';
import { CBS_BASIS_DEFINITIONS, cbsBasisMeasurements } from '../live/cbs-basis.ts';
import { HHW_CLASSIFICATION, HHW_METHOD, HHW_TARGETS, HHW_TENANT, HHW_WIJKEN, SEED, WM_DEFINITIONS } from './heerhugowaard.ts';

/**
 * The monitor's demo data: CBS basis figures 2024 for every demo municipality, and for
 * Heerhugowaard (GM1980) the seed's eight targets, its recorded classification of 2009, one
 * crosswalk row (the 2014 → 2024 code change of Schrijverswijk) and invented Wijkmonitor figures
 * for 2007, 2009 and 2011 (is_demo, labelled on every page).
 */
export const DEMO_NOTE = 'demo-waarde, verzonnen: seed 001 geeft geen meetwaarden (l.412, l.447)';
export const DEMO_PERIODS = ['2007', '2009', '2011'] as const;

/** A small deterministic generator (mulberry32) seeded from a text: the same demo every time. */
export function seededRandom(text: string): () => number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Invented 2009 levels of the municipality (a little below most targets, so the demo has something to reach). */
const LEVEL_2009: Record<string, number> = {
  wm07_cohesion: 6.0,
  wm09_active: 17,
  wm10_involvement_satisfied: 31,
  wm11_responsible: 76,
  wm24_social_facilities: 38,
  wm25_contact_opportunities: 36,
  wm59_volunteering: 29,
  wm71_enough_contact: 79,
};

/** Invented Wijkmonitor figures per wijk and year, in line with the seed's classes (above better, below worse). */
export function demoWijkmonitorMeasurements(): IndicatorMeasurement[] {
  const classOf = new Map(HHW_CLASSIFICATION.map((c) => [c.areaCode, c.class]));
  const out: IndicatorMeasurement[] = [];
  for (const def of WM_DEFINITIONS) {
    const score = def.unit === 'score';
    const scale = score ? 0.07 : 1;
    for (const period of DEMO_PERIODS) {
      const trend = period === '2007' ? -1 : period === '2011' ? 1.5 : 0;
      const values: number[] = [];
      for (const code of HHW_WIJKEN) {
        const rnd = seededRandom(`${def.code}|${code}|${period}`);
        const offset = { above: 6, around: 0, below: -7 }[classOf.get(code) ?? 'around'];
        const noise = (rnd() * 4 - 2) * scale;
        const raw = LEVEL_2009[def.code]! + (offset + trend) * scale + noise;
        const value = score ? Math.round(raw * 10) / 10 : Math.round(Math.min(100, Math.max(0, raw)));
        values.push(value);
        out.push({
          indicatorCode: def.code,
          areaCode: code,
          period,
          value,
          respondents: 40 + Math.floor(rnd() * 80),
          isDemo: true,
          sourceNote: DEMO_NOTE,
        });
      }
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const value = score ? Math.round(mean * 10) / 10 : Math.round(mean);
      out.push({
        indicatorCode: def.code,
        areaCode: HHW_TENANT,
        period,
        value,
        respondents: null,
        isDemo: true,
        sourceNote: `${DEMO_NOTE}; gemiddelde van de wijken`,
      });
    }
  }
  return out;
}

async function seedHeerhugowaard(trx: Trx, now: Date): Promise<void> {
  const tenantId = HHW_TENANT;
  await ensureIndicators(trx, tenantId, WM_DEFINITIONS);
  await upsertMeasurements(trx, tenantId, demoWijkmonitorMeasurements(), now);
  const system = systemPrincipal(tenantId, now);
  for (const t of HHW_TARGETS) {
    await createTarget(
      trx,
      system,
      tenantId,
      t.indicatorCode,
      {
        areaCode: '',
        baselinePeriod: '2009',
        baselineValue: null,
        targetValue: t.targetValue,
        targetYear: 2011,
        comparator: 'at_least',
        noteNl: `Wijkmonitor 2009 als nulmeting. "${t.quote}"`,
        noteEn: `Wijkmonitor 2009 as the baseline. "${t.quote}"`,
      },
      { sourceNote: `${SEED}, ${t.line}; nulmeting l.228` },
    );
  }
  await recordClassifications(
    trx,
    tenantId,
    HHW_CLASSIFICATION.map((c) => ({
      areaCode: c.areaCode,
      year: 2009,
      class: c.class,
      label: c.label,
      knelpunten: c.knelpunten,
      method: HHW_METHOD,
      sourceNote: `${SEED} §4.1, ${c.line}`,
    })),
  );
  await addCrosswalkRows(trx, tenantId, [
    {
      fromCode: 'WK039801',
      fromYear: 2014,
      toCode: 'WK198010',
      toYear: 2024,
      weight: 1,
      changeKind: 2,
      sourceNote:
        'CBS 2014 "Wijk 01 Schrijverswijk" (GM0398) → CBS 2024 WK198010 Schrijverswijk (GM1980); grenzen gelijk aangenomen (demo)',
    },
  ]);
}

export async function monitorDemoSeed(trx: Trx, args: DemoSeedArgs): Promise<void> {
  for (const t of args.tenants) {
    const rows = cbsBasisMeasurements(t.id);
    if (rows.length === 0) continue;
    await ensureIndicators(trx, t.id, CBS_BASIS_DEFINITIONS);
    await upsertMeasurements(trx, t.id, rows, args.now);
  }
  if (args.tenants.some((t) => t.id === HHW_TENANT)) await seedHeerhugowaard(trx, args.now);
}
