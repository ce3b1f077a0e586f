import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { NotFound } from '../../../platform/errors.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { findTenantById } from '../../../platform/tenants/tenants.service.ts';
import * as areasStore from '../areas.store.ts';
import { isRdPosition, pointInGeometry, rdToWgs84 } from '../geo.ts';
import * as store from './geocode.store.ts';
import { normalisePostcode } from './geocode.parse.ts';

/**
 * Import of the BAG address extract as CSV (docs/geocoding.md, "BAG address file"): the header names the
 * columns (NLExtract's `bag-adressen` layout, `openbareruimte;huisnummer;huisletter;huisnummertoevoeging;
 * postcode;woonplaats;…;x;y;lon;lat`, or the same columns from the PDOK BAG GeoPackage exported with
 * ogr2ogr); `;`, `,` or tab separated. RD New x/y are converted to WGS84; lon/lat are used when there is
 * no x/y. Every row is checked first; then all good rows are written in one transaction.
 */

export interface AddressRejection {
  /** Line number in the file (the header is line 1). */
  row: number;
  reason: MessageKey;
  params?: Record<string, string | number>;
}

export interface AddressImportReport {
  created: number;
  updated: number;
  rejected: AddressRejection[];
  /** False when the municipality has no wijk boundaries, so rows could not be checked for lying inside it. */
  checkedInside: boolean;
}

export interface ImportAddressesInput {
  tenantId: string;
  csv: string;
  now: Date;
  /** Progress per phase ('check' every row, 'write' every batch). */
  onProgress?: (phase: 'check' | 'write', done: number, total: number) => void;
}

const COLUMNS = {
  street: ['openbareruimte', 'openbare_ruimte_naam', 'openbareruimtenaam', 'straat', 'straatnaam'],
  number: ['huisnummer'],
  letter: ['huisletter'],
  addition: ['huisnummertoevoeging', 'toevoeging'],
  postcode: ['postcode'],
  place: ['woonplaats', 'woonplaatsnaam', 'woonplaats_naam'],
  bagId: [
    'nummeraanduiding',
    'nummeraanduiding_id',
    'nummeraanduiding_identificatie',
    'hoofdadres_identificatie',
    'nummeraanduiding_hoofdadres_identificatie',
  ],
  x: ['x'],
  y: ['y'],
  lon: ['lon', 'longitude'],
  lat: ['lat', 'latitude'],
} as const;

type Column = keyof typeof COLUMNS;

