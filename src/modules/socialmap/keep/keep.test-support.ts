/**
 * Fixtures of the maintenance tests: Krimpen aan den IJssel (with CBS areas) and Heerhugowaard,
 * two provider organisations each linked to a social map organisation, and one weekly activity
 * each, created through the social map service functions (as a provider would).
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { importDemoAreas, listAreas } from '../../areas/areas.service.ts';
import { createOrganisation } from '../../people/people.service.ts';
import { createLocation } from '../records/locations.service.ts';
import { createOrganization } from '../records/organizations.service.ts';
import { createSchedule } from '../records/schedules.service.ts';
import { createService, markChecked } from '../records/services.service.ts';
import { ensureDefaultTaxonomies } from '../taxonomy/taxonomy.service.ts';
import { systemActor } from '../actor.ts';
import { DOELGROEP, FUNCTIE, TOEGANKELIJKHEID } from '../taxonomy/taxonomy.ts';

export const KRIMPEN = { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' };
export const HHW = { id: 'GM1980', slug: 'heerhugowaard', name: 'Heerhugowaard' };

export interface KeepFixture {
  /** People organisations (memberships) and their social map organisations. */
  peopleX: string;
  peopleY: string;
  orgX: string;
  orgY: string;
  /** A weekly Tuesday eettafel of X, a weekly Thursday inloop of Y, a service of Heerhugowaard. */
  serviceX: string;
  serviceY: string;
  scheduleX: string;
  scheduleY: string;
  serviceHhw: string;
  locationX: string;
  buurt: string;
  wijk: string;
  /** A point inside the buurt. */
  point: { lat: number; lon: number };
}

/** Build the fixture at `now` (services checked at `now`). */
export async function keepFixture(db: DbOrTrx, now: Date): Promise<KeepFixture> {
  await importDemoAreas(db, { now: new Date('2026-11-23T10:00:00Z'), tenants: [KRIMPEN, HHW], dataDir: 'seed-data/cbs' });
  const actor = systemActor(now);
  await ensureDefaultTaxonomies(db, actor, KRIMPEN.id);
  await ensureDefaultTaxonomies(db, actor, HHW.id);
  const b = (await listAreas(db, KRIMPEN.id, { level: 'neighbourhood' })).find((a) => a.label !== null)!;
  const point = { lon: b.label![0], lat: b.label![1] };
  const peopleX = (await createOrganisation(db, { tenantId: KRIMPEN.id, name: 'Welzijn Krimpen (test)', kind: 'welzijn' })).id;
  const peopleY = (await createOrganisation(db, { tenantId: KRIMPEN.id, name: 'Kerk De Ark (test)', kind: 'kerk' })).id;
  const orgX = (await createOrganization(db, KRIMPEN.id, { name: 'Welzijn Krimpen', people_organisation_id: peopleX }, actor)).id;
  const orgY = (await createOrganization(db, KRIMPEN.id, { name: 'Kerk De Ark', people_organisation_id: peopleY }, actor)).id;
  const locationX = (
    await createLocation(
      db,
      KRIMPEN.id,
      {
        organization_id: orgX,
        name: 'Buurthuis Het Anker',
        latitude: point.lat,
        longitude: point.lon,
        address: { address_1: 'Ankerweg 1', postal_code: '2922 AB', city: 'Krimpen aan den IJssel' },
        term_codes: [TOEGANKELIJKHEID.rolstoel],
      },
      actor,
    )
  ).id;
  const serviceX = (
    await createService(
      db,
      KRIMPEN.id,
      { organization_id: orgX, name: 'Open eettafel', location_ids: [locationX], term_codes: [FUNCTIE.ontmoeting, DOELGROEP.ouderen] },
      actor,
    )
  ).id;
  const serviceY = (
    await createService(
      db,
      KRIMPEN.id,
      { organization_id: orgY, name: 'Inloop in de kerk', location_ids: [locationX], term_codes: [FUNCTIE.informatieAdvies] },
      actor,
    )
  ).id;
  const scheduleX = (
    await createSchedule(
      db,
      KRIMPEN.id,
      { service_id: serviceX, freq: 'WEEKLY', byday: 'TU', opens_at: '12:00', closes_at: '13:30' },
      actor,
    )
  ).id;
  const scheduleY = (
    await createSchedule(
      db,
      KRIMPEN.id,
      { service_id: serviceY, freq: 'WEEKLY', byday: 'TH', opens_at: '10:00', closes_at: '12:00' },
      actor,
    )
  ).id;
  const orgH = (await createOrganization(db, HHW.id, { name: 'Buurthuis De Link' }, actor)).id;
  const serviceHhw = (await createService(db, HHW.id, { organization_id: orgH, name: 'Koffie-inloop De Link' }, actor)).id;
  for (const [t, s] of [
    [KRIMPEN.id, serviceX],
    [KRIMPEN.id, serviceY],
    [HHW.id, serviceHhw],
  ] as const) {
    await markChecked(db, t, s, actor);
  }
  return {
    peopleX,
    peopleY,
    orgX,
    orgY,
    serviceX,
    serviceY,
    scheduleX,
    scheduleY,
    serviceHhw,
    locationX,
    buurt: b.code,
    wijk: b.parentCode!,
    point,
  };
}
