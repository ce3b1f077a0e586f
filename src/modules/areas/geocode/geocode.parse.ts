/**
 * Parsing of Dutch postcodes, house numbers and typed address lines: pure functions, no I/O.
 * Used by the geocoder (geocode.service.ts), the BAG address import and the social map's search.
 */

/** '1234ab', '1234 AB' → '1234AB'; null when it is not a Dutch postcode (no leading 0; SA, SD and SS are not used). */
export function normalisePostcode(input: string): string | null {
  const m = /^\s*([1-9]\d{3})\s*([a-zA-Z]{2})\s*$/.exec(input);
  if (!m) return null;
  const letters = m[2]!.toUpperCase();
  if (letters === 'SA' || letters === 'SD' || letters === 'SS') return null;
  return m[1]! + letters;
}

/** '9712AB' → '9712 AB'. */
export function formatPostcode(pc: string): string {
  return `${pc.slice(0, 4)} ${pc.slice(4)}`;
}

/**
 * A house number with optional letter and addition ('12', '12a', '12-2', '12 A 1') → the number
 * and the lower-case suffix (letter + addition, as the BAG's huisletter + huisnummertoevoeging
 * read together); null when malformed.
 */
export function parseHouseNumber(input: string): { number: number; addition: string } | null {
  const m = /^\s*(\d{1,5})\s*[-\s]?\s*([a-zA-Z0-9]{0,4})(?:\s*[-\s]\s*([a-zA-Z0-9]{1,4}))?\s*$/.exec(input);
  if (!m || Number(m[1]) === 0) return null;
  return { number: Number(m[1]), addition: ((m[2] ?? '') + (m[3] ?? '')).toLowerCase() };
}

/** The house number at the end of a street line ("Middenweg 12 A" → 12, 'a'); null without one. */
export function numberInStreetLine(line: string): { number: number; addition: string } | null {
  const m = /\s(\d{1,5})\s*[-\s]?\s*([a-zA-Z0-9]{0,4})\s*$/.exec(line);
  return m ? { number: Number(m[1]), addition: (m[2] ?? '').toLowerCase() } : null;
}

/** What a typed address line holds: "Oosterstraat 10a, Groningen", "9712 AB 12", "Oosterstraat 10, 9711 NV Groningen". */
export interface AddressText {
  /** The text without characters we never search on. */
  cleaned: string;
  postcode: string | null;
  /** The house number as typed ("10a"), to be read with parseHouseNumber. */
  houseNumber: string | null;
  street: string | null;
  place: string | null;
}

const POSTCODE_IN_TEXT = /(?:^|[\s,])([1-9]\d{3}\s?[a-zA-Z]{2})(?=$|[\s,])/;
/** A house number with an optional letter ("10a", "10 A") and addition ("10-2", "10a-bis"). */
const NUMBER_SUFFIX = String.raw`(\d{1,5}(?:\s?[a-zA-Z](?![\p{L}\p{N}]))?(?:\s?-\s?[a-zA-Z0-9]{1,4})?)`;

/** Split a typed address line into postcode, street, house number and place (any of them may be absent). */
export function parseAddressText(text: string): AddressText {
  const cleaned = text
    .replace(/[^\p{L}\p{N}\s'.,/-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let rest = cleaned;
  let postcode: string | null = null;
  let houseNumber: string | null = null;
  const pc = POSTCODE_IN_TEXT.exec(rest);
  if (pc && normalisePostcode(pc[1]!)) {
    postcode = normalisePostcode(pc[1]!);
    const start = pc.index + pc[0].indexOf(pc[1]!);
    const after = rest.slice(start + pc[1]!.length);
    // "9712 AB 12": the number follows the postcode.
    const n = new RegExp(String.raw`^\s*` + NUMBER_SUFFIX + String.raw`(?=$|[\s,])`, 'u').exec(after);
    if (n) {
      houseNumber = n[1]!;
      rest = rest.slice(0, start) + ' ' + after.slice(n[0].length);
    } else rest = rest.slice(0, start) + ' ' + after;
  }
  const parts = rest
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  let street: string | null = null;
  let place: string | null = parts.length > 1 ? parts.slice(1).join(' ') : null;
  const first = parts[0] ?? '';
  // "Oosterstraat 10a" or "Oosterstraat 10a Groningen" (no comma).
  const sn = new RegExp(
    String.raw`^(\p{N}{0,3}\p{L}[\p{L}\p{N}'. /-]*?)\s+` + NUMBER_SUFFIX + String.raw`(?:\s+(\p{L}[\p{L}' .-]*))?$`,
    'u',
  ).exec(first);
  if (sn) {
    street = sn[1]!.trim();
    houseNumber ??= sn[2]!;
    if (sn[3] && !place) place = sn[3].trim();
  } else if (first !== '' && !/^\d/.test(first)) {
    if (postcode && parts.length === 1) place = first;
    else street = first;
  }
  return { cleaned, postcode, houseNumber, street, place };
}
