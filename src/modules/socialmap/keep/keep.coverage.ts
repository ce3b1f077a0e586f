/**
 * The coordinator's view over the database: the coverage matrix, duplicates and the CSV exports.
 * Reads only; the judging is in coverage.ts (pure) and freshness.ts.
 */
import { stringify } from 'csv-stringify/sync';
import { guardCell } from '../../../platform/csv.ts';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Translate } from '../../../platform/i18n/index.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { can, tenantOf } from '../policies.ts';
import { listAreas } from '../../areas/areas.service.ts';
import {
  BASIC_FUNCTIONS,
  COVERAGE_QUESTIONS,
  coverageMatrix,
  findDuplicates,
  type CoverageArea,
  type CoverageEntry,
  type CoverageMatrix,
  type CoverageState,
  type DuplicateGroup,
} from '../section/coverage.ts';
import { freshnessCutoffs, isStale } from './freshness.ts';
import * as store from './keep.store.ts';

function csv(rows: (string | number)[][]): string {
  return stringify(rows.map((r) => r.map(guardCell)));
}

/** The CSV cell of a coverage state: words, never only a symbol. */
const STATE_WORD: Record<CoverageState, string> = { yes: 'ja', staleOnly: 'verouderd', no: 'witte vlek' };

/** The tenant's services as coverage entries (active ones only), with their places and terms; optionally only those with a place in some areas. */
export async function coverageEntries(
  db: DbOrTrx,
  tenantId: string,
  now: Date,
  areaCodes: readonly string[] | null = null,
): Promise<CoverageEntry[]> {
  const places = await store.listServicePlaces(db, tenantId, areaCodes);
  const serviceIds = areaCodes ? [...new Set(places.map((p) => p.service_id))] : null;
  const locationIds = areaCodes ? [...new Set(places.map((p) => p.location_id))] : null;
  const [services, serviceTerms, locationTerms] = await Promise.all([
    store.listServicesForExport(db, tenantId, serviceIds),
    store.termCodesByEntity(db, tenantId, 'service', serviceIds),
    store.termCodesByEntity(db, tenantId, 'location', locationIds),
  ]);
  const placesOf = new Map<string, store.ServicePlaceRow[]>();
  for (const p of places) placesOf.set(p.service_id, [...(placesOf.get(p.service_id) ?? []), p]);
  return services
    .filter((s) => s.status === 'active')
    .map((s) => {
      const codes = serviceTerms.get(s.id) ?? [];
      return {
        id: s.id,
        name: s.name,
        functions: codes.filter((c) => c.startsWith('functie.')),
        targetGroups: codes.filter((c) => c.startsWith('doelgroep.')),
        places: (placesOf.get(s.id) ?? []).map((p) => ({
          buurtCode: p.buurt_code,
          wijkCode: p.wijk_code,
          accessibility: locationTerms.get(p.location_id) ?? [],
        })),
        stale: isStale(s.last_checked_at, now),
      };
    });
}

/** The wijken and buurten of the tenant as the matrix needs them. */
export async function coverageAreas(db: DbOrTrx, tenantId: string): Promise<CoverageArea[]> {
  const areas = await listAreas(db, tenantId);
  return areas
    .filter((a): a is typeof a & { level: 'district' | 'neighbourhood' } => a.level === 'district' || a.level === 'neighbourhood')
    .map((a) => ({ code: a.code, name: a.name, level: a.level, parentCode: a.parentCode }));
}

/** A place where a service is offered, as the neighbourhood page shows it (public: no personal data). */
export interface ServicePlace {
  serviceId: string;
  locationId: string;
  locationName: string | null;
  address: string | null;
}

/** Every (service, place) pair with a place in these areas, for the neighbourhood page. */
export async function servicePlacesIn(db: DbOrTrx, tenantId: string, areaCodes: readonly string[]): Promise<ServicePlace[]> {
  return (await store.listServicePlaces(db, tenantId, areaCodes)).map((p) => ({
    serviceId: p.service_id,
    locationId: p.location_id,
    locationName: p.location_name,
    address: p.address_1,
  }));
}

/** The ids of every service of the tenant, whatever its status (the neighbourhood summaries job's shared reads). */
export async function allServiceIds(db: DbOrTrx, tenantId: string): Promise<string[]> {
  return (await store.listServicesForExport(db, tenantId)).map((s) => s.id);
}

/** The number of active entries with a place in these areas not checked for too long at `now` (the neighbourhood page). */
export function staleCountIn(db: DbOrTrx, tenantId: string, now: Date, areaCodes: readonly string[]): Promise<number> {
  return store.countStale(db, tenantId, freshnessCutoffs(now).staleBefore, areaCodes);
}

/** The number of entries of the principal's tenant not checked for too long (coordinators). */
export async function staleCount(db: DbOrTrx, principal: Principal): Promise<number> {
  authorize(can(principal, 'socialmap.coverage.view'));
  return store.countStale(db, tenantOf(principal), freshnessCutoffs(principal.now).staleBefore, null);
}

