/**
 * Postcode + house number or address text → a point, without a postcode dataset or internet.
 *
 * Limitation (see docs/socialmap-find.md): we only know the addresses of the tenant's own
 * social-map locations. So we look up (1) the exact postcode + house number among those, else
 * (2) the centre of that postcode's known addresses, else (3) the centre of the known addresses in
 * the same 4-digit area (PC4). Anything else gets a clear message, never a guess. The way forward
 * is importing the BAG / PDOK postcode file (a table of postcode + number → point) per tenant.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { addressesByPostcode, addressesByText, type AddressPoint } from './find.store.ts';

export type GeocodePrecision = 'address' | 'postcode' | 'pc4' | 'street';

export type GeocodeResult =
  | { ok: true; lat: number; lon: number; precision: GeocodePrecision; label: string }
  | { ok: false; field: 'postcode' | 'huisnummer' | 'adres'; messageKey: MessageKey };

/** '1234ab', '1234 AB' → '1234AB'; null when it is not a Dutch postcode (no leading 0; SA, SD and SS are not used). */
export function normalisePostcode(input: string): string | null {
  const m = /^\s*([1-9]\d{3})\s*([a-zA-Z]{2})\s*$/.exec(input);
  if (!m) return null;
  const letters = m[2]!.toUpperCase();
  if (letters === 'SA' || letters === 'SD' || letters === 'SS') return null;
  return m[1]! + letters;
}

/** A house number with optional addition ('12', '12a', '12-2') → number and lower-case addition; null when malformed. */
export function parseHouseNumber(input: string): { number: number; addition: string } | null {
  const m = /^\s*(\d{1,5})\s*[-\s]?\s*([a-zA-Z0-9]{0,4})\s*$/.exec(input);
  if (!m || Number(m[1]) === 0) return null;
  return { number: Number(m[1]), addition: (m[2] ?? '').toLowerCase() };
}

/** The house number in a street line ("Middenweg 12 A" → 12, 'a'). */
function numberInStreetLine(line: string): { number: number; addition: string } | null {
  const m = /\s(\d{1,5})\s*[-\s]?\s*([a-zA-Z0-9]{0,4})\s*$/.exec(line);
  return m ? { number: Number(m[1]), addition: (m[2] ?? '').toLowerCase() } : null;
}

function centre(points: readonly AddressPoint[]): { lat: number; lon: number } {
  const lat = points.reduce((s, p) => s + Number(p.latitude), 0) / points.length;
  const lon = points.reduce((s, p) => s + Number(p.longitude), 0) / points.length;
  return { lat, lon };
}

function formatPostcode(pc: string): string {
  return `${pc.slice(0, 4)} ${pc.slice(4)}`;
}

/** Find the point of a postcode (+ optional house number) among the tenant's known addresses. */
export async function geocodePostcode(db: DbOrTrx, tenantId: string, postcodeInput: string, houseNumberInput = ''): Promise<GeocodeResult> {
  const pc = normalisePostcode(postcodeInput);
  if (!pc) return { ok: false, field: 'postcode', messageKey: 'socialmap.find.geo.postcodeMalformed' };
  const house = houseNumberInput.trim() ? parseHouseNumber(houseNumberInput) : null;
  if (houseNumberInput.trim() && !house) return { ok: false, field: 'huisnummer', messageKey: 'socialmap.find.geo.houseNumberMalformed' };
  const inPc4 = await addressesByPostcode(db, tenantId, pc.slice(0, 4));
  const inPc6 = inPc4.filter((a) => a.postal_code.replace(/\s/g, '').toUpperCase() === pc);
  if (house) {
    const same = inPc6.filter((a) => {
      const n = numberInStreetLine(a.address_1);
      return n !== null && n.number === house.number && (house.addition === '' || n.addition === house.addition);
    });
    if (same.length) return { ok: true, ...centre(same), precision: 'address', label: `${same[0]!.address_1}, ${same[0]!.city}` };
  }
  if (inPc6.length) return { ok: true, ...centre(inPc6), precision: 'postcode', label: formatPostcode(pc) };
  if (inPc4.length) return { ok: true, ...centre(inPc4), precision: 'pc4', label: pc.slice(0, 4) };
  return { ok: false, field: 'postcode', messageKey: 'socialmap.find.geo.postcodeUnknown' };
}

/** Find the point of an address or place name ("Middenweg 1, Heerhugowaard", "De Link") among the known addresses. */
export async function geocodeAddress(db: DbOrTrx, tenantId: string, text: string): Promise<GeocodeResult> {
  const cleaned = text.replace(/[^\p{L}\p{N}\s'.,-]/gu, ' ').trim();
  if (cleaned.length < 2 || cleaned.length > 200) return { ok: false, field: 'adres', messageKey: 'socialmap.find.geo.addressMalformed' };
  // A postcode inside the text ("1703 AB 12") goes through the postcode look-up.
  const pcMatch = /\b([1-9]\d{3}\s?[a-zA-Z]{2})\b\s*(\d{1,5}\s?[a-zA-Z]?)?/.exec(cleaned);
  if (pcMatch && normalisePostcode(pcMatch[1]!)) return geocodePostcode(db, tenantId, pcMatch[1]!, pcMatch[2] ?? '');
  const words = cleaned
    .split(/[\s,]+/)
    .map((w) => w.replace(/^[.'-]+|[.'-]+$/g, ''))
    .filter((w) => w.length > 0)
    .slice(0, 8);
  const hits = await addressesByText(db, tenantId, words);
  if (hits.length === 0) return { ok: false, field: 'adres', messageKey: 'socialmap.find.geo.addressUnknown' };
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
