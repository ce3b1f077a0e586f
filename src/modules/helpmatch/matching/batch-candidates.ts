import { distanceMeters, EARTH_RADIUS_M, METRES_PER_DEGREE } from '../../../platform/geo.ts';
import { REACH_M } from './distance.ts';
import {
  availabilityTerm,
  distanceTerm,
  fairnessTerm,
  helpedBeforeIn,
  helpedByRequesterOf,
  reciprocityTerm,
  reliabilityTerm,
  skillsTerm,
  weightedPoints,
} from './score.ts';
import { mergeSlots, minutesSuffice, timeOverlap, weeklyOverlapMinutes, weeklyRequestedMinutes } from './time.ts';
import { cachedWordsOf, countSharedWords, wordsOf } from './words.ts';
import type { EngineRequest, EngineVolunteer, Reach, WeeklySlot } from './types.ts';

/** Grid cell size in metres (grown when the volunteers are spread so far that the grid would be huge). */
const CELL_M = 1000;
const MAX_CELLS = 1 << 20;
const REACHES: readonly Reach[] = ['walk500', 'walk1000', 'cycle3000', 'municipality'];

/** Volunteers of one category, one reach and one VOG state, in a grid (cells in compressed rows). */
interface Bucket {
  reachM: number;
  /** Every volunteer of the bucket, for requests that look in the whole municipality. */
  all: Int32Array;
  /** Offsets into `items` per cell (length cells + 1). */
  start: Int32Array;
  items: Int32Array;
}

/**
 * The candidate side of the weekly batch, built once per batch: for one request, the best `k`
 * volunteers that pass the hard filters, ranked exactly as `rankVolunteers` ranks them (points
 * descending, then offer id), but without building a suggestion, an explanation or a candidate
 * list per pair.
 *
 * Everything that does not depend on the request is decided once: blocked volunteers and full caps
 * are left out of the index, and volunteers are grouped by category, reach and whether a VOG was
 * seen, each group in a grid of 1 km cells. A request looks only in the groups it may use (with a
 * VOG when it needs one) and, per reach, only in the cells within the distance both sides accept
 * (a rigorous bound on the haversine distance plus one cell of margin). The remaining checks (not
 * the requester, not excluded, exact distance, time overlap) and the score use the same functions as
 * the hard filters and `scorePair`, so the result equals `rankVolunteers` over every volunteer; the
 * property test in batch-candidates.test.ts checks that.
 */
export class BatchCandidates {
  private readonly buckets = new Map<string, Bucket>();
  /** Position of each volunteer in offer-id order (the tie-break). */
  private readonly rank: Int32Array;
  private readonly merged: (readonly WeeklySlot[])[];
  /** Bit d (1–7) set when the volunteer has time on ISO weekday d. */
  private readonly dayMask: Uint8Array;
  private readonly talentWords: ReadonlySet<string>[];
  /** The score terms that depend on the volunteer alone. */
  private readonly reliability: Float64Array;
  private readonly fairness: Float64Array;
  private readonly minX: number;
  private readonly minY: number;
  private readonly nx: number;
  private readonly ny: number;
  private readonly degLon: number;
  private readonly degLat: number;

