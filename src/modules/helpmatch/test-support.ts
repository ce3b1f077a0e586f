/** Test fixtures for the helpmatch module: a small tenant with one wijk and two buurten (squares). */
import type { DbOrTrx } from '../../platform/db/database.ts';
import { importAreas } from '../areas/areas.service.ts';
import { ensureTenant } from '../../../test/helpers/people.ts';
import { addMembership, createUser } from '../people/people.service.ts';
import type { Role } from '../../platform/roles.ts';
import { actorIn, type Actor } from './actor.ts';

export const T = { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' };
/** A point in the west buurt, one in the east buurt, one outside the municipality. */
export const WEST: [number, number] = [4.595, 51.92];
export const EAST: [number, number] = [4.625, 51.92];
export const OUTSIDE: [number, number] = [5.2, 52.1];
/** The fixed moment of the helpmatch tests (actors, requests, offers). */
export const NOW = new Date('2026-11-23T09:00:00Z');

function square(minLon: number, minLat: number, maxLon: number, maxLat: number) {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [minLon, minLat],
        [maxLon, minLat],
        [maxLon, maxLat],
        [minLon, maxLat],
        [minLon, minLat],
      ],
    ],
  };
}

/** Create the tenant with wijk WK054200 and buurten BU05420000 (west) and BU05420001 (east). */
export async function seedAreas(db: DbOrTrx): Promise<void> {
  await ensureTenant(db, T);
  await importAreas(db, {
    now: new Date('2026-11-23T10:00:00Z'),
    tenantId: T.id,
    level: 'district',
    year: 2024,
    source: 'test',
    features: [
      { type: 'Feature', properties: { wijkcode: 'WK054200', wijknaam: 'Krimpen Centrum' }, geometry: square(4.58, 51.9, 4.64, 51.94) },
    ],
  });
  await importAreas(db, {
    now: new Date('2026-11-23T10:00:00Z'),
    tenantId: T.id,
    level: 'neighbourhood',
    year: 2024,
    source: 'test',
    features: [
      { type: 'Feature', properties: { buurtcode: 'BU05420000', buurtnaam: 'Westbuurt' }, geometry: square(4.58, 51.9, 4.61, 51.94) },
      { type: 'Feature', properties: { buurtcode: 'BU05420001', buurtnaam: 'Oostbuurt' }, geometry: square(4.61, 51.9, 4.64, 51.94) },
    ],
  });
}

let n = 0;
/** A user with one role in the test tenant, as an Actor acting at `now` (the fixed NOW unless given). */
export async function makeActor(db: DbOrTrx, role: Role, name = `Test ${role}`, now: Date = NOW): Promise<Actor> {
  n += 1;
  const { id } = await createUser(db, { email: `${role}.${n}.${Date.now()}@hm.test`, name });
  await addMembership(db, { tenantId: T.id, userId: id, organisationId: null, role });
  return actorIn(T.id, id, [role], { now });
}
