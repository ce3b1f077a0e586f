/** Shared setup of the signals tests: Krimpen and Groningen with areas, organisations, categories and routing. */
import type { DbOrTrx } from '../../platform/db/database.ts';
import { createTenant, findTenantById, importDemoAreas } from '../areas/areas.service.ts';
import { createOrganisation, findOrganisationByName } from '../people/people.service.ts';
import { addRoutingRule, ensureCategories, setDefaultDesk, setStandardText } from './config/categories.service.ts';
import { DEMO_GROUPS, DEMO_STANDARD_TEXTS } from './demo-categories.ts';
import type { NewSignal } from './signals.service.ts';
import type { SignalState } from './workflow.ts';

export const KRIMPEN = { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' };
export const GRONINGEN = { id: 'GM0014', slug: 'groningen', name: 'Groningen' };
export const KRIMPEN_POINT = { latitude: 51.915, longitude: 4.6 };
export const GRONINGEN_POINT = { latitude: 53.2194, longitude: 6.5665 };
/** Amsterdam: outside both tenants. */
export const OUTSIDE_POINT = { latitude: 52.37, longitude: 4.89 };
export const NOW = new Date('2026-11-23T10:00:00Z');

export interface TenantFixture {
  id: string;
  slug: string;
  municipality: string;
  welfare: string;
  housing: string;
  categories: Map<string, string>;
}

async function org(db: DbOrTrx, tenantId: string, name: string, kind: 'gemeente' | 'welzijn' | 'woningcorporatie'): Promise<string> {
  const found = await findOrganisationByName(db, tenantId, name);
  return found ? found.id : (await createOrganisation(db, { tenantId, name, kind })).id;
}

/** One tenant with the demo categories; care → welfare, burenoverlast → housing, everything else → the municipality (default desk). */
export async function setupTenant(db: DbOrTrx, t: { id: string; slug: string; name: string }): Promise<TenantFixture> {
  if (!(await findTenantById(db, t.id))) {
    await createTenant(db, t);
    await importDemoAreas(db, { now: new Date('2026-11-23T10:00:00Z'), tenants: [t], dataDir: 'seed-data/cbs' });
  }
  const municipality = await org(db, t.id, `Gemeente ${t.name}`, 'gemeente');
  const welfare = await org(db, t.id, `Welzijn ${t.name}`, 'welzijn');
  const housing = await org(db, t.id, `Wonen ${t.name}`, 'woningcorporatie');
  const categories = await ensureCategories(db, t.id, DEMO_GROUPS);
  const existing = await db.selectFrom('signals_routing_rules').select('id').where('tenant_id', '=', t.id).execute();
  if (existing.length === 0) {
    const groups = await db.selectFrom('signals_category_groups').select(['id', 'code']).where('tenant_id', '=', t.id).execute();
    await addRoutingRule(db, t.id, { position: 10, categoryId: categories.get('burenoverlast')!, organisationId: housing });
    await addRoutingRule(db, t.id, {
      position: 20,
      groupId: groups.find((g) => g.code === 'zorg-buurtgenoot')!.id,
      organisationId: welfare,
    });
    await setDefaultDesk(db, t.id, municipality, NOW);
    for (const [state, text] of Object.entries(DEMO_STANDARD_TEXTS)) await setStandardText(db, t.id, null, state as SignalState, text, NOW);
  }
  return { id: t.id, slug: t.slug, municipality, welfare, housing, categories };
}

/** A valid new signal in Krimpen (override what the test is about). */
export function newSignal(over: Partial<NewSignal> = {}): NewSignal {
  return {
    tenantId: KRIMPEN.id,
    category: { serviceCode: 'verlichting' },
    description: 'De lantaarnpaal voor nummer 12 brandt niet.',
    ...KRIMPEN_POINT,
    address: 'Raadhuisplein 1',
    reporter: { email: 'melder@example.nl', name: 'Mevrouw Melder' },
    wantsFeedback: true,
    locale: 'nl',
    links: { baseUrl: 'http://localhost:3000', tenantSlug: KRIMPEN.slug },
    now: NOW,
    ...over,
  };
}
