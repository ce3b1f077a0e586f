/**
 * The social map's live indicators (issue 13, scope 3): what is on offer per buurt, wijk and
 * municipality, a snapshot for the current quarter only. Meeting activities, information points,
 * support for people with a disability and white spots use the coverage page's notion
 * (`/{tenant}/sociale-kaart/dekking`: section/coverage.ts over keep.coverage.ts's entries); the
 * meeting places are counted per location (indicators.store.ts). The monitor's recompute job calls
 * `compute`; never a request. Definitions: docs/monitor-live.md.
 */
import type { IndicatorDefinition, IndicatorMeasurement, IndicatorSource } from '../../../platform/module.ts';
import { allCodes, areaOfGroupingRow, countMeasurements, cellKey, lastQuarters, liveAreas } from '../../../platform/live-indicators.ts';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { listAreas } from '../../areas/areas.service.ts';
import { coverageEntries } from '../keep/keep.coverage.ts';
import { coverageRow, type CoverageArea, type CoverageEntry, type CoverageRow } from '../section/coverage.ts';
import { FUNCTIE, TOEGANKELIJKHEID } from '../taxonomy/taxonomy.ts';
import * as store from './indicators.store.ts';

/** The social map's figures are counts of what is on offer, not of people: the threshold only guards the definition. */
export const SOCIALMAP_MIN_CASES = 5;
/** The taxonomy term that makes a service a meeting activity. */
export const MEETING_TERM = FUNCTIE.ontmoeting;
/** The accessibility term that makes a meeting place accessible (as the coverage page's question 2). */
export const ACCESSIBLE_TERM = TOEGANKELIJKHEID.rolstoel;

type Base = Pick<IndicatorDefinition, 'source' | 'minRespondents' | 'unit' | 'decimals'>;
const base: Base = { source: 'platform', minRespondents: SOCIALMAP_MIN_CASES, unit: 'count', decimals: 0 };

export const SOCIALMAP_INDICATORS: readonly IndicatorDefinition[] = [
  {
    ...base,
    code: 'sm_meeting_per1000',
    nameNl: 'Ontmoetingsactiviteiten per 1.000 inwoners',
    nameEn: 'Meeting activities per 1,000 inhabitants',
    descriptionNl:
      'Actieve activiteiten op de sociale kaart met de functie "Mensen ontmoeten" die in het gebied plaatsvinden, per 1.000 inwoners (CBS).',
    descriptionEn:
      'Active services on the social map with the function "Meeting people" that take place in the area, per 1,000 inhabitants (CBS).',
    unit: 'per1000',
    direction: 'up',
    theme: 'meet',
    formula: '1000 × meeting activities / inhabitants',
    decimals: 1,
  },
  {
    ...base,
    code: 'sm_meeting_places',
    nameNl: 'Ontmoetingsplekken',
    nameEn: 'Meeting places',
    descriptionNl: 'Aantal plekken (locaties) in het gebied waar minstens één actieve ontmoetingsactiviteit is.',
    descriptionEn: 'Number of places (locations) in the area with at least one active meeting activity.',
    direction: 'up',
    theme: 'meet',
  },
  {
    ...base,
    code: 'sm_meeting_places_accessible',
    nameNl: 'Ontmoetingsplekken, rolstoeltoegankelijk',
    nameEn: 'Meeting places, wheelchair accessible',
    descriptionNl: 'Ontmoetingsplekken in het gebied die als rolstoeltoegankelijk op de kaart staan.',
    descriptionEn: 'Meeting places in the area marked as wheelchair accessible on the map.',
    direction: 'up',
    theme: 'meet',
  },
  {
    ...base,
    code: 'sm_info_points',
    nameNl: 'Informatiepunten',
    nameEn: 'Information points',
    descriptionNl: 'Actieve activiteiten met de functie "Vragen en advies" in het gebied, zoals een Stip of inloopspreekuur.',
    descriptionEn: 'Active services with the function "Questions and advice" in the area, such as a Stip or walk-in hour.',
    direction: 'up',
    theme: 'meet',
  },
  {
    ...base,
    code: 'sm_disability_support',
    nameNl: 'Hulp voor mensen met een beperking',
    nameEn: 'Support for people with a disability',
    descriptionNl:
      'Actieve activiteiten voor mensen met een beperking met de functie informele ondersteuning of zorgondersteuning, in het gebied.',
    descriptionEn: 'Active services for people with a disability with the function informal support or care support, in the area.',
    direction: 'up',
    theme: 'help',
  },
  {
    ...base,
    code: 'sm_white_spots',
    nameNl: 'Witte vlekken (basisfuncties zonder aanbod)',
    nameEn: 'White spots (basic functions without any offer)',
    descriptionNl: 'Hoeveel van de zes basisfuncties in het gebied geen enkele activiteit hebben, zoals op de pagina Dekking.',
    descriptionEn: 'How many of the six basic functions have no service at all in the area, as on the Coverage page.',
    direction: 'down',
    theme: 'meet',
  },
];

