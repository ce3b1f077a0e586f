import type { EngineRequest, EngineVolunteer, VolunteerHistory } from './types.ts';

/** Krimpen aan den IJssel, centre (test and benchmark data only). */
export const KRIMPEN = { lon: 4.6026, lat: 51.9165 };

export const emptyHistory = (): VolunteerHistory => ({
  done: 0,
  noShow: 0,
  cancelled: 0,
  recentMatches: 0,
  helpedCategories: [],
  hoursReceived: 0,
  helpedBy: [],
});

/** A volunteer with sensible defaults for tests. */
export function volunteer(over: Partial<EngineVolunteer> & { id: string }): EngineVolunteer {
  return {
    userId: `u-${over.id}`,
    categories: ['tuin'],
    talents: '',
    availability: [{ day: 2, from: 13 * 60, to: 17 * 60 }],
    reach: 'cycle3000',
    monthlyCap: 4,
    matchesThisMonth: 0,
    vogSeen: false,
    blocked: false,
    lon: KRIMPEN.lon,
    lat: KRIMPEN.lat,
    history: emptyHistory(),
    ...over,
  };
}

/** A request with sensible defaults for tests (Tuesday afternoon, weekly). */
export function request(over: Partial<EngineRequest> & { id: string }): EngineRequest {
  return {
    requesterIds: ['u-requester'],
    category: 'tuin',
    helpType: 'incidental',
    vulnerable: false,
    lon: KRIMPEN.lon,
    lat: KRIMPEN.lat,
    buurtCode: 'BU05420000',
    radiusM: null,
    time: { kind: 'weekly', slots: [{ day: 2, from: 14 * 60, to: 16 * 60 }] },
    text: '',
    ...over,
  };
}
