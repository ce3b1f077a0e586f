import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { GRONINGEN, KRIMPEN, TEST_NOW, buildArea, buildTenant } from '../../../../test/helpers/factories.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/principal.ts';
import type { Role } from '../../../platform/roles.ts';
import { addCrosswalk, defineIndicator, recordMeasurements } from '../../monitor/monitor.service.ts';
import {
  evaluationWarnings,
  getEvaluation,
  listEvaluations,
  publishEvaluation,
  registerEvaluation,
  setEvaluationStatus,
  suggestComparisonAreas,
  updateEvaluation,
  type EvaluationInput,
} from '../evaluation.service.ts';

const who = (tenantId: string, roles: Role[] = []): Principal => ({
  userId: roles.length ? '00000000-0000-4000-8000-0000000000bb' : null,
  tenantId,
  roles,
  organisationIds: [],
  memberships: roles.map((role) => ({ role, organisationId: null })),
  mfaVerified: true,
  now: TEST_NOW,
});
const coordinator = who(KRIMPEN.id, ['coordinator']);
const professional = who(KRIMPEN.id, ['professional']);
const resident = who(KRIMPEN.id, ['resident']);
const anonymous = who(KRIMPEN.id);
const failure = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { status: e.status, fields: e.fields ?? {} };
    throw e;
  }
  assert.fail('expected a refusal');
};

// Six wijken: activity (survey, before the start) and density (CBS). WK054201 is the intervention wijk.
const ACT: Record<string, number> = { WK054201: 40, WK054202: 50, WK054203: 41, WK054204: 60, WK054205: 45, WK054206: 39 };
const DENS: Record<string, number> = { WK054201: 1000, WK054202: 3000, WK054203: 1100, WK054204: 5000, WK054205: 1500, WK054206: 900 };

const valid = (over: Partial<EvaluationInput> = {}): EvaluationInput => ({
  cardId: null,
  titleNl: 'Buurtkamer Oud-Krimpen',
  questionNl: 'Zijn bewoners in Oud-Krimpen actiever dan in vergelijkbare wijken?',
  interventionCodes: ['WK054201'],
  comparisonCodes: ['WK054203', 'WK054206'],
  indicatorCodes: ['act'],
  startDay: '2023-03-01',
  ...over,
});

