/**
 * The evaluation module's demo (issue 16, acceptance "Demo"): in Heerhugowaard (GM1980, CBS 2024
 * wijken of Dijk en Waard) project card 7 of *Meedoen is winnen* ("versterken individuele
 * participatie … Molen en Rivierenwijk", seed 001 l.787-825) is evaluated against similar wijken of
 * the same municipality that no project of the programme touches. The seed gives no measured
 * values at all: the Wijkmonitor figures of 2007, 2009 and 2011 are the monitor demo's invented
 * ones, and this demo adds invented figures for 2013 and 2015 (with an invented effect in the two
 * intervention wijken). Everything is is_demo and its source note starts with "demo-waarde,
 * verzonnen"; the evaluation itself is is_demo and says so in its title. What is in it and where
 * to look: docs/evaluation-demo.md.
 */
import type { Trx } from '../../../platform/db/database.ts';
import type { DemoSeedArgs, IndicatorMeasurement } from '../../../platform/module.ts';
import { systemPrincipal } from '../../../platform/principal.ts';
import { areaMeasurements, recordMeasurements } from '../../monitor/monitor.service.ts';
import { listCards } from '../../programmes/programmes.service.ts';
import { computeEvaluationResults } from '../evaluation.service.ts';
import { findDemoEvaluation, insertDemoEvaluation } from './demo.store.ts';

export const DEMO_TENANT = 'GM1980';
export const MOLENWIJK = 'WK198016';
export const RIVIERENWIJK = 'WK198017';
/**
 * Comparison wijken: residential wijken of former Heerhugowaard in no project card of the programme
 * (cards 1, 2, 6, 7 and 8 name Bomen-, Heemraden-, Molen-, Rivierenwijk, Oostertocht, Zuidwijk,
 * Huygenhoek and Stad van de Zon), classed "gemiddeld" in 2009 or not classed; the business park
 * (WK198020) and 't Kruis (WK198028, 720 inhabitants) are left out.
 */
export const COMPARISON = ['WK198010', 'WK198011', 'WK198012', 'WK198015', 'WK198018', 'WK198019', 'WK198026'] as const;
/** Outcomes: "actief in de wijk" (Wijkmonitor q9) and "voldoende contact met anderen" (q71, the card's loneliness). */
export const OUTCOMES = ['wm09_active', 'wm71_enough_contact'] as const;
export const DEMO_PERIODS_AFTER = ['2013', '2015'] as const;
export const DEMO_NOTE = 'demo-waarde, verzonnen: evaluatiedemo (issue 16); seed 001 geeft geen meetwaarden (l.412, l.447)';
const CARD = { number: '7', seed: 'Seed 001 (Meedoen is winnen, Heerhugowaard), kaart 7, l.787-825; Bijlage 1 l.903-905' };

/** Invented change after 2011 for every wijk (drift) and on top of it in the intervention wijken (effect). */
const SHIFT: Record<(typeof OUTCOMES)[number], { drift: [number, number]; effect: [number, number] }> = {
  wm09_active: { drift: [0.5, 1], effect: [5, 6] },
  wm71_enough_contact: { drift: [0, 0.5], effect: [1, 0] },
};

/** A small deterministic generator (mulberry32) seeded from a text: the same demo every time. */
function seeded(text: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Invented 2013 and 2015 figures for every wijk that has a 2011 figure: the 2011 value, a drift
 * shared by all wijken, noise of at most 1.5 points and, in Molenwijk and Rivierenwijk, an effect.
 * Respondents 40–119 per wijk (above the monitor's threshold of 30). The municipality's own
 * figure is not extended, so the seed's targets (target year 2011) are still judged on 2011.
 */
export function demoMeasurementsAfter(
  base2011: readonly { indicatorCode: string; areaCode: string; value: number }[],
): IndicatorMeasurement[] {
  const out: IndicatorMeasurement[] = [];
  for (const b of base2011) {
    const shift = SHIFT[b.indicatorCode as (typeof OUTCOMES)[number]];
    if (!shift || !b.areaCode.startsWith('WK')) continue;
    const treated = b.areaCode === MOLENWIJK || b.areaCode === RIVIERENWIJK;
    DEMO_PERIODS_AFTER.forEach((period, i) => {
      const rnd = seeded(`${b.indicatorCode}|${b.areaCode}|${period}`);
      const raw = b.value + shift.drift[i]! + (rnd() * 3 - 1.5) + (treated ? shift.effect[i]! : 0);
      out.push({
        indicatorCode: b.indicatorCode,
        areaCode: b.areaCode,
        period,
        value: Math.round(Math.min(100, Math.max(0, raw))),
        respondents: 40 + Math.floor(rnd() * 80),
        isDemo: true,
        sourceNote: DEMO_NOTE,
      });
    });
  }
  return out;
}

async function seedHeerhugowaard(trx: Trx, now: Date): Promise<void> {
  const system = systemPrincipal(DEMO_TENANT, now);
  const card = (await listCards(trx, system, DEMO_TENANT)).find(
    (c) => c.number === CARD.number && c.areaCodes.includes(MOLENWIJK) && c.areaCodes.includes(RIVIERENWIJK),
  );
  const cardId = card?.id ?? null;
  if (await findDemoEvaluation(trx, DEMO_TENANT, cardId)) return;

  const before = await areaMeasurements(trx, system, DEMO_TENANT, { indicatorCodes: [...OUTCOMES] });
  const base = before.flatMap((m) =>
    m.period === '2011' && m.value !== null ? [{ indicatorCode: m.indicatorCode, areaCode: m.areaCode, value: m.value }] : [],
  );
  if (base.length === 0) return; // the monitor demo did not run: no figures to evaluate on
  await recordMeasurements(trx, system, DEMO_TENANT, demoMeasurementsAfter(base), now);

  const id = await insertDemoEvaluation(
    trx,
    DEMO_TENANT,
    {
      cardId,
      titleNl: 'Participatie in Molenwijk en Rivierenwijk (demo met verzonnen cijfers)',
      titleEn: 'Participation in Molenwijk and Rivierenwijk (demo with invented figures)',
      questionNl:
        'Zijn bewoners van Molenwijk en Rivierenwijk sinds de start van het project in 2010 vaker actief in hun wijk, en hebben ze vaker voldoende contact met anderen, dan bewoners van vergelijkbare wijken van Heerhugowaard?',
      questionEn:
        'Since the project started in 2010, are residents of Molenwijk and Rivierenwijk more often active in their neighbourhood, and do they more often have enough contact with other people, than residents of similar wijken of Heerhugowaard?',
      startDay: card?.plannedStart ?? '2010-01-01',
      endDay: card?.plannedEnd ?? '2011-12-31',
      sourceNote: `Demo-evaluatie: project, wijken en periode uit ${CARD.seed}; vergelijkingswijken voor de demo gekozen; alle meetwaarden zijn ${DEMO_NOTE.split(':')[0]} (2007-2011 monitordemo, 2013-2015 evaluatiedemo)`,
      intervention: [MOLENWIJK, RIVIERENWIJK],
      comparison: COMPARISON,
      outcomes: OUTCOMES,
    },
    now,
  );
  await computeEvaluationResults(trx, DEMO_TENANT, id, now);
}

/** The module's demoSeed: only for Heerhugowaard, after the monitor's and the programmes' demo data. */
export async function evaluationDemoSeed(trx: Trx, args: DemoSeedArgs): Promise<void> {
  if (args.tenants.some((t) => t.id === DEMO_TENANT)) await seedHeerhugowaard(trx, args.now);
}
