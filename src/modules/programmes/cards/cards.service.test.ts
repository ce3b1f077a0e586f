import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { GRONINGEN, KRIMPEN, TEST_NOW, buildArea, buildOrganisation, buildTenant } from '../../../../test/helpers/factories.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/principal.ts';
import type { Role } from '../../../platform/roles.ts';
import { defineIndicator } from '../../monitor/monitor.service.ts';
import {
  cardMoney,
  createCard,
  createGoal,
  createLineActivity,
  getCard,
  getProgramme,
  goalIndicators,
  handBackToLine,
  linkGoalIndicator,
  listCards,
  listGoals,
  listLineActivities,
  listProgrammes,
  makeProjectFromLineActivity,
  saveProgramme,
  updateCard,
  type CardInput,
} from '../programmes.service.ts';

const who = (tenantId: string, roles: Role[] = [], orgs: string[] = []): Principal => ({
  userId: roles.length ? '00000000-0000-4000-8000-0000000000aa' : null,
  tenantId,
  roles,
  organisationIds: orgs,
  memberships: roles.map((role) => ({ role, organisationId: orgs[0] ?? null })),
  mfaVerified: true,
  now: TEST_NOW,
});
const fields = (e: unknown) => (e instanceof AppError ? { status: e.status, fields: e.fields ?? {} } : { status: 0, fields: {} });

