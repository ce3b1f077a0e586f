import type { DbOrTrx } from '../../platform/db/database.ts';
import * as store from './areas.store.ts';
import { pointInGeometry } from './geo.ts';

export interface PointLocation {
  district: { code: string; name: string } | null;
  neighbourhood: { code: string; name: string } | null;
}

/** The wijk and buurt of the tenant that contain the point (WGS84); bbox prefilter in SQL, exact test here. */
export async function locatePoint(db: DbOrTrx, tenantId: string, lon: number, lat: number): Promise<PointLocation> {
  const candidates = await store.areasAroundPoint(db, tenantId, lon, lat);
  const hits = candidates.filter((a) => a.geometry && pointInGeometry(lon, lat, a.geometry));
  const district = hits.find((a) => a.level === 'district') ?? null;
  const buurten = hits.filter((a) => a.level === 'neighbourhood');
  const neighbourhood = buurten.find((b) => district && b.parent_code === district.code) ?? buurten[0] ?? null;
  return {
    district: district ? { code: district.code, name: district.name } : null,
    neighbourhood: neighbourhood ? { code: neighbourhood.code, name: neighbourhood.name } : null,
  };
}
