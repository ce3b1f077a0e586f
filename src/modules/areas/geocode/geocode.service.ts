import './geocode.messages.ts';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import * as tenants from '../../../platform/tenants/tenants.service.ts';
import { locatePoint } from '../locate.ts';
import * as store from './geocode.store.ts';
import { formatPostcode, normalisePostcode, parseAddressText, parseHouseNumber } from './geocode.parse.ts';
import { pc4Centroid } from './geocode.pc4.ts';
import { parsePoint, pdokEnabled, pdokFree, pdokSuggest, type PdokDoc } from './geocode.pdok.ts';

/**
 * The geocoder: an address → a point, tried in order (docs/geocoding.md):
 *   1. the municipality's own address table (BAG extract, `samenhang import-addresses`);
 *   2. PDOK Locatieserver, when on (GEOCODER_PDOK; default on only in production);
 *   3. the PC4 postcode centroids shipped in seed-data/pc4 (coarse: say so, see `geocodeNote`).
 * Every failure names the field and a message key; nothing here throws on bad input.
 */

export type GeocodeInput = { postcode: string; houseNumber?: string } | { text: string };

export interface GeocodeHit {
  lat: number;
  lon: number;
  precision: 'address' | 'street' | 'postcode' | 'pc4';
  source: 'addresses' | 'pdok' | 'pc4';
  /** The place found, without words around it: "Oosterstraat 10, 9711 NV Groningen", "9711 NV", "9712" (pc4). */
  label: string;
}

export interface GeocodeFailure {
  ok: false;
  field: 'postcode' | 'huisnummer' | 'adres';
  reason: 'malformed' | 'unknown' | 'outside' | 'unreachable';
  messageKey: MessageKey;
  params?: Record<string, string | number>;
}

export type GeocodeOutcome = { ok: true; hit: GeocodeHit } | GeocodeFailure;

export { formatPostcode, normalisePostcode, numberInStreetLine, parseAddressText, parseHouseNumber } from './geocode.parse.ts';

function fail(
  field: GeocodeFailure['field'],
  reason: GeocodeFailure['reason'],
  messageKey: MessageKey,
  params?: GeocodeFailure['params'],
): GeocodeFailure {
  return params ? { ok: false, field, reason, messageKey, params } : { ok: false, field, reason, messageKey };
}

async function municipalityName(db: DbOrTrx, tenantId: string): Promise<string> {
  return (await tenants.findTenantById(db, tenantId))?.name ?? tenantId;
}

function centre(rows: readonly { lat: number; lon: number }[]): { lat: number; lon: number } {
  return { lat: rows.reduce((s, r) => s + r.lat, 0) / rows.length, lon: rows.reduce((s, r) => s + r.lon, 0) / rows.length };
}

function addressLabel(a: store.AddressRow): string {
  const suffix = a.house_letter + (a.house_addition ? `-${a.house_addition}` : '');
  return `${a.street} ${a.house_number}${suffix}, ${formatPostcode(a.postcode)} ${a.place}`;
}

function suffixOf(a: { house_letter: string; house_addition: string }): string {
  return (a.house_letter + a.house_addition).toLowerCase();
}

/** The address with this number (and suffix, when given; else the one without suffix, else the first). */
function pickNumber(rows: readonly store.AddressRow[], number: number, suffix: string): store.AddressRow | null {
  const same = rows.filter((r) => r.house_number === number);
  if (suffix) return same.find((r) => suffixOf(r) === suffix) ?? null;
  return same.find((r) => suffixOf(r) === '') ?? same[0] ?? null;
}

function pdokHit(doc: PdokDoc): GeocodeHit | null {
  const p = parsePoint(doc.centroide_ll);
  if (!p) return null;
  const precision = doc.type === 'adres' ? 'address' : doc.type === 'weg' ? 'street' : doc.type === 'postcode' ? 'postcode' : null;
  if (!precision) return null;
  return { ...p, precision, source: 'pdok', label: doc.weergavenaam ?? '' };
}

