import type { DbOrTrx } from '../../platform/db/database.ts';
import { AppError, Invalid } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { geocodeNote, getArea, locatePoint, placeAddress } from '../areas/areas.service.ts';

export interface ResolvedLocation {
  lon: number;
  lat: number;
  buurtCode: string | null;
  wijkCode: string | null;
}

/**
 * Where something is: coordinates (a pin) when given, otherwise the label point of the chosen buurt
 * (offers; a request is placed by `placeRequest`, which also geocodes its address).
 * A point outside the municipality, or an unknown buurt, is refused with a field error.
 */
export async function resolveLocation(
  db: DbOrTrx,
  tenantId: string,
  input: { lon?: number | null; lat?: number | null; buurtCode?: string | null },
  field = 'buurt',
): Promise<ResolvedLocation> {
  if (input.lon != null && input.lat != null) {
    const loc = await locatePoint(db, tenantId, input.lon, input.lat);
    if (!loc.district && !loc.neighbourhood) throw Invalid({ [field]: 'helpmatch.location.outside' });
    return { lon: input.lon, lat: input.lat, buurtCode: loc.neighbourhood?.code ?? null, wijkCode: loc.district?.code ?? null };
  }
  if (!input.buurtCode) throw Invalid({ [field]: 'helpmatch.location.required' });
  const area = await getArea(db, tenantId, input.buurtCode);
  if (!area || area.level !== 'neighbourhood' || !area.label) throw Invalid({ [field]: 'helpmatch.location.unknownBuurt' });
  return { lon: area.label[0], lat: area.label[1], buurtCode: area.code, wijkCode: area.parentCode };
}

/** A request's place: a pin, a buurt the caller already knows, or the typed address (geocoded). */
export interface PlaceInput {
  lon?: number | null;
  lat?: number | null;
  buurtCode?: string | null;
  /** The address line as typed ("Oosterstraat 10"). */
  address?: string | null;
  /** The postcode as typed ("9712 AB"); with it, the house number is taken from the address line. */
  postcode?: string | null;
}

/** Where the geocoder's field names land on the request form. */
const FIELD: Record<'postcode' | 'huisnummer' | 'adres', string> = { postcode: 'postcode', huisnummer: 'address', adres: 'address' };

/**
 * Place a request (issue 12): a pin from the map (checked to lie in the municipality), else a buurt
 * the caller knows, else the typed address through the geocoder (`placeAddress`: the local address
 * table, PDOK, or the PC4 centre). Never stores a request without a place: a failure is a 422 with
 * the geocoder's message beside the postcode or address field. `note` says when the place is coarse.
 */
export async function placeRequest(
  db: DbOrTrx,
  tenantId: string,
  input: PlaceInput,
): Promise<ResolvedLocation & { note: { key: MessageKey; params: Record<string, string> } | null }> {
  if ((input.lon != null && input.lat != null) || input.buurtCode) {
    return { ...(await resolveLocation(db, tenantId, input, 'address')), note: null };
  }
  const address = input.address?.trim() ?? '';
  const postcode = input.postcode?.trim() ?? '';
  if (!postcode && !address) throw Invalid({ address: 'form.required' });
  // The house number at the end of the address line ("Oosterstraat 10 A" → "10a"), for the postcode look-up.
  const m = /(?:^|\s)(\d{1,5})\s*[-\s]?\s*([a-zA-Z0-9]{0,4})\s*$/.exec(address);
  const house = m ? { number: m[1]!, addition: (m[2] ?? '').toLowerCase() } : null;
  const placed = await placeAddress(
    db,
    tenantId,
    postcode ? { postcode, ...(house ? { houseNumber: `${house.number}${house.addition}` } : {}) } : { text: address },
  );
  if (!placed.ok) throw new AppError(422, 'invalid', 'error.invalid', { [FIELD[placed.field]]: placed.messageKey }, placed.params);
  return {
    lon: placed.hit.lon,
    lat: placed.hit.lat,
    buurtCode: placed.buurtCode,
    wijkCode: placed.wijkCode,
    note: geocodeNote(placed.hit),
  };
}
