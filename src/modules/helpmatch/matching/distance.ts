import type { Reach } from './types.ts';

/** How far each reach goes, in metres; the whole municipality has no distance limit (the tenant bounds it). */
export const REACH_M: Readonly<Record<Reach, number>> = {
  walk500: 500,
  walk1000: 1000,
  cycle3000: 3000,
  municipality: Number.POSITIVE_INFINITY,
};

/** The distance both sides accept: the smaller of the volunteer's reach and the request's radius. */
export function allowedDistanceM(reach: Reach, radiusM: number | null): number {
  return Math.min(REACH_M[reach], radiusM ?? Number.POSITIVE_INFINITY);
}

/**
 * A distance as others may see it, never precise enough to find an address: under 100 m, up to
 * 1 km rounded up to 100 m, beyond that rounded up to whole kilometres.
 */
export function distanceBand(m: number): { band: 'under100' | 'metres' | 'km'; vars: Record<string, number> } {
  if (m < 100) return { band: 'under100', vars: {} };
  if (m < 1000) return { band: 'metres', vars: { m: Math.min(1000, Math.ceil(m / 100) * 100) } };
  return { band: 'km', vars: { km: Math.ceil(m / 1000) } };
}
