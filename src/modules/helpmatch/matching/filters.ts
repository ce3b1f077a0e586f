import { distanceMeters } from '../../../platform/geo.ts';
import { allowedDistanceM } from './distance.ts';
import { overlapSuffices, timeOverlap } from './time.ts';
import type { EngineRequest, EngineVolunteer, FilterResult } from './types.ts';

/** Whether a request needs a volunteer whose VOG (certificate of conduct) a coordinator has seen. */
export function needsVog(request: Pick<EngineRequest, 'helpType' | 'vulnerable'>): boolean {
  return request.helpType === 'structural' || request.vulnerable;
}

/**
 * The hard filters, cheapest first: not the requester, not blocked, cap not reached, category,
 * VOG, distance within both sides' reach, enough overlap in time. Returns the first failing rule.
 */
export function passesHardFilters(request: EngineRequest, v: EngineVolunteer): FilterResult {
  if (request.requesterIds.includes(v.userId)) return { ok: false, reason: 'self' };
  if (v.blocked) return { ok: false, reason: 'blocked' };
  if (v.matchesThisMonth >= v.monthlyCap) return { ok: false, reason: 'cap' };
  if (!v.categories.includes(request.category)) return { ok: false, reason: 'category' };
  if (needsVog(request) && !v.vogSeen) return { ok: false, reason: 'vog' };
  const distanceM = distanceMeters(request, v);
  if (distanceM > allowedDistanceM(v.reach, request.radiusM)) return { ok: false, reason: 'distance' };
  const overlap = timeOverlap(request.time, v.availability);
  if (!overlapSuffices(overlap)) return { ok: false, reason: 'time' };
  return { ok: true, distanceM, overlapMinutes: overlap.minutes, requestedMinutes: overlap.requested, firstOverlap: overlap.first };
}