  constructor(readonly volunteers: readonly EngineVolunteer[]) {
    const n = volunteers.length;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
      const x = volunteers[a]!.id;
      const y = volunteers[b]!.id;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    this.rank = new Int32Array(n);
    order.forEach((vi, pos) => (this.rank[vi] = pos));
    this.merged = volunteers.map((v) => mergeSlots(v.availability));
    this.dayMask = new Uint8Array(n);
    this.merged.forEach((slots, i) => {
      for (const s of slots) this.dayMask[i]! |= 1 << (s.day & 7);
    });
    this.talentWords = volunteers.map((v) => cachedWordsOf(v, v.talents));
    this.reliability = Float64Array.from(volunteers, (v) => reliabilityTerm(v.history));
    this.fairness = Float64Array.from(volunteers, (v) => fairnessTerm(v.history));

    // Grid geometry over the volunteers' extent.
    let minLon = Infinity;
    let maxLon = -Infinity;
    let minLat = Infinity;
    let maxLat = -Infinity;
    let sumLat = 0;
    for (const v of volunteers) {
      minLon = Math.min(minLon, v.lon);
      maxLon = Math.max(maxLon, v.lon);
      minLat = Math.min(minLat, v.lat);
      maxLat = Math.max(maxLat, v.lat);
      sumLat += v.lat;
    }
    const refLat = n > 0 ? sumLat / n : 52;
    let cell = CELL_M;
    const geometry = () => {
      const degLat = cell / METRES_PER_DEGREE;
      const degLon = cell / (METRES_PER_DEGREE * Math.max(0.01, Math.cos((refLat * Math.PI) / 180)));
      const nx = n > 0 ? Math.floor(maxLon / degLon) - Math.floor(minLon / degLon) + 1 : 1;
      const ny = n > 0 ? Math.floor(maxLat / degLat) - Math.floor(minLat / degLat) + 1 : 1;
      return { degLat, degLon, nx, ny };
    };
    let g = geometry();
    while (g.nx * g.ny > MAX_CELLS) {
      cell *= 2;
      g = geometry();
    }
    this.degLat = g.degLat;
    this.degLon = g.degLon;
    this.nx = g.nx;
    this.ny = g.ny;
    this.minX = n > 0 ? Math.floor(minLon / g.degLon) : 0;
    this.minY = n > 0 ? Math.floor(minLat / g.degLat) : 0;

    // Group the volunteers who can take a match at all (the request-independent hard filters).
    const groups = new Map<string, number[]>();
    volunteers.forEach((v, i) => {
      if (v.blocked || v.matchesThisMonth >= v.monthlyCap) return;
      for (const c of new Set(v.categories)) {
        const key = bucketKey(c, v.reach, v.vogSeen);
        const list = groups.get(key);
        if (list) list.push(i);
        else groups.set(key, [i]);
      }
    });
    const cells = this.nx * this.ny;
    for (const [key, list] of groups) {
      const reach = key.split('|')[1] as Reach;
      const start = new Int32Array(cells + 1);
      const cellOf = list.map((i) => this.cellOf(volunteers[i]!));
      for (const c of cellOf) start[c + 1]! += 1;
      for (let c = 0; c < cells; c++) start[c + 1]! += start[c]!;
      const fill = start.slice(0, cells);
      const items = new Int32Array(list.length);
      list.forEach((vi, j) => (items[fill[cellOf[j]!]!++] = vi));
      this.buckets.set(key, { reachM: REACH_M[reach], all: Int32Array.from(list), start, items });
    }
  }

  private cellOf(p: { lon: number; lat: number }): number {
    const x = Math.floor(p.lon / this.degLon) - this.minX;
    const y = Math.floor(p.lat / this.degLat) - this.minY;
    return x * this.ny + y;
  }