const round = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;

/** The social map's indicators for every area of the tenant, for the quarter `now` falls in. */
export async function computeSocialmapIndicators(args: { db: DbOrTrx; tenantId: string; now: Date }): Promise<IndicatorMeasurement[]> {
  const { db, tenantId, now } = args;
  const period = lastQuarters(now, 1)[0]!.period;
  const [areaList, entries, places] = await Promise.all([
    listAreas(db, tenantId),
    coverageEntries(db, tenantId, now),
    store.meetingPlaces(db, tenantId, MEETING_TERM, ACCESSIBLE_TERM),
  ]);
  const areas = liveAreas(tenantId, areaList);
  const codes = allCodes(areas);

  // Entries per buurt and per wijk in one pass (a place in a buurt also counts for its wijk, as on the coverage page).
  const inArea = new Map<string, Set<CoverageEntry>>();
  for (const e of entries) {
    for (const p of e.places) {
      for (const code of [p.buurtCode, p.wijkCode]) {
        if (code === null) continue;
        const set = inArea.get(code) ?? new Set<CoverageEntry>();
        set.add(e);
        inArea.set(code, set);
      }
    }
  }
  const rows = new Map<string, CoverageRow>();
  for (const a of areaList) {
    if (a.level !== 'district' && a.level !== 'neighbourhood') continue;
    const area: CoverageArea = { code: a.code, name: a.name, level: a.level, parentCode: a.parentCode };
    rows.set(a.code, coverageRow(area, [...(inArea.get(a.code) ?? [])]));
  }
  // The municipality: every active service, also those without a place (by phone, online, municipality-wide).
  // The place-bound question (accessible meeting place) is not used at this level.
  rows.set(tenantId, coverageRow({ code: tenantId, name: tenantId, level: 'district', parentCode: null }, entries));

  const activities = new Map<string, number>();
  const infoPoints = new Map<string, number>();
  const disability = new Map<string, number>();
  const whiteSpots = new Map<string, number>();
  for (const [code, row] of rows) {
    const key = cellKey(code, period);
    activities.set(key, row.functions[MEETING_TERM].count);
    infoPoints.set(key, row.questions.informationPoint.count);
    disability.set(key, row.questions.disabilitySupport.count);
    whiteSpots.set(key, row.whiteSpots.functions.length);
  }
  const meetingPlaces = new Map<string, number>();
  const accessible = new Map<string, number>();
  for (const r of places) {
    const area = areaOfGroupingRow(tenantId, r);
    if (area === null) continue;
    meetingPlaces.set(cellKey(area, period), r.places);
    accessible.set(cellKey(area, period), r.accessible);
  }

  const inhabitants = new Map(areaList.map((a) => [a.code, a.stats.inhabitants]));
  if (inhabitants.get(tenantId) === undefined) {
    const districts = areaList.filter((a) => a.level === 'district').map((a) => a.stats.inhabitants);
    // Without a figure for the municipality itself: the sum of its wijken, when every wijk has one.
    if (districts.length > 0 && districts.every((n) => typeof n === 'number')) {
      inhabitants.set(
        tenantId,
        districts.reduce((s, n) => s! + n!, 0),
      );
    }
  }
  const per1000: IndicatorMeasurement[] = codes.map((areaCode) => {
    const people = inhabitants.get(areaCode);
    const n = activities.get(cellKey(areaCode, period)) ?? 0;
    if (typeof people !== 'number' || people <= 0) {
      return { indicatorCode: 'sm_meeting_per1000', areaCode, period, value: null, status: 'unknown', sourceNote: 'inwoners onbekend' };
    }
    return { indicatorCode: 'sm_meeting_per1000', areaCode, period, value: round((1000 * n) / people, 2), status: 'ok' };
  });

  const periods = [period];
  return [
    ...per1000,
    ...countMeasurements('sm_meeting_places', codes, periods, meetingPlaces),
    ...countMeasurements('sm_meeting_places_accessible', codes, periods, accessible),
    ...countMeasurements('sm_info_points', codes, periods, infoPoints),
    ...countMeasurements('sm_disability_support', codes, periods, disability),
    ...countMeasurements('sm_white_spots', codes, periods, whiteSpots),
  ];
}

/** The social map's live indicators, for the monitor's recompute job. */
export const socialmapIndicators: IndicatorSource = {
  id: 'socialmap',
  definitions: SOCIALMAP_INDICATORS,
  compute: computeSocialmapIndicators,
};
