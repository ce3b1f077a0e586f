/** Shared by the monitor import tests: Krimpen with one wijk and two buurten, three indicators and a crosswalk line. */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/principal.ts';
import { buildArea, buildTenant, GRONINGEN, KRIMPEN, TEST_NOW } from '../../../../test/helpers/factories.ts';
import { ensureIndicators } from '../core/core.store.ts';

export { KRIMPEN, GRONINGEN, TEST_NOW };
export const WIJK = 'WK054200';
export const BUURT_1 = 'BU05420001';
export const BUURT_2 = 'BU05420002';
/** A wijk code of the 2014 division that the crosswalk maps onto WK054200 from 2019 on. */
export const OLD_WIJK = 'WK054201';

export const coordinatorOf = (tenantId: string): Principal => ({
  userId: null,
  tenantId,
  roles: ['coordinator'],
  organisationIds: [],
  mfaVerified: true,
  now: TEST_NOW,
});

export async function setupMonitorImport(db: DbOrTrx): Promise<void> {
  await buildTenant(db, KRIMPEN);
  await buildTenant(db, GRONINGEN);
  await buildArea(db, { tenantId: KRIMPEN.id, level: 'district', code: WIJK, name: 'Krimpen', bbox: [4.58, 51.9, 4.64, 51.93] });
  await buildArea(db, { tenantId: KRIMPEN.id, level: 'neighbourhood', code: BUURT_1, name: 'Oud-Krimpen', bbox: [4.58, 51.9, 4.6, 51.91] });
  await buildArea(db, { tenantId: KRIMPEN.id, level: 'neighbourhood', code: BUURT_2, name: 'Langeland', bbox: [4.6, 51.91, 4.62, 51.92] });
  await ensureIndicators(db, KRIMPEN.id, [
    {
      code: 'wm09_active',
      nameNl: 'Actief in de wijk',
      nameEn: 'Active in the neighbourhood',
      unit: 'percent',
      direction: 'up',
      source: 'survey',
      theme: 'together',
    },
    {
      code: 'wm07_cohesion',
      nameNl: 'Sociale samenhang',
      nameEn: 'Social cohesion',
      unit: 'score',
      direction: 'up',
      source: 'survey',
      theme: 'know',
    },
    {
      code: 'buurthuis_bezoeken',
      nameNl: 'Bezoeken buurthuis',
      nameEn: 'Community centre visits',
      unit: 'count',
      direction: 'up',
      source: 'import',
      theme: 'meet',
    },
    {
      code: 'sig_received',
      nameNl: 'Meldingen',
      nameEn: 'Reports',
      unit: 'count',
      direction: 'neutral',
      source: 'platform',
      theme: 'help',
    },
  ]);
  await db
    .insertInto('monitor_crosswalk')
    .values({ tenant_id: KRIMPEN.id, from_code: OLD_WIJK, from_year: 2014, to_code: WIJK, to_year: 2019, weight: 1, change_kind: 2 })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
