/**
 * The initiatives' live indicators (issue 15, scope 6): per buurt, wijk and municipality, per
 * quarter for the last eight quarters; theme "together". The monitor's recompute job calls
 * `compute`; never a request. Counts and euros are never suppressed (they name no one).
 */
import type { IndicatorDefinition, IndicatorMeasurement, IndicatorSource } from '../../../platform/module.ts';
import { allCodes, cellKey, countMeasurements, lastQuarters, liveAreas, type LiveAreas } from '../../../platform/live-indicators.ts';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { listAreas } from '../../areas/areas.service.ts';
import * as store from './joined.store.ts';

const def = (
  code: string,
  nameNl: string,
  nameEn: string,
  descriptionNl: string,
  descriptionEn: string,
  unit: 'count' | 'euro',
): IndicatorDefinition => ({
  code,
  nameNl,
  nameEn,
  descriptionNl,
  descriptionEn,
  unit,
  direction: 'up',
  source: 'platform',
  theme: 'together',
  decimals: 0,
});

export const INITIATIVES_INDICATORS: readonly IndicatorDefinition[] = [
  def(
    'ini_applied',
    'Initiatieven aangevraagd',
    'Initiatives applied for',
    'Aantal aanvragen voor een bewonersinitiatief dat in het kwartaal is ingediend.',
    "Number of applications for a residents' initiative submitted in the quarter.",
    'count',
  ),
  def(
    'ini_funded',
    'Initiatieven gesteund',
    'Initiatives funded',
    'Aantal initiatieven dat in het kwartaal geheel of deels is toegekend.',
    'Number of initiatives granted in full or in part in the quarter.',
    'count',
  ),
  def(
    'ini_carried_out',
    'Initiatieven uitgevoerd',
    'Initiatives carried out',
    'Aantal initiatieven waarvan in het kwartaal de verantwoording binnenkwam.',
    'Number of initiatives whose accountability came in during the quarter.',
    'count',
  ),
  def(
    'ini_participants',
    'Deelnemers aan initiatieven',
    'Participants in initiatives',
    'Deelnemers volgens de verantwoordingen die in het kwartaal binnenkwamen (onbekend telt niet mee).',
    'Participants according to the accountabilities that came in during the quarter (unknown is not counted).',
    'count',
  ),
  def(
    'ini_granted_euros',
    'Geld toegekend aan initiatieven',
    'Money granted to initiatives',
    'Euro toegekend bij de besluiten van het kwartaal (geheel of deels).',
    "Euros granted in the quarter's decisions (full or partial).",
    'euro',
  ),
];

/** Adds raw per-area cells to the area itself, its wijk (for a buurt) and the municipality. */
export function rollUp(areas: LiveAreas, cells: readonly store.QuarterCell[]): Map<string, number> {
  const known = new Set([...areas.districts, ...areas.neighbourhoods]);
  const out = new Map<string, number>();
  const add = (area: string, period: string, n: number) => out.set(cellKey(area, period), (out.get(cellKey(area, period)) ?? 0) + n);
  for (const c of cells) {
    if (known.has(c.area_code)) add(c.area_code, c.period, c.n);
    const wijk = areas.parentOf.get(c.area_code);
    if (wijk) add(wijk, c.period, c.n);
    add(areas.municipality, c.period, c.n);
  }
  return out;
}

export async function computeInitiativesIndicators(args: { db: DbOrTrx; tenantId: string; now: Date }): Promise<IndicatorMeasurement[]> {
  const { db, tenantId, now } = args;
  const quarters = lastQuarters(now);
  const from = quarters[0]!.start;
  const periods = quarters.map((q) => q.period);
  const [areaList, applied, funded, carried] = await Promise.all([
    listAreas(db, tenantId),
    store.appliedByQuarter(db, tenantId, from),
    store.fundedByQuarter(db, tenantId, from),
    store.carriedOutByQuarter(db, tenantId, from.toISOString().slice(0, 10)),
  ]);
  const areas = liveAreas(tenantId, areaList);
  const codes = allCodes(areas);
  return [
    ...countMeasurements('ini_applied', codes, periods, rollUp(areas, applied)),
    ...countMeasurements('ini_funded', codes, periods, rollUp(areas, funded.count)),
    ...countMeasurements('ini_carried_out', codes, periods, rollUp(areas, carried.count)),
    ...countMeasurements('ini_participants', codes, periods, rollUp(areas, carried.participants)),
    ...countMeasurements('ini_granted_euros', codes, periods, rollUp(areas, funded.euros)),
  ];
}

/** The initiatives module's live indicators, for the monitor's recompute job. */
export const initiativesIndicators: IndicatorSource = {
  id: 'initiatives',
  definitions: INITIATIVES_INDICATORS,
  compute: computeInitiativesIndicators,
};