  /**
   * The best `k` volunteers (indices into `volunteers`) for the request, best first: those that pass
   * the hard filters and are not in `excludeUserIds`, by points and then offer id.
   */
  best(request: EngineRequest, k: number, excludeUserIds?: ReadonlySet<string>): number[] {
    const keepIdx = new Int32Array(k);
    const keepPts = new Float64Array(k);
    let kept = 0;
    if (k <= 0) return [];
    const requestWords = wordsOf(request.text);
    const weekly = request.time.kind === 'weekly' ? mergeSlots(request.time.slots) : null;
    let requestMask = 0;
    if (weekly) for (const s of weekly) requestMask |= 1 << (s.day & 7);
    const radius = request.radiusM ?? Infinity;
    const vogStates = request.helpType === 'structural' || request.vulnerable ? [true] : [true, false];
    const volunteers = this.volunteers;

    const requested = weekly ? weeklyRequestedMinutes(weekly) : 0;

    const consider = (i: number, allowedM: number) => {
      if (weekly && (requestMask & this.dayMask[i]!) === 0) return; // no common weekday: no overlap
      const v = volunteers[i]!;
      if (excludeUserIds?.has(v.userId) || request.requesterIds.includes(v.userId)) return;
      const distanceM = distanceMeters(request, v);
      if (distanceM > allowedM) return;
      let overlapMinutes: number;
      let requestedMinutes: number;
      if (weekly) {
        overlapMinutes = weeklyOverlapMinutes(weekly, this.merged[i]!);
        requestedMinutes = requested;
      } else {
        const o = timeOverlap(request.time, v.availability);
        overlapMinutes = o.minutes;
        requestedMinutes = o.requested;
      }
      if (!minutesSuffice(overlapMinutes, requestedMinutes)) return;
      // The same terms and sum as scorePair (score.ts), without building its result.
      const points = weightedPoints(
        distanceTerm(distanceM, allowedM),
        skillsTerm(helpedBeforeIn(request, v), countSharedWords(requestWords, this.talentWords[i]!)),
        availabilityTerm(overlapMinutes, requestedMinutes),
        reciprocityTerm(v.history, helpedByRequesterOf(request, v)),
        this.reliability[i]!,
        this.fairness[i]!,
      );
      const r = this.rank[i]!;
      // Insert into the kept list (points descending, then id order).
      let at = kept;
      while (at > 0) {
        const p = keepPts[at - 1]!;
        if (p > points || (p === points && this.rank[keepIdx[at - 1]!]! < r)) break;
        at--;
      }
      if (at >= k) return;
      for (let j = Math.min(kept, k - 1); j > at; j--) {
        keepIdx[j] = keepIdx[j - 1]!;
        keepPts[j] = keepPts[j - 1]!;
      }
      keepIdx[at] = i;
      keepPts[at] = points;
      if (kept < k) kept++;
    };

    for (const reach of REACHES) {
      for (const vog of vogStates) {
        const b = this.buckets.get(bucketKey(request.category, reach, vog));
        if (!b) continue;
        const allowedM = Math.min(b.reachM, radius);
        if (allowedM === Infinity) {
          for (const i of b.all) consider(i, allowedM);
          continue;
        }
        // Cells that can hold a point within allowedM (haversine): |Δlat| ≤ d/R and
        // |sin(Δlon/2)| · cos(max |lat|) ≤ sin(d / 2R); plus one cell of margin on every side.
        const dLat = (allowedM / METRES_PER_DEGREE) * 1.000001;
        const maxAbsLat = Math.min(90, Math.abs(request.lat) + dLat);
        const c = Math.cos((maxAbsLat * Math.PI) / 180);
        const s = Math.sin(allowedM / (2 * EARTH_RADIUS_M)) / c;
        const dLon = s >= 1 || !(c > 0) ? 360 : ((2 * Math.asin(s) * 180) / Math.PI) * 1.000001;
        const x0 = Math.max(0, Math.floor((request.lon - dLon) / this.degLon) - this.minX - 1);
        const x1 = Math.min(this.nx - 1, Math.floor((request.lon + dLon) / this.degLon) - this.minX + 1);
        const y0 = Math.max(0, Math.floor((request.lat - dLat) / this.degLat) - this.minY - 1);
        const y1 = Math.min(this.ny - 1, Math.floor((request.lat + dLat) / this.degLat) - this.minY + 1);
        for (let x = x0; x <= x1; x++) {
          const row = x * this.ny;
          for (let j = b.start[row + y0]!, end = b.start[row + y1 + 1]!; j < end; j++) consider(b.items[j]!, allowedM);
        }
      }
    }
    return Array.from(keepIdx.subarray(0, kept));
  }
}

function bucketKey(category: string, reach: Reach, vog: boolean): string {
  return `${category}|${reach}|${vog ? 1 : 0}`;
}