/** Prefer a PDOK document in the tenant's own municipality (gemeentecode '0014' for GM0014). */
function preferOwn(docs: readonly PdokDoc[], tenantId: string): PdokDoc[] {
  const own = tenantId.slice(2);
  return [...docs.filter((d) => d.gemeentecode === own), ...docs.filter((d) => d.gemeentecode !== own)];
}

/**
 * Whether a PDOK document lies in another municipality than the tenant's. A document without a
 * gemeentecode is not judged here (placeAddress still checks the point against the areas).
 */
function elsewhere(doc: PdokDoc, tenantId: string): boolean {
  return Boolean(doc.gemeentecode) && doc.gemeentecode !== tenantId.slice(2);
}

async function outsidePostcode(db: DbOrTrx, tenantId: string, shown: string): Promise<GeocodeFailure> {
  return fail('postcode', 'outside', 'areas.geocode.postcodeOutside', {
    postcode: shown,
    municipality: await municipalityName(db, tenantId),
  });
}

async function byPostcode(db: DbOrTrx, tenantId: string, postcodeInput: string, houseNumberInput: string): Promise<GeocodeOutcome> {
  const pc = normalisePostcode(postcodeInput);
  if (!pc) return fail('postcode', 'malformed', 'areas.geocode.postcodeMalformed');
  const typedNumber = houseNumberInput.trim();
  const house = typedNumber ? parseHouseNumber(typedNumber) : null;
  if (typedNumber && !house) return fail('huisnummer', 'malformed', 'areas.geocode.houseNumberMalformed');
  const shown = formatPostcode(pc);

  // 1. The municipality's own addresses: when it knows the postcode, it also knows its numbers.
  const rows = await store.addressesAtPostcode(db, tenantId, pc);
  if (rows.length > 0) {
    if (house) {
      const a = pickNumber(rows, house.number, house.addition);
      if (!a) return fail('huisnummer', 'unknown', 'areas.geocode.houseNumberUnknown', { number: typedNumber, postcode: shown });
      return { ok: true, hit: { lat: a.lat, lon: a.lon, precision: 'address', source: 'addresses', label: addressLabel(a) } };
    }
    return { ok: true, hit: { ...centre(rows), precision: 'postcode', source: 'addresses', label: `${shown} ${rows[0]!.place}` } };
  }

  // 2. PDOK Locatieserver.
  let unreachable = false;
  if (pdokEnabled()) {
    const answer = await pdokFree(house ? `${pc} ${typedNumber}` : pc, house ? ['adres', 'postcode'] : ['postcode'], 10);
    if (!answer.ok) unreachable = true;
    else {
      const samePc = answer.docs.filter((d) => (d.postcode ?? '').replace(/\s/g, '').toUpperCase() === pc);
      if (house) {
        const exact = samePc.filter((d) => d.type === 'adres' && d.huisnummer === house.number);
        const withSuffix = exact.find((d) => ((d.huisletter ?? '') + (d.huisnummertoevoeging ?? '')).toLowerCase() === house.addition);
        const doc = house.addition ? withSuffix : (withSuffix ?? exact[0]);
        const hit = doc ? pdokHit(doc) : null;
        if (doc && hit && elsewhere(doc, tenantId)) return outsidePostcode(db, tenantId, shown);
        if (hit) return { ok: true, hit };
        if (samePc.length > 0) {
          return fail('huisnummer', 'unknown', 'areas.geocode.houseNumberUnknown', { number: typedNumber, postcode: shown });
        }
      } else {
        const doc = preferOwn(samePc, tenantId).find((d) => pdokHit(d) !== null);
        if (doc && elsewhere(doc, tenantId)) return outsidePostcode(db, tenantId, shown);
        const hit = doc ? pdokHit(doc) : null;
        if (hit) return { ok: true, hit };
      }
      return fail('postcode', 'unknown', 'areas.geocode.postcodeUnknown', { postcode: shown });
    }
  }

  // 3. PC4 centroids (coarse).
  const pc4 = pc4Centroid(tenantId, pc.slice(0, 4));
  if (pc4.hit) return { ok: true, hit: { lat: pc4.hit.lat, lon: pc4.hit.lon, precision: 'pc4', source: 'pc4', label: pc.slice(0, 4) } };
  if (pc4.elsewhere.length > 0) {
    return fail('postcode', 'outside', 'areas.geocode.postcodeOutside', {
      postcode: shown,
      municipality: await municipalityName(db, tenantId),
    });
  }
  if (unreachable) return fail('postcode', 'unreachable', 'areas.geocode.unreachable');
  return fail('postcode', 'unknown', 'areas.geocode.postcodeUnknown', { postcode: shown });
}

