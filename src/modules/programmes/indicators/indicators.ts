/**
 * The programmes' live indicators (issue 13, scope 3: "later initiatives and projects"): per buurt,
 * wijk and municipality, per quarter for the last eight quarters; theme "together". The monitor's
 * recompute job calls `compute`; never a request. Counts name no one and are never suppressed.
 *
 * A card counts for the areas it names, for the wijk of a buurt it names, and for the buurten of a
 * wijk it names (a wijk-wide project works in each of its buurten); for the municipality once. Only
 * cards of programmes that are not drafts count (drafts are for staff; these figures are public).
 */
import type { IndicatorDefinition, IndicatorMeasurement, IndicatorSource } from '../../../platform/module.ts';
import {
  allCodes,
  cellKey,
  countMeasurements,
  lastQuarters,
  liveAreas,
  type LiveAreas,
  type QuarterSpan,
} from '../../../platform/live-indicators.ts';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { listAreas } from '../../areas/areas.service.ts';
import { cardSpans, type CardSpan } from './indicators.store.ts';

export type { CardSpan };

const def = (code: string, nameNl: string, nameEn: string, descriptionNl: string, descriptionEn: string): IndicatorDefinition => ({
  code,
  nameNl,
  nameEn,
  descriptionNl,
  descriptionEn,
  unit: 'count',
  direction: 'up',
  source: 'platform',
  theme: 'together',
  decimals: 0,
});

export const PROJECT_INDICATORS: readonly IndicatorDefinition[] = [
  def(
    'prj_running',
    'Lopende projecten',
    'Projects under way',
    'Aantal projecten (projectkaarten) dat in het kwartaal liep in dit gebied.',
    'Number of projects (project cards) under way in this area during the quarter.',
  ),
  def(
    'prj_started',
    'Projecten gestart',
    'Projects started',
    'Aantal projecten (projectkaarten) dat in het kwartaal begon in dit gebied.',
    'Number of projects (project cards) that began in this area during the quarter.',
  ),
];

/** Statuses of a card that has actually run (an idea or a plan has not). */
const RAN: ReadonlySet<CardSpan['status']> = new Set(['running', 'ended', 'handed_back', 'stopped']);

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Whether the card ran during the quarter: started before its end, and not ended before its start. */
export function ranIn(card: CardSpan, q: QuarterSpan): boolean {
  if (!RAN.has(card.status) || card.start === null) return false;
  const lastDay = day(new Date(q.end.getTime() - 86_400_000));
  // A card still running without an end runs on; one that ended without an end date counts in its start quarter only.
  const end = card.end ?? (card.status === 'running' ? null : card.start);
  return card.start <= lastDay && (end === null || end >= day(q.start));
}

export function startedIn(card: CardSpan, q: QuarterSpan): boolean {
  if (!RAN.has(card.status) || card.start === null) return false;
  return card.start >= day(q.start) && card.start < day(q.end);
}

/** The areas a card counts for (see the header): its own, their wijk, and the buurten of a wijk it names. */
export function reach(areas: LiveAreas, card: CardSpan): Set<string> {
  const known = new Set([...areas.districts, ...areas.neighbourhoods]);
  const out = new Set<string>();
  for (const code of card.areaCodes) {
    if (!known.has(code)) continue;
    out.add(code);
    const wijk = areas.parentOf.get(code);
    if (wijk) out.add(wijk);
    for (const [buurt, parent] of areas.parentOf) if (parent === code) out.add(buurt);
  }
  return out;
}

export function projectCounts(
  areas: LiveAreas,
  cards: readonly CardSpan[],
  quarters: readonly QuarterSpan[],
  test: (c: CardSpan, q: QuarterSpan) => boolean,
): Map<string, number> {
  const out = new Map<string, number>();
  const add = (area: string, period: string) => out.set(cellKey(area, period), (out.get(cellKey(area, period)) ?? 0) + 1);
  for (const card of cards) {
    const where = reach(areas, card);
    for (const q of quarters) {
      if (!test(card, q)) continue;
      for (const code of where) add(code, q.period);
      add(areas.municipality, q.period);
    }
  }
  return out;
}

export async function computeProjectIndicators(args: { db: DbOrTrx; tenantId: string; now: Date }): Promise<IndicatorMeasurement[]> {
  const { db, tenantId, now } = args;
  const quarters = lastQuarters(now);
  const [areaList, cards] = await Promise.all([listAreas(db, tenantId), cardSpans(db, tenantId)]);
  const areas = liveAreas(tenantId, areaList);
  const codes = allCodes(areas);
  const periods = quarters.map((q) => q.period);
  return [
    ...countMeasurements('prj_running', codes, periods, projectCounts(areas, cards, quarters, ranIn)),
    ...countMeasurements('prj_started', codes, periods, projectCounts(areas, cards, quarters, startedIn)),
  ];
}

/** The programmes module's live indicators, for the monitor's recompute job. */
export const projectIndicators: IndicatorSource = {
  id: 'programmes',
  definitions: PROJECT_INDICATORS,
  compute: computeProjectIndicators,
};
