/**
 * Help's live indicators (issue 13, scope 3): per buurt, wijk and municipality, per quarter for
 * the last eight quarters. The monitor's recompute job calls `compute`; never a request.
 * Definitions and what counts: docs/monitor-live.md.
 */
import type { IndicatorDefinition, IndicatorMeasurement, IndicatorSource } from '../../../platform/module.ts';
import {
  allCodes,
  areaOfGroupingRow,
  cellKey,
  countMeasurements,
  lastQuarters,
  liveAreas,
  thresholdMeasurements,
  type CaseValue,
  type LiveAreas,
} from '../../../platform/live-indicators.ts';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { listAreas } from '../../areas/areas.service.ts';
import { gini } from '../matching/gini.ts';
import * as store from './indicators.store.ts';

/** The median and the Gini need at least this many cases (requests matched, active volunteers). */
export const HELP_MIN_CASES = 5;
const DAY_S = 86_400;

type Base = Pick<IndicatorDefinition, 'source' | 'theme' | 'minRespondents'>;
const base: Base = { source: 'platform', theme: 'help', minRespondents: HELP_MIN_CASES };

const matchKind = (kind: 'latent' | 'incidental' | 'structural', nl: string, en: string, nlWhat: string, enWhat: string) =>
  ({
    ...base,
    code: `help_matches_${kind}`,
    nameNl: `Matches: ${nl}`,
    nameEn: `Matches: ${en}`,
    descriptionNl: `Aantal matches dat in het kwartaal tot stand kwam (geaccepteerd) op een hulpvraag van de soort ${nlWhat}.`,
    descriptionEn: `Number of matches made (accepted) in the quarter on a request for ${enWhat}.`,
    unit: 'count',
    direction: 'up',
    decimals: 0,
  }) satisfies IndicatorDefinition;

export const HELP_INDICATORS: readonly IndicatorDefinition[] = [
  {
    ...base,
    code: 'help_requests',
    nameNl: 'Hulpvragen',
    nameEn: 'Requests for help',
    descriptionNl: 'Aantal hulpvragen dat in het kwartaal is gesteld, op de plek van de vraag.',
    descriptionEn: 'Number of requests for help asked in the quarter, by the place of the request.',
    unit: 'count',
    direction: 'neutral',
    decimals: 0,
  },
  matchKind(
    'latent',
    'iemand in de buurt',
    'someone nearby',
    '"iemand in de buurt die ik kan bellen" (latente hulp)',
    '"someone nearby I can call on" (latent help)',
  ),
  matchKind('incidental', 'één keer hulp', 'help once', '"één keer hulp" (incidentele hulp)', '"help once" (incidental help)'),
  matchKind(
    'structural',
    'vaste hulp',
    'regular help',
    '"vaste hulp, elke week" (structurele hulp)',
    '"regular help, every week" (structural help)',
  ),
  {
    ...base,
    code: 'help_hours',
    nameNl: 'Uren hulp',
    nameEn: 'Hours of help',
    descriptionNl:
      'Uren hulp die beide kanten bevestigden (zoals in het urenoverzicht): eenmalige hulp als die klaar is, vaste hulp per week, en taken in zorgcirkels.',
    descriptionEn:
      'Hours of help both sides confirmed (as in the hours ledger): one-off help when done, regular help week by week, and tasks in care circles.',
    unit: 'hours',
    direction: 'up',
    decimals: 1,
  },
  {
    ...base,
    code: 'help_days_to_match',
    nameNl: 'Dagen tot een match (mediaan)',
    nameEn: 'Days to a match (median)',
    descriptionNl: 'Van de hulpvragen die in het kwartaal hun eerste match kregen: de middelste tijd in dagen van vragen tot die match.',
    descriptionEn: 'Of the requests that got their first match in the quarter: the median time in days from asking to that match.',
    unit: 'days',
    direction: 'down',
    formula: 'median(first accepted match − asked), requests first matched in the quarter',
    decimals: 1,
  },
  {
    ...base,
    code: 'help_active_volunteers',
    nameNl: 'Actieve vrijwilligers',
    nameEn: 'Active volunteers',
    descriptionNl: 'Aantal vrijwilligers met minstens één lopende match in het kwartaal, op de plek van de hulpvraag.',
    descriptionEn: 'Number of volunteers with at least one match in effect during the quarter, by the place of the request.',
    unit: 'count',
    direction: 'up',
    decimals: 0,
  },
  {
    ...base,
    code: 'help_gini_matches',
    nameNl: 'Spreiding van matches over vrijwilligers (Gini)',
    nameEn: 'Spread of matches over volunteers (Gini)',
    descriptionNl:
      '0 = alle actieve vrijwilligers hebben evenveel matches; hoe dichter bij 1, hoe meer het werk op een paar mensen neerkomt.',
    descriptionEn: '0 = every active volunteer has as many matches; the closer to 1, the more the work falls on a few people.',
    unit: 'ratio',
    direction: 'down',
    formula: 'Gini of matches in effect per active volunteer in the quarter',
    decimals: 2,
  },
];

