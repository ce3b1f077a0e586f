/**
 * Where a resident's report is (issue 12): a map pin (`placePoint`), else the typed address
 * (`placeAddress`); for a worry about a neighbour the buurt (its label point) or the street. Every
 * placed report has a point inside the municipality, so createSignal finds its buurt and wijk; what
 * cannot be placed goes back to the form with the message beside the field, and nothing is stored.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { geocodeNote, getArea, listAreas, placeAddress, placePoint } from '../../areas/areas.service.ts';
import { parseCoordinate } from './form-input.ts';

export type Placed =
  | { ok: true; lat: number; lon: number; address: string; note: { key: MessageKey; params: Record<string, string> } | null }
  | { ok: false; field: 'address' | 'buurt'; key: MessageKey; params?: Record<string, string | number> };

export interface PlaceInput {
  lat: string;
  lon: string;
  address: string;
  buurt: string;
}

/** A report's place: pin first, then the address (a worry: buurt, then street). */
export async function placeReport(db: DbOrTrx, tenantId: string, input: PlaceInput, worry: boolean): Promise<Placed> {
  const address = input.address.trim();
  if (worry) return placeWorry(db, tenantId, input.buurt.trim(), address);
  const lat = parseCoordinate(input.lat);
  const lon = parseCoordinate(input.lon);
  if (typeof lat === 'number' && typeof lon === 'number') {
    const at = await placePoint(db, tenantId, lat, lon);
    if (!at.ok) return { ok: false, field: 'address', key: at.messageKey, ...(at.params ? { params: at.params } : {}) };
    return { ok: true, lat, lon, address, note: null };
  }
  if (!address) return { ok: false, field: 'address', key: 'signals.error.placeRequired' };
  const found = await placeAddress(db, tenantId, { text: address });
  if (!found.ok) return { ok: false, field: 'address', key: found.messageKey, ...(found.params ? { params: found.params } : {}) };
  return { ok: true, lat: found.hit.lat, lon: found.hit.lon, address, note: geocodeNote(found.hit) };
}

/** A worry: the buurt chosen (stored at its label point, never a house), else the street typed. */
async function placeWorry(db: DbOrTrx, tenantId: string, buurt: string, street: string): Promise<Placed> {
  if (buurt) {
    const area = await getArea(db, tenantId, buurt);
    if (!area || area.level !== 'neighbourhood' || !area.label) return { ok: false, field: 'buurt', key: 'signals.error.worryBuurt' };
    const [lon, lat] = area.label;
    return { ok: true, lat, lon, address: [street, area.name].filter(Boolean).join(', '), note: null };
  }
  if (!street) return { ok: false, field: 'buurt', key: 'signals.error.worryPlaceRequired' };
  const found = await placeAddress(db, tenantId, { text: street });
  if (!found.ok) return { ok: false, field: 'address', key: found.messageKey, ...(found.params ? { params: found.params } : {}) };
  return { ok: true, lat: found.hit.lat, lon: found.hit.lon, address: street, note: null };
}

/** The buurten to choose from on the worry form, by name. */
export async function buurtChoices(db: DbOrTrx, tenantId: string): Promise<{ code: string; name: string }[]> {
  return (await listAreas(db, tenantId, { level: 'neighbourhood' }))
    .map((a) => ({ code: a.code, name: a.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** Where the map opens: the municipality's label point (the Netherlands' middle when unknown). */
export async function mapCenter(db: DbOrTrx, tenantId: string): Promise<{ lat: number; lon: number }> {
  const area = await getArea(db, tenantId, tenantId);
  return area?.label ? { lat: area.label[1], lon: area.label[0] } : { lat: 52.1, lon: 5.3 };
}