async function byText(db: DbOrTrx, tenantId: string, text: string): Promise<GeocodeOutcome> {
  const parsed = parseAddressText(text);
  if (parsed.cleaned.length < 2 || text.length > 200) return fail('adres', 'malformed', 'areas.geocode.addressMalformed');
  // A postcode in the text ("9712 AB 12", "Oosterstraat 10, 9711 NV Groningen") goes the postcode way.
  if (parsed.postcode) {
    const r = await byPostcode(db, tenantId, parsed.postcode, parsed.houseNumber ?? '');
    return r.ok ? r : { ...r, field: 'adres' };
  }
  const house = parsed.houseNumber ? parseHouseNumber(parsed.houseNumber) : null;
  if (parsed.houseNumber && !house) return fail('adres', 'malformed', 'areas.geocode.houseNumberMalformed');

  // 1. The municipality's own addresses.
  if (parsed.street) {
    const place = parsed.place ?? undefined;
    const rows = await store.addressesOnStreet(db, tenantId, parsed.street, house ? { houseNumber: house.number, place } : { place });
    const candidates =
      rows.length > 0 || !place
        ? rows
        : await store.addressesOnStreet(db, tenantId, parsed.street, house ? { houseNumber: house.number } : {});
    if (house) {
      const a = pickNumber(candidates, house.number, house.addition);
      if (a) return { ok: true, hit: { lat: a.lat, lon: a.lon, precision: 'address', source: 'addresses', label: addressLabel(a) } };
      if (await store.streetExists(db, tenantId, parsed.street)) {
        return fail('adres', 'unknown', 'areas.geocode.numberNotOnStreet', { number: parsed.houseNumber ?? '', street: parsed.street });
      }
    } else if (candidates.length > 0) {
      const streets = new Set(candidates.map((c) => c.street));
      if (streets.size === 1) {
        const first = candidates[0]!;
        return {
          ok: true,
          hit: { ...centre(candidates), precision: 'street', source: 'addresses', label: `${first.street}, ${first.place}` },
        };
      }
    }
  }

  // 2. PDOK Locatieserver.
  let unreachable = false;
  if (pdokEnabled()) {
    const answer = await pdokFree(parsed.cleaned, ['adres', 'weg', 'postcode'], 10);
    if (!answer.ok) unreachable = true;
    else {
      const docs = preferOwn(answer.docs, tenantId).filter((d) => !house || d.type !== 'adres' || d.huisnummer === house.number);
      const doc = docs.find((d) => {
        const h = pdokHit(d);
        return h !== null && (!house || h.precision === 'address');
      });
      // Only found in another municipality: say so, rather than measure from a neighbour's address.
      if (doc && elsewhere(doc, tenantId)) {
        return fail('adres', 'outside', 'areas.geocode.outside', { municipality: await municipalityName(db, tenantId) });
      }
      const hit = doc ? pdokHit(doc) : null;
      if (hit) return { ok: true, hit };
    }
  }
  if (unreachable) return fail('adres', 'unreachable', 'areas.geocode.unreachable');
  return fail('adres', 'unknown', 'areas.geocode.addressUnknown');
}

/** Geocode a postcode (+ house number) or a typed address line; see the chain above. */
export async function geocode(db: DbOrTrx, tenantId: string, input: GeocodeInput): Promise<GeocodeOutcome> {
  if ('text' in input) return byText(db, tenantId, input.text);
  return byPostcode(db, tenantId, input.postcode, input.houseNumber ?? '');
}