describe('programmes: programmes, goals and project cards', () => {
  const ctx = useTestDb();
  let orgA = '';
  let orgB = '';
  let programmeId = '';
  let goalId = '';
  const coordinator = () => who(KRIMPEN.id, ['coordinator']);

  before(async () => {
    const db = ctx.database.db;
    await buildTenant(db, KRIMPEN);
    await buildTenant(db, GRONINGEN);
    await buildArea(db, {
      tenantId: KRIMPEN.id,
      level: 'district',
      code: 'WK054201',
      name: 'Oud-Krimpen',
      bbox: [4.58, 51.91, 4.6, 51.92],
    });
    await buildArea(db, {
      tenantId: KRIMPEN.id,
      level: 'district',
      code: 'WK054202',
      name: 'Lansingh-Zuid',
      bbox: [4.6, 51.91, 4.62, 51.92],
    });
    await buildArea(db, { tenantId: GRONINGEN.id, level: 'district', code: 'WK001401', name: 'Centrum', bbox: [6.55, 53.21, 6.58, 53.23] });
    orgA = (await buildOrganisation(db, { tenantId: KRIMPEN.id, name: 'Facet' })).id;
    orgB = (await buildOrganisation(db, { tenantId: KRIMPEN.id, name: 'Seniorenplatform' })).id;
    programmeId = await saveProgramme(db, coordinator(), KRIMPEN.id, {
      slug: 'oog-en-oor',
      titleNl: 'Oog en oor voor elkaar',
      ownerRole: 'beleidsmedewerker Wmo',
      startYear: 2010,
      endYear: 2011,
      status: 'active',
    });
    goalId = await createGoal(db, coordinator(), KRIMPEN.id, programmeId, {
      parentId: null,
      number: '1',
      titleNl: 'Meer bewoners doen mee',
    });
  });

  const card = (over: Partial<CardInput> = {}): CardInput => ({
    programmeId,
    number: String(Math.floor(Math.random() * 1e9)),
    titleNl: 'Samen koken',
    plannedStart: '2010-01-01',
    plannedEnd: '2011-12-31',
    areaCodes: ['WK054201', 'WK054202'],
    leads: [
      { roleLabel: 'opbouwwerker', userId: null, areaCodes: ['WK054201'] },
      { roleLabel: 'buurtcoach', userId: null, areaCodes: ['WK054202'] },
    ],
    goalIds: [goalId],
    budgetLines: [
      { kind: 'cost', year: 2010, recurrence: 'per_year', amountCents: 30_000_00, source: null, label: '' },
      { kind: 'coverage', year: 2010, recurrence: 'one_off', amountCents: 20_000_00, source: 'innovation_fund', label: '' },
    ],
    ...over,
  });
  const cardCount = async () => (await listCards(ctx.database.db, coordinator(), KRIMPEN.id)).length;

  it('stores a card across two wijken with a lead per area, and computes the missing coverage', async () => {
    const db = ctx.database.db;
    const id = await createCard(db, coordinator(), KRIMPEN.id, card({ ownerOrganisationId: orgA }));
    const got = await getCard(db, who(KRIMPEN.id), KRIMPEN.id, id);
    assert.deepEqual(got.areaCodes, ['WK054201', 'WK054202']);
    assert.deepEqual(
      got.leads.map((l) => [l.roleLabel, l.areaCodes]),
      [
        ['buurtcoach', ['WK054202']],
        ['opbouwwerker', ['WK054201']],
      ],
    );
    assert.deepEqual(got.goalIds, [goalId]);
    assert.equal(cardMoney(got).total.gapCents, 10_000_00);
    assert.equal(
      (await listCards(db, who(KRIMPEN.id), KRIMPEN.id, { areaCode: 'WK054202' })).some((c) => c.id === id),
      true,
    );
  });

  it('refuses bad input with a message per field and writes nothing', async () => {
    const db = ctx.database.db;
    const before = await cardCount();
    const refused = async (input: CardInput, field: string, key: string) => {
      const err = await createCard(db, coordinator(), KRIMPEN.id, input).then(
        () => null,
        (e: unknown) => e,
      );
      const f = fields(err);
      assert.equal(f.status, 422, `${field} refused`);
      assert.equal((f.fields as Record<string, string>)[field], key, JSON.stringify(f.fields));
    };
    await refused(card({ goalIds: [] }), 'goalIds', 'programmes.error.noGoal');
    await refused(card({ areaCodes: ['WK054201', 'WK001401'], leads: [] }), 'areaCodes.1', 'programmes.error.areaOutside');
    const lines = card().budgetLines!;
    await refused(
      card({ budgetLines: [lines[0]!, { ...lines[1]!, amountCents: 30_000_01 }] }),
      'budgetLines.1.amountCents',
      'programmes.error.coverageAboveCost',
    );
    await refused(card({ budgetLines: [{ ...lines[0]!, year: 2009 }] }), 'budgetLines.0.year', 'programmes.error.yearOutsidePeriod');
    await refused(card({ budgetLines: [{ ...lines[0]!, amountCents: -1 }] }), 'budgetLines.0.amountCents', 'programmes.error.negative');
    await refused(
      card({ budgetLines: [{ ...lines[0]!, amountCents: 100.5 }] }),
      'budgetLines.0.amountCents',
      'programmes.error.notInteger',
    );
    await refused(
      card({ budgetLines: [lines[0]!, { ...lines[1]!, year: null, amountCents: 30_000_01 }] }),
      'budgetLines',
      'programmes.error.coverageAboveCostTotal',
    );
    await refused(
      card({ leads: [{ roleLabel: 'x', userId: null, areaCodes: ['WK054299'] }] }),
      'leads.0.areaCodes',
      'programmes.error.leadArea',
    );
    assert.equal(await cardCount(), before);
    assert.equal((await db.selectFrom('programme_project_budget_lines').select('id').execute()).length, 2, 'only the first card’s lines');
  });

  it('keeps unknown costs unknown: the gap is unknown, not 0', async () => {
    const db = ctx.database.db;
    const id = await createCard(
      db,
      coordinator(),
      KRIMPEN.id,
      card({
        budgetLines: [
          {
            kind: 'cost',
            year: 2010,
            recurrence: 'one_off',
            amountCents: null,
            source: null,
            label: 'onbekend: hangt af van het aantal trajecten',
          },
          { kind: 'coverage', year: 2010, recurrence: 'one_off', amountCents: null, source: 'participation', label: '' },
        ],
      }),
    );
    const m = cardMoney(await getCard(db, coordinator(), KRIMPEN.id, id));
    assert.equal(m.total.costCents, null);
    assert.equal(m.total.gapCents, null);
  });

  it('lets a professional keep only the cards of their own organisation, and nothing in another municipality', async () => {
    const db = ctx.database.db;
    const proA = who(KRIMPEN.id, ['professional'], [orgA]);
    const ownId = await createCard(db, proA, KRIMPEN.id, card({ ownerOrganisationId: orgA }));
    const otherId = await createCard(db, coordinator(), KRIMPEN.id, card({ ownerOrganisationId: orgB }));
    await assert.rejects(createCard(db, proA, KRIMPEN.id, card({ ownerOrganisationId: orgB })), (e) => fields(e).status === 403);
    await assert.rejects(createCard(db, proA, KRIMPEN.id, card({ ownerOrganisationId: null })), (e) => fields(e).status === 403);
    await updateCard(db, proA, KRIMPEN.id, ownId, card({ ownerOrganisationId: orgA, titleNl: 'Samen eten' }));
    assert.equal((await getCard(db, proA, KRIMPEN.id, ownId)).titleNl, 'Samen eten');
    await assert.rejects(updateCard(db, proA, KRIMPEN.id, otherId, card({ ownerOrganisationId: orgA })), (e) => fields(e).status === 403);
    await assert.rejects(updateCard(db, proA, KRIMPEN.id, ownId, card({ ownerOrganisationId: orgB })), (e) => fields(e).status === 403);
    await assert.rejects(handBackToLine(db, proA, KRIMPEN.id, otherId), (e) => fields(e).status === 403);
    // Groningen's coordinator reaches nothing of Krimpen's, not even by passing Krimpen's id.
    const groningen = who(GRONINGEN.id, ['coordinator']);
    await assert.rejects(getCard(db, groningen, KRIMPEN.id, ownId), (e) => fields(e).status === 403);
    await assert.rejects(getCard(db, groningen, GRONINGEN.id, ownId), (e) => fields(e).status === 404);
    await assert.rejects(updateCard(db, groningen, GRONINGEN.id, ownId, card()), (e) => [403, 404].includes(fields(e).status));
    assert.deepEqual(await listCards(db, groningen, GRONINGEN.id), []);
    assert.deepEqual(await listProgrammes(db, groningen, GRONINGEN.id), []);
  });

  it('shows a draft programme only to staff', async () => {
    const db = ctx.database.db;
    const draftId = await saveProgramme(db, coordinator(), KRIMPEN.id, {
      slug: 'concept',
      titleNl: 'Concept',
      startYear: 2026,
      status: 'draft',
    });
    const g = await createGoal(db, coordinator(), KRIMPEN.id, draftId, { parentId: null, number: '1', titleNl: 'Doel' });
    await createCard(db, coordinator(), KRIMPEN.id, card({ programmeId: draftId, goalIds: [g], budgetLines: [] }));
    assert.equal(
      (await listProgrammes(db, who(KRIMPEN.id), KRIMPEN.id)).some((p) => p.slug === 'concept'),
      false,
    );
    await assert.rejects(getProgramme(db, who(KRIMPEN.id), KRIMPEN.id, 'concept'), (e) => fields(e).status === 404);
    assert.equal(
      (await listCards(db, who(KRIMPEN.id), KRIMPEN.id)).some((c) => c.programmeId === draftId),
      false,
    );
    assert.equal(
      (await listCards(db, who(KRIMPEN.id, ['professional'], [orgA]), KRIMPEN.id)).some((c) => c.programmeId === draftId),
      true,
    );
    await assert.rejects(
      saveProgramme(db, who(KRIMPEN.id, ['professional'], [orgA]), KRIMPEN.id, { slug: 'x', titleNl: 'X', startYear: 2026 }),
      (e) => fields(e).status === 403,
    );
  });

  it('turns a line activity that stopped working into a card, and hands the card back to the line at the end', async () => {
    const db = ctx.database.db;
    const lineId = await createLineActivity(db, coordinator(), KRIMPEN.id, programmeId, { number: 7, titleNl: 'Buurtbemiddeling' });
    const id = await makeProjectFromLineActivity(db, coordinator(), KRIMPEN.id, lineId, card());
    assert.equal((await listLineActivities(db, coordinator(), KRIMPEN.id, programmeId)).find((l) => l.id === lineId)!.projectId, id);
    assert.equal((await getCard(db, coordinator(), KRIMPEN.id, id)).fromLineActivityId, lineId);
    await assert.rejects(makeProjectFromLineActivity(db, coordinator(), KRIMPEN.id, lineId, card()), (e) => fields(e).status === 422);
    await handBackToLine(db, coordinator(), KRIMPEN.id, id);
    assert.equal((await getCard(db, coordinator(), KRIMPEN.id, id)).status, 'handed_back');
  });

  it('ties a goal to a monitor indicator with baseline, target and year; a goal without one has none', async () => {
    const db = ctx.database.db;
    const sub = await createGoal(db, coordinator(), KRIMPEN.id, programmeId, {
      parentId: goalId,
      number: '1a',
      titleNl: 'Vrijwilligers stimuleren',
    });
    await defineIndicator(db, coordinator(), KRIMPEN.id, {
      code: 'actief_in_wijk',
      nameNl: '% actief in de wijk',
      nameEn: '% active in the neighbourhood',
      unit: 'percent',
      direction: 'up',
      source: 'survey',
      theme: 'meet',
      minRespondents: 5,
    });
    await linkGoalIndicator(db, coordinator(), KRIMPEN.id, goalId, 'actief_in_wijk', {
      baselinePeriod: '2009',
      baselineValue: 15,
      targetValue: 20,
      targetYear: 2011,
      comparator: 'at_least',
    });
    const goals = await listGoals(db, who(KRIMPEN.id), KRIMPEN.id, programmeId);
    const map = await goalIndicators(db, who(KRIMPEN.id), KRIMPEN.id, goals);
    const [t] = map.get(goalId)!;
    assert.equal(t!.indicatorCode, 'actief_in_wijk');
    assert.equal(t!.targetValue, 20);
    assert.equal(t!.targetYear, 2011);
    assert.equal(t!.course.status, 'no_data');
    assert.deepEqual(map.get(sub), []);
    await assert.rejects(
      linkGoalIndicator(db, who(KRIMPEN.id, ['professional'], [orgA]), KRIMPEN.id, goalId, 'actief_in_wijk', {
        baselinePeriod: '2009',
        targetValue: 20,
        targetYear: 2011,
        comparator: 'at_least',
      }),
      (e) => fields(e).status === 403,
    );
  });
});
