import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../test/helpers/app.ts';
import { ensureTenant } from '../../../test/helpers/people.ts';
import { KRIMPEN, TEST_NOW } from '../../../test/helpers/factories.ts';
import { AppError } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import type { Role } from '../../platform/roles.ts';
import { upsertMeasurements } from './core/core.store.ts';
import {
  addCrosswalk,
  areaSeries,
  classifyPeriod,
  createTarget,
  defineIndicator,
  getIndicator,
  listIndicatorOverview,
  removeTarget,
  targetsWithCourse,
} from './monitor.service.ts';

const as = (role: Role | null, tenantId: string = KRIMPEN.id): Principal => ({
  userId: role ? '00000000-0000-4000-8000-00000000000a' : null,
  tenantId,
  roles: role ? [role] : [],
  organisationIds: [],
  mfaVerified: true,
  now: TEST_NOW,
});

const indicator = {
  code: 'wm09_active',
  nameNl: 'Actief in de wijk',
  nameEn: 'Active in the neighbourhood',
  unit: 'percent',
  direction: 'up',
  source: 'survey',
  theme: 'together',
  minRespondents: '30',
} as const;

async function fieldsOf(p: Promise<unknown>): Promise<{ status: number; fields: Record<string, string> }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { status: e.status, fields: { ...(e.fields ?? {}) } };
    throw e;
  }
  assert.fail('expected a refusal');
}