/** The sentence that says a hit is coarse ("we zoeken vanaf het midden van postcodegebied 9712"), or null when it is an address. */
export function geocodeNote(hit: GeocodeHit): { key: MessageKey; params: Record<string, string> } | null {
  if (hit.precision === 'pc4') return { key: 'areas.geocode.note.pc4', params: { pc4: hit.label } };
  if (hit.precision === 'street') return { key: 'areas.geocode.note.street', params: { street: hit.label } };
  if (hit.precision === 'postcode') return { key: 'areas.geocode.note.postcode', params: { postcode: hit.label } };
  return null;
}

/** geocode + locatePoint; 'outside' when the point is not in the municipality. */
export async function placeAddress(
  db: DbOrTrx,
  tenantId: string,
  input: GeocodeInput,
): Promise<{ ok: true; hit: GeocodeHit; buurtCode: string | null; wijkCode: string | null } | GeocodeFailure> {
  const r = await geocode(db, tenantId, input);
  if (!r.ok) return r;
  const at = await locatePoint(db, tenantId, r.hit.lon, r.hit.lat);
  if (!at.district && !at.neighbourhood) {
    return fail('text' in input ? 'adres' : 'postcode', 'outside', 'areas.geocode.outside', {
      municipality: await municipalityName(db, tenantId),
    });
  }
  return { ok: true, hit: r.hit, buurtCode: at.neighbourhood?.code ?? null, wijkCode: at.district?.code ?? null };
}

/** Same check for a map pin: 'outside' (field 'adres') when it is not in the municipality. */
export async function placePoint(
  db: DbOrTrx,
  tenantId: string,
  lat: number,
  lon: number,
): Promise<{ ok: true; buurtCode: string | null; wijkCode: string | null } | GeocodeFailure> {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    return fail('adres', 'malformed', 'areas.geocode.pointMalformed');
  }
  const at = await locatePoint(db, tenantId, lon, lat);
  if (!at.district && !at.neighbourhood) {
    return fail('adres', 'outside', 'areas.geocode.pointOutside', { municipality: await municipalityName(db, tenantId) });
  }
  return { ok: true, buurtCode: at.neighbourhood?.code ?? null, wijkCode: at.district?.code ?? null };
}

export interface AddressSuggestion {
  /** What the list shows and what goes into the field: "Oosterstraat 10, 9711 NV Groningen". */
  label: string;
  source: 'addresses' | 'pdok';
}

/** Autocomplete: addresses of the local table that start with the typed text, then PDOK's (when on). */
export async function suggestAddresses(db: DbOrTrx, tenantId: string, q: string, limit = 8): Promise<AddressSuggestion[]> {
  const parsed = parseAddressText(q);
  if (parsed.cleaned.length < 2) return [];
  const house = parsed.houseNumber ? parseHouseNumber(parsed.houseNumber) : null;
  let rows: store.AddressRow[] = [];
  if (parsed.postcode) {
    rows = (await store.addressesAtPostcode(db, tenantId, parsed.postcode)).filter((r) => !house || r.house_number === house.number);
  } else if (parsed.street) {
    rows = await store.suggestAddresses(db, tenantId, parsed.street, house?.number ?? null, limit);
  }
  const out: AddressSuggestion[] = rows.slice(0, limit).map((r) => ({ label: addressLabel(r), source: 'addresses' }));
  if (out.length < limit && pdokEnabled()) {
    const answer = await pdokSuggest(parsed.cleaned, limit, tenantId.slice(2));
    if (answer.ok) {
      const seen = new Set(out.map((s) => s.label.toLowerCase()));
      for (const d of answer.docs) {
        const label = d.weergavenaam ?? '';
        if (label && !seen.has(label.toLowerCase()) && out.length < limit) {
          seen.add(label.toLowerCase());
          out.push({ label, source: 'pdok' });
        }
      }
    }
  }
  return out;
}