/** Adds `v` to the buurt, the wijk and the municipality of a place (a null or unknown code adds to the municipality only). */
function addUp(map: Map<string, number>, areas: LiveAreas, buurt: string | null, wijk: string | null, period: string, v: number) {
  const add = (code: string) => map.set(cellKey(code, period), (map.get(cellKey(code, period)) ?? 0) + v);
  add(areas.municipality);
  if (buurt) add(buurt);
  if (wijk) add(wijk);
}

/** Every help indicator for every area of the tenant and each of the last eight quarters. */
export async function computeHelpIndicators(args: { db: DbOrTrx; tenantId: string; now: Date }): Promise<IndicatorMeasurement[]> {
  const { db, tenantId, now } = args;
  const quarters = lastQuarters(now);
  const from = quarters[0]!.start;
  const periods = quarters.map((q) => q.period);
  const [areaList, requests, days, volunteers, matchHours, circleHours] = await Promise.all([
    listAreas(db, tenantId),
    store.requestsByQuarter(db, tenantId, from),
    store.daysToMatchByQuarter(db, tenantId, from),
    store.volunteersByQuarter(db, tenantId, quarters),
    store.matchHoursByQuarter(db, tenantId, from),
    store.circleHoursByQuarter(db, tenantId, from),
  ]);
  const areas = liveAreas(tenantId, areaList);
  const codes = allCodes(areas);

  const requestCounts = new Map<string, number>();
  for (const r of requests) {
    const area = areaOfGroupingRow(tenantId, r);
    if (area !== null) requestCounts.set(cellKey(area, r.period), r.requests);
  }
  const toMatch = new Map<string, CaseValue>();
  for (const r of days) {
    const area = areaOfGroupingRow(tenantId, r);
    if (area !== null) toMatch.set(cellKey(area, r.period), { value: r.median_s === null ? null : r.median_s / DAY_S, cases: r.matched });
  }

  const kinds = { latent: new Map<string, number>(), incidental: new Map<string, number>(), structural: new Map<string, number>() };
  const perVolunteer = new Map<string, number[]>();
  for (const r of volunteers) {
    const area = areaOfGroupingRow(tenantId, r);
    if (area === null) continue;
    const key = cellKey(area, r.period);
    kinds.latent.set(key, (kinds.latent.get(key) ?? 0) + r.new_latent);
    kinds.incidental.set(key, (kinds.incidental.get(key) ?? 0) + r.new_incidental);
    kinds.structural.set(key, (kinds.structural.get(key) ?? 0) + r.new_structural);
    if (r.volunteer !== null && r.in_effect > 0) perVolunteer.set(key, [...(perVolunteer.get(key) ?? []), r.in_effect]);
  }
  const active = new Map<string, number>();
  const spread = new Map<string, CaseValue>();
  for (const [key, amounts] of perVolunteer) {
    active.set(key, amounts.length);
    spread.set(key, { value: gini(amounts), cases: amounts.length });
  }

  const hours = new Map<string, number>();
  for (const r of matchHours) addUp(hours, areas, r.buurt_code, r.wijk_code, r.period, r.hours);
  const districts = new Set(areas.districts);
  for (const r of circleHours) {
    const code = r.area_code;
    const wijk = code === null ? null : districts.has(code) ? code : (areas.parentOf.get(code) ?? null);
    const buurt = code !== null && areas.parentOf.has(code) ? code : null;
    addUp(hours, areas, buurt, wijk, r.period, r.hours);
  }

  return [
    ...countMeasurements('help_requests', codes, periods, requestCounts),
    ...countMeasurements('help_matches_latent', codes, periods, kinds.latent),
    ...countMeasurements('help_matches_incidental', codes, periods, kinds.incidental),
    ...countMeasurements('help_matches_structural', codes, periods, kinds.structural),
    ...countMeasurements('help_hours', codes, periods, hours, 2),
    ...thresholdMeasurements('help_days_to_match', codes, periods, toMatch, HELP_MIN_CASES, 1),
    ...countMeasurements('help_active_volunteers', codes, periods, active),
    ...thresholdMeasurements('help_gini_matches', codes, periods, spread, HELP_MIN_CASES, 3),
  ];
}

/** The helpmatch module's live indicators, for the monitor's recompute job. */
export const helpIndicators: IndicatorSource = {
  id: 'helpmatch',
  definitions: HELP_INDICATORS,
  compute: computeHelpIndicators,
};
