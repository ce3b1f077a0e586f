/**
 * A small Krimpen programme for the overview, action-table and section tests: two wijken with a
 * buurt each, an active programme (a goal with an indicator, an operational goal without) with three cards (one with a € 10.000 gap, one with an unknown
 * cost, one without amounts), three action-table rows, and a draft programme whose card must not
 * show to the public.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/principal.ts';
import { KRIMPEN, TEST_NOW, buildArea, buildTenant } from '../../../../test/helpers/factories.ts';
import { insertAction } from '../actions/actions.store.ts';
import { defineIndicator } from '../../monitor/monitor.service.ts';
import { createCard, createGoal, linkGoalIndicator, saveProgramme } from '../programmes.service.ts';

export const WIJK_1 = 'WK054201';
export const WIJK_2 = 'WK054202';
export const BUURT_1 = 'BU05420101';
export const BUURT_2 = 'BU05420201';

const coordinator: Principal = {
  userId: '00000000-0000-4000-8000-0000000000c1',
  tenantId: KRIMPEN.id,
  roles: ['coordinator'],
  organisationIds: [],
  memberships: [{ role: 'coordinator', organisationId: null }],
  mfaVerified: true,
  now: TEST_NOW,
};

export interface Fixture {
  programmeId: string;
  cards: { gap: string; unknown: string; noMoney: string; draft: string };
  actions: string[];
}

export async function buildProgrammeFixture(db: DbOrTrx): Promise<Fixture> {
  await buildTenant(db, KRIMPEN);
  await buildArea(db, { tenantId: KRIMPEN.id, level: 'district', code: WIJK_1, name: 'Oud-Krimpen', bbox: [4.58, 51.91, 4.6, 51.92] });
  await buildArea(db, { tenantId: KRIMPEN.id, level: 'district', code: WIJK_2, name: 'Lansingh-Zuid', bbox: [4.6, 51.91, 4.62, 51.92] });
  await buildArea(db, {
    tenantId: KRIMPEN.id,
    level: 'neighbourhood',
    code: BUURT_1,
    name: 'Oud-Krimpen Noord',
    bbox: [4.58, 51.91, 4.59, 51.92],
  });
  await buildArea(db, { tenantId: KRIMPEN.id, level: 'neighbourhood', code: BUURT_2, name: 'Lansingh', bbox: [4.6, 51.91, 4.61, 51.92] });
  const programmeId = await saveProgramme(db, coordinator, KRIMPEN.id, {
    slug: 'oog-en-oor',
    titleNl: 'Oog en oor voor elkaar',
    ownerRole: 'beleidsmedewerker Wmo',
    startYear: 2010,
    endYear: 2011,
    status: 'active',
  });
  const goalId = await createGoal(db, coordinator, KRIMPEN.id, programmeId, {
    parentId: null,
    number: '1',
    titleNl: 'Meer bewoners doen mee',
  });
  await createGoal(db, coordinator, KRIMPEN.id, programmeId, { parentId: goalId, number: '1a', titleNl: 'Jongeren doen mee' });
  await defineIndicator(db, coordinator, KRIMPEN.id, {
    code: 'actief_in_wijk',
    nameNl: '% actief in de wijk',
    nameEn: '% active in the neighbourhood',
    unit: 'percent',
    direction: 'up',
    source: 'survey',
    theme: 'meet',
    minRespondents: 5,
  });
  await linkGoalIndicator(db, coordinator, KRIMPEN.id, goalId, 'actief_in_wijk', {
    baselinePeriod: '2009',
    baselineValue: 15,
    targetValue: 20,
    targetYear: 2011,
    comparator: 'at_least',
  });
  const base = { programmeId, goalIds: [goalId], leads: [{ roleLabel: 'opbouwwerker', userId: null, areaCodes: [] }] };
  const gap = await createCard(db, coordinator, KRIMPEN.id, {
    ...base,
    number: '1',
    titleNl: 'Samen koken in Oud-Krimpen',
    plannedStart: '2010-01-01',
    plannedEnd: '2011-12-31',
    actualStart: '2010-03-01',
    periodText: '2010-2011',
    areaCodes: [WIJK_1],
    budgetLines: [
      { kind: 'cost', year: 2010, recurrence: 'per_year', amountCents: 30_000_00, source: null, label: 'Jaarbedrag' },
      { kind: 'coverage', year: 2010, recurrence: 'one_off', amountCents: 20_000_00, source: 'innovation_fund', label: 'Zo kan het ook' },
    ],
  });
  const unknown = await createCard(db, coordinator, KRIMPEN.id, {
    ...base,
    number: '2',
    titleNl: 'Buurtcoach Lansingh',
    plannedStart: '2011-01-01',
    plannedEnd: null,
    periodText: '2011 ev',
    areaCodes: [BUURT_2],
    budgetLines: [
      { kind: 'cost', year: 2011, recurrence: 'per_year', amountCents: null, source: null, label: 'Onbekend' },
      { kind: 'coverage', year: 2011, recurrence: 'one_off', amountCents: 5_000_50, source: 'wmo', label: 'WMO' },
    ],
  });
  const noMoney = await createCard(db, coordinator, KRIMPEN.id, {
    ...base,
    number: '3',
    titleNl: 'Wijkschouw Lansingh-Zuid',
    areaCodes: [WIJK_2],
    budgetLines: [],
  });
  const draftId = await saveProgramme(db, coordinator, KRIMPEN.id, {
    slug: 'concept',
    titleNl: 'Nog geheim concept',
    startYear: 2012,
    endYear: 2013,
    status: 'draft',
  });
  const draftGoal = await createGoal(db, coordinator, KRIMPEN.id, draftId, { parentId: null, number: '1', titleNl: 'Concept' });
  const draft = await createCard(db, coordinator, KRIMPEN.id, {
    programmeId: draftId,
    goalIds: [draftGoal],
    number: '1',
    titleNl: 'Geheim conceptproject',
    areaCodes: [WIJK_1],
    budgetLines: [],
  });
  const row = (number: number, angles: ('broaden' | 'deepen' | 'connect')[], anchoring: string[], action: string, initiator = 'Gemeente') =>
    insertAction(db, KRIMPEN.id, programmeId, { number, targetGroup: 'Jeugd', action, initiator, planning: '2010', angles, anchoring });
  const actions = [
    (await row(1, ['broaden'], ['Beleidsplan Wmo'], 'Speelplekken opnieuw inrichten'))!,
    (await row(2, ['broaden', 'connect'], ['Sportnota'], 'Sportverenigingen en de buurt'))!,
    (await row(
      3,
      ['deepen'],
      ['Beleidsplan Wmo', 'Sportnota'],
      'Opzoemer Mee',
      'Bewoners initiëren en organiseren; gemeente faciliteert.',
    ))!,
  ];
  return { programmeId, cards: { gap, unknown, noMoney, draft }, actions };
}
