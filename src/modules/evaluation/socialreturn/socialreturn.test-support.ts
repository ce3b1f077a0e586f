/** Fixtures of the social return tests: Krimpen and Groningen, two organisations, a programme and project cards. */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/principal.ts';
import type { Role } from '../../../platform/roles.ts';
import { GRONINGEN, KRIMPEN, TEST_NOW, buildArea, buildOrganisation, buildTenant } from '../../../../test/helpers/factories.ts';
import { createCard, createGoal, saveProgramme, type CardInput } from '../../programmes/programmes.service.ts';

export const who = (tenantId: string, roles: Role[] = [], orgs: string[] = []): Principal => ({
  userId: roles.length ? '00000000-0000-4000-8000-0000000000aa' : null,
  tenantId,
  roles,
  organisationIds: orgs,
  memberships: roles.map((role) => ({ role, organisationId: orgs[0] ?? null })),
  mfaVerified: true,
  now: TEST_NOW,
});

export interface Fixture {
  orgA: string;
  orgB: string;
  programmeId: string;
  /** Card of organisation A: € 10.000 costs in 2026, Oud-Krimpen, 2026. */
  cardId: string;
  /** Card of organisation A with a cost line without an amount. */
  unknownCostCardId: string;
  /** A card in Groningen. */
  groningenCardId: string;
}

export async function seedSocialReturn(db: DbOrTrx): Promise<Fixture> {
  await buildTenant(db, KRIMPEN);
  await buildTenant(db, GRONINGEN);
  await buildArea(db, { tenantId: KRIMPEN.id, level: 'district', code: 'WK054201', name: 'Oud-Krimpen', bbox: [4.58, 51.91, 4.6, 51.92] });
  await buildArea(db, { tenantId: GRONINGEN.id, level: 'district', code: 'WK001401', name: 'Centrum', bbox: [6.55, 53.21, 6.58, 53.23] });
  const orgA = (await buildOrganisation(db, { tenantId: KRIMPEN.id, name: 'Facet' })).id;
  const orgB = (await buildOrganisation(db, { tenantId: KRIMPEN.id, name: 'Seniorenplatform' })).id;
  const coordinatorOf = (tenantId: string) => who(tenantId, ['coordinator']);
  const programme = async (tenantId: string) => {
    const id = await saveProgramme(db, coordinatorOf(tenantId), tenantId, {
      slug: 'oog-en-oor',
      titleNl: 'Oog en oor voor elkaar',
      ownerRole: 'beleidsmedewerker Wmo',
      startYear: 2026,
      endYear: 2026,
      status: 'active',
    });
    const goal = await createGoal(db, coordinatorOf(tenantId), tenantId, id, {
      parentId: null,
      number: '1',
      titleNl: 'Meer bewoners doen mee',
    });
    return { id, goal };
  };
  const k = await programme(KRIMPEN.id);
  const g = await programme(GRONINGEN.id);
  const card = (over: Partial<CardInput>): CardInput => ({
    programmeId: k.id,
    number: '1',
    titleNl: 'Samen koken',
    plannedStart: '2026-01-01',
    plannedEnd: '2026-12-31',
    ownerOrganisationId: orgA,
    areaCodes: ['WK054201'],
    goalIds: [k.goal],
    budgetLines: [{ kind: 'cost', year: 2026, recurrence: 'one_off', amountCents: 1_000_000, source: null, label: 'Opbouwwerk' }],
    ...over,
  });
  const cardId = await createCard(db, coordinatorOf(KRIMPEN.id), KRIMPEN.id, card({}));
  const unknownCostCardId = await createCard(
    db,
    coordinatorOf(KRIMPEN.id),
    KRIMPEN.id,
    card({
      number: '2',
      budgetLines: [
        { kind: 'cost', year: 2026, recurrence: 'one_off', amountCents: 500_000, source: null, label: 'Huur' },
        { kind: 'cost', year: 2026, recurrence: 'one_off', amountCents: null, source: null, label: 'Trajecten' },
      ],
    }),
  );
  const groningenCardId = await createCard(
    db,
    coordinatorOf(GRONINGEN.id),
    GRONINGEN.id,
    card({ programmeId: g.id, goalIds: [g.goal], ownerOrganisationId: null, areaCodes: ['WK001401'] }),
  );
  return { orgA, orgB, programmeId: k.id, cardId, unknownCostCardId, groningenCardId };
}
