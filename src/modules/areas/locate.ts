import type { DbOrTrx } from '../../platform/db/database.ts';
import { pointInGeometry } from './geo.ts';
import { areaIndex, candidatesAt } from './locate.cache.ts';

export interface PointLocation {
  district: { code: string; name: string } | null;
  neighbourhood: { code: string; name: string } | null;
}

/**
 * The wijk and buurt of the tenant that contain the point (WGS84): bounding boxes of the polygons
 * cached in memory per areas version (locate.cache.ts; one primary-key read of the version per
 * look-up), exact point-in-polygon test here.
 */
export async function locatePoint(db: DbOrTrx, tenantId: string, lon: number, lat: number): Promise<PointLocation> {
  const index = await areaIndex(db, tenantId);
  const hits = candidatesAt(index, lon, lat).filter((a) => pointInGeometry(lon, lat, a.geometry));
  const district = hits.find((a) => a.level === 'district') ?? null;
  const buurten = hits.filter((a) => a.level === 'neighbourhood');
  const neighbourhood = buurten.find((b) => district && b.parentCode === district.code) ?? buurten[0] ?? null;
  return {
    district: district ? { code: district.code, name: district.name } : null,
    neighbourhood: neighbourhood ? { code: neighbourhood.code, name: neighbourhood.name } : null,
  };
}