/** The coverage matrix of the principal's tenant at the principal's moment (coordinators). */
export async function tenantCoverage(db: DbOrTrx, principal: Principal): Promise<CoverageMatrix> {
  authorize(can(principal, 'socialmap.coverage.view'));
  const tenantId = tenantOf(principal);
  const now = principal.now;
  const [areas, entries] = await Promise.all([coverageAreas(db, tenantId), coverageEntries(db, tenantId, now)]);
  return coverageMatrix(areas, entries);
}

/** The house number in a Dutch street line ("Dorpsstraat 12a" → "12a"), or null. */
export function houseNumberOf(address1: string | null): string | null {
  const m = /\s(\d+(?:\s*[-\s]?\s*[a-zA-Z0-9]{1,4})?)\s*$/.exec(address1 ?? '');
  return m ? m[1]!.replace(/\s+/g, '') : null;
}

/** Likely duplicate services and locations of the principal's tenant (coordinators). */
export async function tenantDuplicates(db: DbOrTrx, principal: Principal): Promise<DuplicateGroup[]> {
  authorize(can(principal, 'socialmap.coverage.view'));
  const tenantId = tenantOf(principal);
  const [services, locations] = await Promise.all([
    store.listServicesForExport(db, tenantId),
    store.listLocationsWithAddress(db, tenantId),
  ]);
  return findDuplicates([
    ...services.map((s) => ({ kind: 'service' as const, id: s.id, name: s.name })),
    ...locations.map((l) => ({
      kind: 'location' as const,
      id: l.id,
      name: l.name ?? '',
      postalCode: l.postal_code,
      houseNumber: houseNumberOf(l.address_1),
    })),
  ]);
}

/** The coverage matrix as CSV (one row per area; per function the count, per question the answer in words). */
export function coverageCsv(matrix: CoverageMatrix, t: Translate): string {
  const header = [
    'gebiedscode',
    'gebied',
    'niveau',
    'wijkcode',
    ...BASIC_FUNCTIONS.map((f) => `aantal_${f.replace('functie.', '').replace(/-/g, '_')}`),
    ...COVERAGE_QUESTIONS.map((q) => `vraag_${q}`),
    'witte_vlekken',
  ];
  const rows = matrix.rows.map((r) => [
    r.area.code,
    r.area.name,
    r.area.level === 'district' ? 'wijk' : 'buurt',
    r.area.level === 'district' ? r.area.code : (r.area.parentCode ?? ''),
    ...BASIC_FUNCTIONS.map((f) => r.functions[f].count),
    ...COVERAGE_QUESTIONS.map((q) => STATE_WORD[r.questions[q].state]),
    [
      ...r.whiteSpots.functions.map((f) => t(`socialmap.keep.fn.${f}`)),
      ...r.whiteSpots.questions.map((q) => t(`socialmap.keep.q.${q}.short`)),
    ].join('; '),
  ]);
  return csv([header, ...rows]);
}

/** Every service of the principal's tenant as CSV, with organisation, functions, places, last check and the stale flag (coordinators). */
export async function entriesCsv(db: DbOrTrx, principal: Principal): Promise<string> {
  authorize(can(principal, 'socialmap.coverage.view'));
  const tenantId = tenantOf(principal);
  const now = principal.now;
  const [services, places, terms] = await Promise.all([
    store.listServicesForExport(db, tenantId),
    store.listServicePlaces(db, tenantId),
    store.termCodesByEntity(db, tenantId, 'service'),
  ]);
  const placesOf = new Map<string, store.ServicePlaceRow[]>();
  for (const p of places) placesOf.set(p.service_id, [...(placesOf.get(p.service_id) ?? []), p]);
  const header = [
    'id',
    'naam',
    'organisatie',
    'status',
    'functies',
    'doelgroepen',
    'locaties',
    'adressen',
    'buurtcodes',
    'wijkcodes',
    'laatst_gecontroleerd',
    'verouderd',
    'demo',
  ];
  const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))].join('; ');
  const rows = services.map((s) => {
    const ps = placesOf.get(s.id) ?? [];
    const codes = terms.get(s.id) ?? [];
    return [
      s.id,
      s.name,
      s.organization_name,
      s.status,
      codes.filter((c) => c.startsWith('functie.')).join('; '),
      codes.filter((c) => c.startsWith('doelgroep.')).join('; '),
      uniq(ps.map((p) => p.location_name)),
      uniq(ps.map((p) => (p.address_1 ? `${p.address_1}, ${p.postal_code ?? ''} ${p.city ?? ''}`.trim() : null))),
      uniq(ps.map((p) => p.buurt_code)),
      uniq(ps.map((p) => p.wijk_code)),
      s.last_checked_at ? s.last_checked_at.toISOString() : '',
      isStale(s.last_checked_at, now) ? 'ja' : 'nee',
      s.is_demo ? 'ja' : 'nee',
    ];
  });
  return csv([header, ...rows]);
}