describe('evaluation: registering evaluations', () => {
  const ctx = useTestDb();

  before(async () => {
    const db = ctx.database.db;
    await buildTenant(db, KRIMPEN);
    await buildTenant(db, GRONINGEN);
    for (const [i, code] of Object.keys(ACT).entries()) {
      await buildArea(db, {
        tenantId: KRIMPEN.id,
        level: 'district',
        code,
        name: `Wijk ${i + 1}`,
        bbox: [4.5 + i * 0.01, 51.9, 4.51 + i * 0.01, 51.91],
      });
    }
    await buildArea(db, {
      tenantId: KRIMPEN.id,
      level: 'neighbourhood',
      code: 'BU05420101',
      name: 'Buurt 1',
      bbox: [4.5, 51.9, 4.505, 51.905],
    });
    await buildArea(db, { tenantId: GRONINGEN.id, level: 'district', code: 'WK001401', name: 'Centrum', bbox: [6.55, 53.21, 6.58, 53.23] });
    const ind = { unit: 'percent', direction: 'up', theme: 'together', minRespondents: 5 } as const;
    await defineIndicator(db, coordinator, KRIMPEN.id, { code: 'act', nameNl: 'Actief', nameEn: 'Active', source: 'survey', ...ind });
    await defineIndicator(db, coordinator, KRIMPEN.id, { code: 'empty', nameNl: 'Leeg', nameEn: 'Empty', source: 'survey', ...ind });
    await defineIndicator(db, coordinator, KRIMPEN.id, {
      code: 'cbs_dens',
      nameNl: 'Dichtheid',
      nameEn: 'Density',
      source: 'cbs',
      unit: 'count',
      direction: 'neutral',
      theme: 'population',
      minRespondents: 5,
    });
    await recordMeasurements(
      db,
      coordinator,
      KRIMPEN.id,
      [
        ...Object.entries(ACT).map(([areaCode, value]) => ({
          indicatorCode: 'act',
          areaCode,
          period: '2022',
          value,
          respondents: areaCode === 'WK054206' ? 20 : 120,
        })),
        { indicatorCode: 'act', areaCode: 'WK054205', period: '2024', value: null, respondents: 8, status: 'suppressed' as const },
        ...Object.entries(DENS).map(([areaCode, value]) => ({ indicatorCode: 'cbs_dens', areaCode, period: '2022', value })),
      ],
      TEST_NOW,
    );
    await addCrosswalk(db, coordinator, KRIMPEN.id, [
      { fromCode: 'WK054299', fromYear: 2022, toCode: 'WK054205', toYear: 2023, weight: 1, changeKind: 2 },
    ]);
  });

  it('registers an evaluation with reference EVA-<start year>-0001, its areas and outcomes', async () => {
    const db = ctx.database.db;
    const r = await registerEvaluation(db, coordinator, KRIMPEN.id, valid());
    assert.equal(r.reference, 'EVA-2023-0001');
    const got = await getEvaluation(db, coordinator, KRIMPEN.id, r.reference);
    assert.equal(got.evaluation.status, 'draft');
    assert.equal(got.evaluation.published, false);
    assert.deepEqual(
      got.areas.map((a) => [a.areaCode, a.role, a.chosen, a.similarity]),
      [
        ['WK054201', 'intervention', 'coordinator', null],
        ['WK054203', 'comparison', 'coordinator', null],
        ['WK054206', 'comparison', 'coordinator', null],
      ],
    );
    assert.deepEqual(
      got.outcomes.map((o) => o.indicatorCode),
      ['act'],
    );
    // Small numbers (WK054206 has 20 respondents) are warned about, not refused.
    assert.ok(r.warnings.some((w) => w.key === 'evaluation.register.warn.smallNumbers' && String(w.vars?.cells).includes('WK054206 2022')));
  });

  it('numbers concurrent registrations without a clash', async () => {
    const db = ctx.database.db;
    const refs = await Promise.all([1, 2, 3].map(() => registerEvaluation(db, coordinator, KRIMPEN.id, valid({ startDay: '2024-01-01' }))));
    assert.deepEqual(refs.map((r) => r.reference).sort(), ['EVA-2024-0001', 'EVA-2024-0002', 'EVA-2024-0003']);
  });

  it('refuses bad evaluations with a message per field and stores nothing', async () => {
    const db = ctx.database.db;
    const before = (await listEvaluations(db, coordinator, KRIMPEN.id)).length;
    const cases: [Partial<EvaluationInput>, string, string][] = [
      [{ comparisonCodes: [] }, 'comparisonCodes', 'evaluation.register.error.noComparison'],
      [{ comparisonCodes: ['WK054201', 'WK054203'] }, 'comparisonCodes', 'evaluation.register.error.overlap'],
      [{ interventionCodes: [] }, 'interventionCodes', 'evaluation.register.error.noIntervention'],
      [{ indicatorCodes: ['empty'] }, 'indicatorCodes', 'evaluation.register.error.noDataBefore'],
      [{ startDay: '2022-06-01' }, 'indicatorCodes', 'evaluation.register.error.noDataBefore'], // 2022 ends after the start
      [{ comparisonCodes: ['WK001401'] }, 'comparisonCodes', 'evaluation.register.error.areaOutside'],
      [{ interventionCodes: ['WK054299'] }, 'interventionCodes', 'evaluation.register.error.areaOutside'],
      [{ endDay: '2023-01-01' }, 'endDay', 'evaluation.register.error.endBeforeStart'],
      [{ indicatorCodes: ['nope'] }, 'indicatorCodes', 'evaluation.register.error.unknownIndicator'],
      [{ indicatorCodes: [] }, 'indicatorCodes', 'evaluation.register.error.noIndicator'],
      [{ cardId: '00000000-0000-4000-8000-000000000001' }, 'cardId', 'evaluation.register.error.card'],
      [{ startDay: '1 maart' }, 'startDay', 'evaluation.register.error.day'],
      [{ titleNl: ' ' }, 'titleNl', 'form.required'],
    ];
    for (const [over, field, key] of cases) {
      const f = await failure(registerEvaluation(db, coordinator, KRIMPEN.id, valid(over)));
      assert.equal(f.status, 422, JSON.stringify(over));
      assert.equal(f.fields[field], key, JSON.stringify(over));
    }
    assert.equal((await listEvaluations(db, coordinator, KRIMPEN.id)).length, before);
  });

  it('suggests wijken of the same level ranked by likeness, with the figures and a distance in words', async () => {
    const db = ctx.database.db;
    const s = await suggestComparisonAreas(db, coordinator, KRIMPEN.id, {
      interventionCodes: ['WK054201'],
      indicatorCodes: ['act'],
      startDay: '2023-03-01',
      limit: 10,
    });
    assert.equal(s.level, 'district');
    // Wijk 3 (41, 1100) and wijk 6 (39, 900) are nearest to wijk 1 (40, 1000); wijk 4 (60, 5000) is farthest. No buurt.
    assert.deepEqual(
      s.suggestions.map((x) => x.areaCode),
      ['WK054203', 'WK054206', 'WK054205', 'WK054202', 'WK054204'],
    );
    assert.deepEqual(
      s.features.map((f) => f.key),
      ['pre:act', 'cbs:cbs_dens'],
    );
    const first = s.suggestions[0]!;
    assert.equal(first.likeness, 'strong');
    assert.deepEqual(first.values, { 'pre:act': 41, 'cbs:cbs_dens': 1100 });
    assert.equal(s.suggestions.at(-1)!.likeness, 'weak');
    assert.deepEqual(s.intervention[0]!.values, { 'pre:act': 40, 'cbs:cbs_dens': 1000 });
    // Taken from the suggestion: stored as suggested, with the same distance.
    const r = await registerEvaluation(
      db,
      coordinator,
      KRIMPEN.id,
      valid({ comparisonCodes: ['WK054203', 'WK054205'], suggestedCodes: ['WK054203'] }),
    );
    const got = await getEvaluation(db, coordinator, KRIMPEN.id, r.reference);
    const taken = got.areas.find((a) => a.areaCode === 'WK054203')!;
    assert.equal(taken.chosen, 'suggested');
    assert.equal(taken.similarity, first.distance);
    assert.equal(got.areas.find((a) => a.areaCode === 'WK054205')!.chosen, 'coordinator');
    // Only staff with evaluation.manage get suggestions.
    assert.equal(
      (await failure(suggestComparisonAreas(db, resident, KRIMPEN.id, { interventionCodes: ['WK054201'], startDay: '2023-03-01' }))).status,
      403,
    );
  });

  it('warns about border changes, suppressed figures, one comparison area and areas without figures before the start', async () => {
    const db = ctx.database.db;
    const r = await registerEvaluation(db, coordinator, KRIMPEN.id, valid({ comparisonCodes: ['WK054205'] }));
    const keys = r.warnings.map((w) => w.key);
    assert.ok(keys.includes('evaluation.register.warn.fewComparison'));
    assert.ok(keys.includes('evaluation.register.warn.suppressed'));
    const border = r.warnings.find((w) => w.key === 'evaluation.register.warn.borderChanged');
    assert.deepEqual(border?.vars, { area: 'WK054205', other: 'WK054299', year: '2023' });
    assert.deepEqual(await evaluationWarnings(db, coordinator, KRIMPEN.id, r.reference), r.warnings);
    const plain = await registerEvaluation(db, coordinator, KRIMPEN.id, valid({ comparisonCodes: ['WK054202', 'WK054203'] }));
    assert.deepEqual(plain.warnings, []);
  });

  it('publishes: non-staff see only published evaluations; status is set by the coordinator', async () => {
    const db = ctx.database.db;
    const r = await registerEvaluation(db, coordinator, KRIMPEN.id, valid({ titleNl: 'Te publiceren', startDay: '2023-06-01' }));
    assert.equal((await failure(getEvaluation(db, resident, KRIMPEN.id, r.reference))).status, 404);
    assert.equal((await failure(getEvaluation(db, anonymous, KRIMPEN.id, r.reference))).status, 404);
    assert.ok(!(await listEvaluations(db, anonymous, KRIMPEN.id)).some((e) => e.evaluation.reference === r.reference));
    assert.ok((await listEvaluations(db, professional, KRIMPEN.id)).some((e) => e.evaluation.reference === r.reference));
    assert.equal((await failure(publishEvaluation(db, professional, KRIMPEN.id, r.reference, true))).status, 403);
    assert.equal((await failure(setEvaluationStatus(db, professional, KRIMPEN.id, r.reference, 'running'))).status, 403);
    await setEvaluationStatus(db, coordinator, KRIMPEN.id, r.reference, 'running');
    await publishEvaluation(db, coordinator, KRIMPEN.id, r.reference, true);
    const seen = await getEvaluation(db, anonymous, KRIMPEN.id, r.reference);
    assert.equal(seen.evaluation.status, 'running');
    const listed = await listEvaluations(db, anonymous, KRIMPEN.id, { areaCode: 'WK054201' });
    assert.deepEqual(
      listed.map((e) => e.evaluation.reference),
      [r.reference],
    );
    assert.deepEqual(await listEvaluations(db, coordinator, KRIMPEN.id, { publishedOnly: true, status: 'finished' }), []);
    await publishEvaluation(db, coordinator, KRIMPEN.id, r.reference, false);
    assert.equal((await failure(getEvaluation(db, anonymous, KRIMPEN.id, r.reference))).status, 404);
    assert.equal((await failure(setEvaluationStatus(db, coordinator, KRIMPEN.id, 'EVA-2099-0001', 'running'))).status, 404);
  });

  it('changes an evaluation in one go and keeps it whole when refused', async () => {
    const db = ctx.database.db;
    const r = await registerEvaluation(db, coordinator, KRIMPEN.id, valid({ titleNl: 'Te wijzigen' }));
    await updateEvaluation(
      db,
      coordinator,
      KRIMPEN.id,
      r.reference,
      valid({ titleNl: 'Gewijzigd', comparisonCodes: ['WK054202', 'WK054203'] }),
    );
    const after = await getEvaluation(db, coordinator, KRIMPEN.id, r.reference);
    assert.equal(after.evaluation.titleNl, 'Gewijzigd');
    assert.deepEqual(
      after.areas.filter((a) => a.role === 'comparison').map((a) => a.areaCode),
      ['WK054202', 'WK054203'],
    );
    assert.equal((await failure(updateEvaluation(db, coordinator, KRIMPEN.id, r.reference, valid({ comparisonCodes: [] })))).status, 422);
    const still = await getEvaluation(db, coordinator, KRIMPEN.id, r.reference);
    assert.deepEqual(still, after);
  });

  it('keeps municipalities apart: another municipality’s coordinator cannot see or change an evaluation', async () => {
    const db = ctx.database.db;
    const r = await registerEvaluation(db, coordinator, KRIMPEN.id, valid({ titleNl: 'Alleen Krimpen' }));
    const elsewhere = who(GRONINGEN.id, ['coordinator']);
    assert.equal((await failure(getEvaluation(db, elsewhere, KRIMPEN.id, r.reference))).status, 403);
    assert.equal((await failure(listEvaluations(db, elsewhere, KRIMPEN.id))).status, 403);
    assert.equal((await failure(updateEvaluation(db, elsewhere, KRIMPEN.id, r.reference, valid()))).status, 403);
    assert.equal((await failure(publishEvaluation(db, elsewhere, KRIMPEN.id, r.reference, true))).status, 403);
    // Visiting Krimpen's pages, the Groningen coordinator has no role there: a resident's view.
    const visiting = who(KRIMPEN.id);
    assert.equal((await failure(getEvaluation(db, visiting, KRIMPEN.id, r.reference))).status, 404);
    assert.equal((await failure(registerEvaluation(db, visiting, KRIMPEN.id, valid()))).status, 403);
    // And from Groningen the reference does not exist.
    assert.equal((await failure(getEvaluation(db, elsewhere, GRONINGEN.id, r.reference))).status, 404);
  });
});
