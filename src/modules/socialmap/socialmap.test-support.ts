/** Shared setup of the social map tests: demo tenants with their CBS areas and default taxonomies. */
import type { DbOrTrx } from '../../platform/db/database.ts';
import { createTenant, findTenantById, importDemoAreas } from '../areas/areas.service.ts';
import { ensureDefaultTaxonomies } from './taxonomy/taxonomy.service.ts';
import { systemActor } from './actor.ts';

export const KRIMPEN = { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' };
export const GRONINGEN = { id: 'GM0014', slug: 'groningen', name: 'Groningen' };
/** A point in Krimpen aan den IJssel (WK054200) and one in the centre of Groningen. */
export const KRIMPEN_POINT = { latitude: 51.915, longitude: 4.6 };
export const GRONINGEN_POINT = { latitude: 53.2194, longitude: 6.5665 };

/** Create Krimpen and Groningen with their demo areas and default taxonomies (once per database). */
export async function setupSocialmapTenants(db: DbOrTrx): Promise<void> {
  for (const t of [KRIMPEN, GRONINGEN]) if (!(await findTenantById(db, t.id))) await createTenant(db, t);
  await importDemoAreas(db, { now: new Date('2026-11-23T10:00:00Z'), tenants: [KRIMPEN, GRONINGEN], dataDir: 'seed-data/cbs' });
  const seed = systemActor(new Date('2026-11-23T10:00:00Z'));
  await ensureDefaultTaxonomies(db, seed, KRIMPEN.id);
  await ensureDefaultTaxonomies(db, seed, GRONINGEN.id);
}