describe('monitor service: indicators and targets', () => {
  const ctx = useTestDb();

  it('defines an indicator; refuses a long code, a taken code and a threshold below 5 with field messages', async () => {
    const { db } = ctx.database;
    await ensureTenant(db, KRIMPEN);
    const coordinator = as('coordinator');
    assert.equal(await defineIndicator(db, coordinator, KRIMPEN.id, indicator), 'wm09_active');
    const stored = await getIndicator(db, as(null), KRIMPEN.id, 'wm09_active');
    assert.equal(stored.minRespondents, 30);
    assert.equal(stored.theme, 'together');

    assert.deepEqual(await fieldsOf(defineIndicator(db, coordinator, KRIMPEN.id, { ...indicator, code: 'x'.repeat(51) })), {
      status: 422,
      fields: { code: 'monitor.ind.error.codeLength' },
    });
    assert.equal(
      await defineIndicator(db, coordinator, KRIMPEN.id, { ...indicator, code: 'x'.repeat(50) }),
      'x'.repeat(50),
      '50 characters are fine',
    );
    assert.deepEqual(await fieldsOf(defineIndicator(db, coordinator, KRIMPEN.id, indicator)), {
      status: 422,
      fields: { code: 'monitor.ind.error.codeTaken' },
    });
    assert.deepEqual(await fieldsOf(defineIndicator(db, coordinator, KRIMPEN.id, { ...indicator, code: 'other', minRespondents: '4' })), {
      status: 422,
      fields: { minRespondents: 'monitor.ind.error.threshold' },
    });
    // Editing keeps the code and may raise the threshold; 5 is the lowest allowed.
    await defineIndicator(db, coordinator, KRIMPEN.id, { ...indicator, nameNl: 'Actief', minRespondents: '5' }, 'wm09_active');
    assert.equal((await getIndicator(db, coordinator, KRIMPEN.id, 'wm09_active')).minRespondents, 5);
    assert.equal((await getIndicator(db, coordinator, KRIMPEN.id, 'wm09_active')).nameNl, 'Actief');
  });

  it('lets only the coordinator define; professionals read the overview, residents do not', async () => {
    const { db } = ctx.database;
    assert.equal((await fieldsOf(defineIndicator(db, as('professional'), KRIMPEN.id, { ...indicator, code: 'p' }))).status, 403);
    assert.equal(
      (await fieldsOf(defineIndicator(db, as('coordinator', 'GM0014'), KRIMPEN.id, { ...indicator, code: 'p' }))).status,
      403,
      'not in another municipality',
    );
    const overview = await listIndicatorOverview(db, as('professional'), KRIMPEN.id);
    assert.ok(overview.some((i) => i.code === 'wm09_active'));
    assert.equal((await fieldsOf(listIndicatorOverview(db, as('resident'), KRIMPEN.id))).status, 403);
  });

  it('refuses a target without a baseline period, or with a target year before the baseline', async () => {
    const { db } = ctx.database;
    const coordinator = as('coordinator');
    const target = { baselinePeriod: '2009', targetValue: '20', targetYear: '2011', comparator: 'at_least' } as const;
    assert.deepEqual(await fieldsOf(createTarget(db, coordinator, KRIMPEN.id, 'wm09_active', { ...target, baselinePeriod: '' })), {
      status: 422,
      fields: { baselinePeriod: 'monitor.target.error.baselineMissing' },
    });
    assert.deepEqual(await fieldsOf(createTarget(db, coordinator, KRIMPEN.id, 'wm09_active', { ...target, targetYear: '2008' })), {
      status: 422,
      fields: { targetYear: 'monitor.target.error.yearBeforeBaseline' },
    });
    assert.equal((await fieldsOf(createTarget(db, as('professional'), KRIMPEN.id, 'wm09_active', target))).status, 403);
    assert.equal((await fieldsOf(createTarget(db, coordinator, KRIMPEN.id, 'no_such', target))).status, 404);
    const id = await createTarget(db, coordinator, KRIMPEN.id, 'wm09_active', { ...target, targetValue: '20,5' });
    const [withCourse] = await targetsWithCourse(db, as(null), KRIMPEN.id, { indicatorCode: 'wm09_active', municipalityCode: KRIMPEN.id });
    assert.equal(withCourse!.targetValue, 20.5, 'a decimal comma is read');
    assert.equal(withCourse!.course.status, 'no_data');

    // Baseline 16 in 2009 (from the measurements), 18.5 in 2010: on the line to 20.5 in 2011.
    await upsertMeasurements(
      db,
      KRIMPEN.id,
      [
        { indicatorCode: 'wm09_active', areaCode: KRIMPEN.id, period: '2009', value: 16 },
        { indicatorCode: 'wm09_active', areaCode: KRIMPEN.id, period: '2010', value: 18.25 },
      ],
      TEST_NOW,
    );
    const [after] = await targetsWithCourse(db, as(null), KRIMPEN.id, { indicatorCode: 'wm09_active', municipalityCode: KRIMPEN.id });
    assert.equal(after!.course.baseline, 16);
    assert.equal(after!.course.status, 'on_course');

    await removeTarget(db, coordinator, KRIMPEN.id, id);
    assert.equal((await fieldsOf(removeTarget(db, coordinator, KRIMPEN.id, id))).status, 404);
  });

  it('gives an area’s trend across a code change, with the method, and classifies areas against the municipality', async () => {
    const { db } = ctx.database;
    const coordinator = as('coordinator');
    await addCrosswalk(db, coordinator, KRIMPEN.id, [
      { fromCode: 'WK054299', fromYear: 2014, toCode: 'WK054200', toYear: 2024, weight: 1, changeKind: 2 },
    ]);
    assert.equal((await fieldsOf(addCrosswalk(db, as('professional'), KRIMPEN.id, []))).status, 403);
    await upsertMeasurements(
      db,
      KRIMPEN.id,
      [
        { indicatorCode: 'wm09_active', areaCode: 'WK054299', period: '2012', value: 21 },
        { indicatorCode: 'wm09_active', areaCode: 'WK054200', period: '2024', value: 26 },
        { indicatorCode: 'wm09_active', areaCode: 'WK054201', period: '2024', value: 14 },
        { indicatorCode: 'wm09_active', areaCode: KRIMPEN.id, period: '2024', value: 20 },
      ],
      TEST_NOW,
    );
    const series = await areaSeries(db, as(null), KRIMPEN.id, {
      indicatorCode: 'wm09_active',
      areaCode: 'WK054200',
      currentYear: 2024,
      method: 'comparable',
    });
    assert.equal(series.method, 'comparable');
    assert.deepEqual(
      series.points.map((p) => [p.period, p.value]),
      [
        ['2012', 21],
        ['2024', 26],
      ],
    );
    const classes = await classifyPeriod(db, as(null), KRIMPEN.id, {
      indicatorCode: 'wm09_active',
      period: '2024',
      areaCodes: ['WK054200', 'WK054201'],
      municipalityCode: KRIMPEN.id,
    });
    assert.equal(classes.method, 'band');
    assert.deepEqual(
      classes.areas.map((a) => [a.code, a.class]),
      [
        ['WK054200', 'above'],
        ['WK054201', 'below'],
      ],
    );
  });
});