/** One CSV line into fields (double quotes quote a field; "" is a quote inside one). */
export function splitCsvLine(line: string, sep: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

/** Column positions from the header; throws NotFound-like message keys when a required column is missing. */
export function readHeader(header: string): { sep: string; at: Partial<Record<Column, number>>; missing: string[] } {
  const sep = [';', '\t', ','].map((s) => ({ s, n: header.split(s).length })).sort((a, b) => b.n - a.n)[0]!.s;
  const names = splitCsvLine(header.replace(/^\uFEFF/, ''), sep).map((n) => n.toLowerCase());
  const at: Partial<Record<Column, number>> = {};
  for (const [col, aliases] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
    const i = names.findIndex((n) => aliases.includes(n));
    if (i >= 0) at[col] = i;
  }
  const missing: string[] = (['street', 'number', 'postcode', 'place'] as const)
    .filter((c) => at[c] === undefined)
    .map((c) => COLUMNS[c][0]);
  const hasRd = at.x !== undefined && at.y !== undefined;
  const hasWgs = at.lon !== undefined && at.lat !== undefined;
  if (!hasRd && !hasWgs) missing.push('x/y (of lon/lat)');
  return { sep, at, missing };
}

/** The Netherlands in WGS84, generously: a lon/lat outside it is a mistake (swapped, or not degrees). */
function inNetherlands(lon: number, lat: number): boolean {
  return lon >= 3 && lon <= 7.5 && lat >= 50.6 && lat <= 53.8;
}

type Inside = ((lon: number, lat: number) => boolean) | null;

async function insideCheck(db: DbOrTrx, tenantId: string): Promise<Inside> {
  const districts = (await areasStore.listAreas(db, tenantId, { level: 'district' })).filter((a) => a.geometry && a.min_lon !== null);
  if (districts.length === 0) return null;
  return (lon, lat) =>
    districts.some(
      (d) => lon >= d.min_lon! && lon <= d.max_lon! && lat >= d.min_lat! && lat <= d.max_lat! && pointInGeometry(lon, lat, d.geometry!),
    );
}

/** Check and write the addresses of one municipality; rows that fail are reported, never written. */
export async function importAddresses(db: DbOrTrx, input: ImportAddressesInput): Promise<AddressImportReport> {
  if (!(await findTenantById(db, input.tenantId))) throw NotFound('areas.tenant.notFound');
  const lines = input.csv.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const { sep, at, missing } = readHeader(lines[0] ?? '');
  if (missing.length > 0) {
    return {
      created: 0,
      updated: 0,
      rejected: [{ row: 1, reason: 'areas.geocode.reject.columns', params: { columns: missing.join(', ') } }],
      checkedInside: false,
    };
  }
  const inside = await insideCheck(db, input.tenantId);
  const rejected: AddressRejection[] = [];
  const good = new Map<string, store.NewAddress>();
  const total = lines.length - 1;
  for (let i = 1; i < lines.length; i++) {
    const row = i + 1;
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const f = splitCsvLine(line, sep);
    const get = (c: Column) => (at[c] === undefined ? '' : (f[at[c]] ?? ''));
    const reject = (reason: MessageKey, params?: Record<string, string | number>) =>
      rejected.push(params ? { row, reason, params } : { row, reason });
    input.onProgress?.('check', i, total);
    const postcode = normalisePostcode(get('postcode'));
    if (!postcode) {
      reject('areas.geocode.reject.postcode', { value: get('postcode').slice(0, 20) });
      continue;
    }
    const number = Number(get('number'));
    if (!/^\d{1,5}$/.test(get('number')) || number < 1) {
      reject('areas.geocode.reject.number', { value: get('number').slice(0, 20) });
      continue;
    }
    const letter = get('letter').toUpperCase();
    const addition = get('addition').toUpperCase();
    if (!/^[A-Z]?$/.test(letter) || !/^[A-Z0-9]{0,4}$/.test(addition)) {
      reject('areas.geocode.reject.suffix', { value: `${letter} ${addition}`.trim().slice(0, 20) });
      continue;
    }
    const street = get('street');
    const place = get('place');
    if (!street || street.length > 200 || !place || place.length > 200) {
      reject('areas.geocode.reject.streetOrPlace');
      continue;
    }
    let lonLat: [number, number] | null = null;
    const x = Number(get('x'));
    const y = Number(get('y'));
    if (get('x') !== '' && get('y') !== '' && isRdPosition([x, y])) lonLat = rdToWgs84(x, y);
    else {
      const lon = Number(get('lon').replace(',', '.'));
      const lat = Number(get('lat').replace(',', '.'));
      if (get('lon') !== '' && get('lat') !== '' && inNetherlands(lon, lat)) lonLat = [lon, lat];
    }
    if (!lonLat) {
      reject('areas.geocode.reject.coordinates');
      continue;
    }
    if (inside && !inside(lonLat[0], lonLat[1])) {
      reject('areas.geocode.reject.outside', { address: `${street} ${number}${letter}${addition ? `-${addition}` : ''}, ${place}` });
      continue;
    }
    const bagId = get('bagId');
    const address: store.NewAddress = {
      tenant_id: input.tenantId,
      postcode,
      house_number: number,
      house_letter: letter,
      house_addition: addition,
      street,
      place,
      lon: lonLat[0],
      lat: lonLat[1],
      bag_id: /^\d{16}$/.test(bagId) ? bagId : null,
      updated_at: input.now,
    };
    const key = store.addressKey(address);
    if (good.has(key)) {
      reject('areas.geocode.reject.duplicate');
      continue;
    }
    good.set(key, address);
  }

  const rows = [...good.values()];
  const BATCH = 1000;
  const written = await inTransaction(db, async (trx) => {
    // What exists before this import decides created or updated (a postcode can span batches).
    const postcodes = [...new Set(rows.map((r) => r.postcode))];
    const existing = new Set<string>();
    for (let i = 0; i < postcodes.length; i += BATCH) {
      for (const k of await store.existingKeys(trx, input.tenantId, postcodes.slice(i, i + BATCH))) existing.add(k);
    }
    const updated = rows.filter((r) => existing.has(store.addressKey(r))).length;
    for (let i = 0; i < rows.length; i += BATCH) {
      await store.upsertAddresses(trx, rows.slice(i, i + BATCH));
      input.onProgress?.('write', Math.min(i + BATCH, rows.length), rows.length);
    }
    return { created: rows.length - updated, updated };
  });
  return { ...written, rejected, checkedInside: inside !== null };
}
