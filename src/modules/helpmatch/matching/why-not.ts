/**
 * Why a volunteer does not fit a request, every reason at once (not only the first, as the hard
 * filters stop at): for the coordinator's suggestions page, with a way to widen each one (issue 12).
 */
import { distanceMeters } from '../../../platform/geo.ts';
import { REACH_M } from './distance.ts';
import { needsVog } from './filters.ts';
import { overlapSuffices, timeOverlap } from './time.ts';
import type { EngineRequest, EngineVolunteer } from './types.ts';

export type Misfit =
  /** Farther than allowed: by the request's radius, the volunteer's reach, or both (the smaller counts). */
  | { reason: 'distance'; distanceM: number; limitM: number; limitBy: 'request' | 'volunteer' }
  | { reason: 'time' }
  | { reason: 'category'; category: string }
  | { reason: 'vog' }
  | { reason: 'cap'; used: number; cap: number }
  | { reason: 'blocked' };

/** Every hard rule the pair fails (empty: the volunteer fits); never the requester themself. */
export function whyNot(request: EngineRequest, v: EngineVolunteer): Misfit[] {
  if (request.requesterIds.includes(v.userId)) return [];
  const out: Misfit[] = [];
  if (v.blocked) out.push({ reason: 'blocked' });
  if (!v.categories.includes(request.category)) out.push({ reason: 'category', category: request.category });
  const distanceM = distanceMeters(request, v);
  const reachM = REACH_M[v.reach];
  const radiusM = request.radiusM ?? Number.POSITIVE_INFINITY;
  const limitM = Math.min(reachM, radiusM);
  if (distanceM > limitM) {
    out.push({ reason: 'distance', distanceM: Math.round(distanceM), limitM, limitBy: radiusM <= reachM ? 'request' : 'volunteer' });
  }
  if (!overlapSuffices(timeOverlap(request.time, v.availability))) out.push({ reason: 'time' });
  if (needsVog(request) && !v.vogSeen) out.push({ reason: 'vog' });
  if (v.matchesThisMonth >= v.monthlyCap) out.push({ reason: 'cap', used: v.matchesThisMonth, cap: v.monthlyCap });
  return out;
}
