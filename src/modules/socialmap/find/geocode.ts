/**
 * Postcode + house number or address text → a point, for the social map's "near me" search.
 *
 * The areas module's geocoder does the work (docs/geocoding.md): the municipality's BAG address
 * table, PDOK Locatieserver when on, and the PC4 centroids. On top of it we know the addresses of
 * the tenant's own social-map locations: an exact venue address or a venue's postcode is more
 * precise than a PC4 centre, and a place name ("De Link") is found only here.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import {
  geocode,
  normalisePostcode,
  numberInStreetLine,
  parseHouseNumber,
  type GeocodeHit,
  type GeocodeOutcome,
} from '../../areas/areas.service.ts';
import { addressesByPostcode, addressesByText, type AddressPoint } from './find.store.ts';

export { normalisePostcode, parseHouseNumber } from '../../areas/areas.service.ts';

export type GeocodePrecision = GeocodeHit['precision'];

export type GeocodeResult =
  | { ok: true; lat: number; lon: number; precision: GeocodePrecision; label: string }
  | { ok: false; field: 'postcode' | 'huisnummer' | 'adres'; messageKey: MessageKey; params?: Record<string, string | number> };

function centre(points: readonly AddressPoint[]): { lat: number; lon: number } {
  const lat = points.reduce((s, p) => s + Number(p.latitude), 0) / points.length;
  const lon = points.reduce((s, p) => s + Number(p.longitude), 0) / points.length;
  return { lat, lon };
}

function fromHit(hit: GeocodeHit): GeocodeResult {
  return { ok: true, lat: hit.lat, lon: hit.lon, precision: hit.precision, label: hit.label };
}

function failure(r: Extract<GeocodeOutcome, { ok: false }>): GeocodeResult {
  return r.params
    ? { ok: false, field: r.field, messageKey: r.messageKey, params: r.params }
    : { ok: false, field: r.field, messageKey: r.messageKey };
}

/** A venue at this postcode (+ number): the exact address, else the centre of the postcode's venues. */
async function venueByPostcode(db: DbOrTrx, tenantId: string, pc: string, house: { number: number; addition: string } | null) {
  const inPc4 = await addressesByPostcode(db, tenantId, pc.slice(0, 4));
  const inPc6 = inPc4.filter((a) => a.postal_code.replace(/\s/g, '').toUpperCase() === pc);
  if (house) {
    const same = inPc6.filter((a) => {
      const n = numberInStreetLine(a.address_1);
      return n !== null && n.number === house.number && (house.addition === '' || n.addition === house.addition);
    });
    if (same.length) return { ...centre(same), precision: 'address' as const, label: `${same[0]!.address_1}, ${same[0]!.city}` };
  }
  if (inPc6.length) return { ...centre(inPc6), precision: 'postcode' as const, label: `${pc.slice(0, 4)} ${pc.slice(4)}` };
  if (inPc4.length) return { ...centre(inPc4), precision: 'pc4' as const, label: pc.slice(0, 4) };
  return null;
}

/** Find the point of a postcode (+ optional house number). */
export async function geocodePostcode(db: DbOrTrx, tenantId: string, postcodeInput: string, houseNumberInput = ''): Promise<GeocodeResult> {
  const r = await geocode(db, tenantId, { postcode: postcodeInput, houseNumber: houseNumberInput });
  if (r.ok && r.hit.precision !== 'pc4') return fromHit(r.hit);
  if (!r.ok && r.reason !== 'unknown' && r.reason !== 'unreachable') return failure(r);
  const pc = normalisePostcode(postcodeInput);
  const house = houseNumberInput.trim() ? parseHouseNumber(houseNumberInput) : null;
  const venue = pc ? await venueByPostcode(db, tenantId, pc, house) : null;
  // A venue's own address or postcode beats a PC4 centre; a PC4 centre of the shipped file beats one of venues.
  if (venue && (venue.precision !== 'pc4' || !r.ok)) return { ok: true, ...venue };
  return r.ok ? fromHit(r.hit) : failure(r);
}

/** Find the point of an address or place name ("Oosterstraat 10", "Middenweg 1, Heerhugowaard", "De Link"). */
export async function geocodeAddress(db: DbOrTrx, tenantId: string, text: string): Promise<GeocodeResult> {
  const r = await geocode(db, tenantId, { text });
  if (r.ok) return fromHit(r.hit);
  if (r.reason === 'malformed' || r.reason === 'outside') return failure(r);
  const cleaned = text.replace(/[^\p{L}\p{N}\s'.,-]/gu, ' ').trim();
  const words = cleaned
    .split(/[\s,]+/)
    .map((w) => w.replace(/^[.'-]+|[.'-]+$/g, ''))
    .filter((w) => w.length > 0)
    .slice(0, 8);
  const hits = await addressesByText(db, tenantId, words);
  if (hits.length === 0) return failure(r);
  const exact = hits.filter((h) => /\d/.test(cleaned) && numberInStreetLine(h.address_1) !== null);
  const chosen = exact.length ? exact : hits;
  const precision: GeocodePrecision = exact.length && exact.length === 1 ? 'address' : 'street';
  return {
    ok: true,
    ...centre(chosen),
    precision,
    label: precision === 'address' ? `${chosen[0]!.address_1}, ${chosen[0]!.city}` : cleaned,
  };
}
