import type { DbOrTrx } from '../../platform/db/database.ts';
import { Invalid } from '../../platform/errors.ts';
import { getArea, locatePoint } from '../areas/areas.service.ts';

export interface ResolvedLocation {
  lon: number;
  lat: number;
  buurtCode: string | null;
  wijkCode: string | null;
}

/**
 * Where something is: coordinates (from the form) when given, otherwise the label point of the
 * chosen buurt (there is no geocoder; the address text itself is never used for location).
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
