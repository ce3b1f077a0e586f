import { METRES_PER_DEGREE as M_PER_DEG_LAT } from '../../../platform/geo.ts';
import { REACH_M } from './distance.ts';
import type { EngineRequest, EngineVolunteer } from './types.ts';

/** Cell size of the index, in metres: the largest finite reach (cycling, 3 km). */
const CELL_M = REACH_M.cycle3000;

/**
 * A spatial index of volunteers per category, so a request only looks at volunteers who could pass
 * the category and distance filters: those with a finite reach in the grid cells around the
 * request, plus every volunteer who travels the whole municipality. Pure pruning: the hard filters
 * still decide, so results equal a full scan.
 */
export class VolunteerIndex {
  private readonly cells = new Map<string, EngineVolunteer[]>();
  private readonly anywhere = new Map<string, EngineVolunteer[]>();
  private readonly degLon: number;
  private readonly degLat = CELL_M / M_PER_DEG_LAT;

  constructor(
    readonly volunteers: readonly EngineVolunteer[],
    /** A latitude near the area, for the size of a degree of longitude. */
    refLat = volunteers[0]?.lat ?? 52,
  ) {
    this.degLon = CELL_M / (M_PER_DEG_LAT * Math.cos((refLat * Math.PI) / 180));
    for (const v of volunteers) {
      for (const c of v.categories) {
        if (REACH_M[v.reach] === Number.POSITIVE_INFINITY) push(this.anywhere, c, v);
        else push(this.cells, `${c}|${this.cx(v.lon)}|${this.cy(v.lat)}`, v);
      }
    }
  }

  private cx(lon: number): number {
    return Math.floor(lon / this.degLon);
  }
  private cy(lat: number): number {
    return Math.floor(lat / this.degLat);
  }

  /** Volunteers of the request's category who might be within reach (a superset of those who are). */
  candidates(request: Pick<EngineRequest, 'category' | 'lon' | 'lat'>): EngineVolunteer[] {
    const out: EngineVolunteer[] = [...(this.anywhere.get(request.category) ?? [])];
    // A finite reach is at most one cell: the 3 × 3 cells around the request cover it.
    const x = this.cx(request.lon);
    const y = this.cy(request.lat);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const list = this.cells.get(`${request.category}|${x + dx}|${y + dy}`);
        if (list) for (const v of list) out.push(v);
      }
    }
    return out;
  }
}

function push<T>(m: Map<string, T[]>, key: string, v: T): void {
  const list = m.get(key);
  if (list) list.push(v);
  else m.set(key, [v]);
}
