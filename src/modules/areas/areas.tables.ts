import type { ColumnType, JSONColumnType } from 'kysely';
import type { GeocodeTables } from './geocode/geocode.tables.ts';

// `tenants` is the platform's (src/platform/tenants/); its migration stays in this module's list.

export type AreaLevel = 'municipality' | 'district' | 'neighbourhood';

/** Municipality, districts (wijken) and neighbourhoods (buurten) of a tenant, by CBS code. */
export interface AreasTable {
  tenant_id: string;
  code: string;
  level: AreaLevel;
  name: string;
  parent_code: string | null;
  /** Year of the CBS division the code belongs to. */
  year: number;
  /** GeoJSON Polygon or MultiPolygon in WGS84, or null when only a label point is known. */
  geometry: JSONColumnType<GeoJsonGeometry> | null;
  min_lon: number | null;
  min_lat: number | null;
  max_lon: number | null;
  max_lat: number | null;
  label_lon: number | null;
  label_lat: number | null;
  /** True when the boundary is derived (e.g. Voronoi cells from label points), not official. */
  approximate: boolean;
  source: string;
  /** CBS key figures (inhabitants, age groups in %, households…); absent key = unknown. */
  stats: JSONColumnType<Record<string, number>>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type Position = [number, number];
export type GeoJsonGeometry = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

export interface AreasTables extends GeocodeTables {
  areas: AreasTable;
}

// This module's tables join the app's Database type by declaration merging, so the platform
// never imports a module (docs/decisions/0007-module-shape.md).
declare module '../../platform/db/schema.ts' {
  interface Database extends AreasTables {}
}
