import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { buildArea, buildTenant, KRIMPEN, TEST_NOW } from '../../../../test/helpers/factories.ts';
import type { IndicatorMeasurement } from '../../../platform/module.ts';
import { surveysModule } from '../index.ts';
import { insertResponses, insertSurvey, type NewResultResponse } from './results.store.ts';
import { surveyIndicatorDefinitions, thresholdFor } from './results.source.ts';
import { meanEstimate, shareEstimate } from './stats.ts';

const T = KRIMPEN.id;
const [A, B, C, D] = ['BU05420101', 'BU05420102', 'BU05420103', 'BU05420201'];

/** 2021 answers scoring (1 + 3 + 2 + 4 + 1 + 4) / 6 × 2.5 = 6.25, and the best answers (10). */
const P21 = { know_hardly: 2, pleasant: 2, togetherness: 3, at_home: 1, help_together: 4, neighbours_absent: 1 };
const BEST21 = { know_hardly: 5, pleasant: 1, togetherness: 1, at_home: 1, help_together: 1, neighbours_absent: 1 };
/** 2019 answers scoring 5.5, and the best answers (10). */
const P19 = { know_hardly: 2, pleasant: 2, togetherness: 3, at_home: 1, help_together: 4 };
const BEST19 = { know_hardly: 5, pleasant: 1, togetherness: 1, at_home: 1, help_together: 1 };

const prefixed = (set: string, a: Record<string, number>) => Object.fromEntries(Object.entries(a).map(([k, v]) => [`${set}.${k}`, v]));

describe('surveys IndicatorSource on a real database', () => {
  const ctx = useTestDb();
  let out: IndicatorMeasurement[] = [];
  const find = (code: string, area: string, period: string) =>
    out.find((m) => m.indicatorCode === code && m.areaCode === area && m.period === period);

  before(async () => {
    const db = ctx.database.db;
    await buildTenant(db);
    const box = [4.59, 51.91, 4.61, 51.92] as const;
    await buildArea(db, { tenantId: T, level: 'district', code: 'WK054201', name: 'Wijk Een', bbox: box });
    await buildArea(db, { tenantId: T, level: 'district', code: 'WK054202', name: 'Wijk Twee', bbox: box });
    for (const [code, name] of [
      [A, 'Buurt A'],
      [B, 'Buurt B'],
      [C, 'Buurt C'],
      [D, 'Buurt D'],
    ] as const) {
      await buildArea(db, { tenantId: T, level: 'neighbourhood', code, name, bbox: box });
    }
    const rows: NewResultResponse[] = [];
    const add = (
      surveyId: string,
      areaCode: string,
      count: number,
      answers: Record<string, number>,
      itemVersions: Record<string, string>,
    ) => {
      for (let i = 0; i < count; i++) rows.push({ tenantId: T, surveyId, areaCode, answers, itemVersions, submittedOn: '2026-10-01' });
    };
    // 2026, the 2021 cohesion scale and the kinds of help, the whole municipality, threshold 30.
    const s2026 = await insertSurvey(db, {
      tenantId: T,
      titleNl: 'Buurtenquête 2026',
      period: '2026',
      itemSets: [
        { set: 'cohesion-vm', version: '2021' },
        { set: 'help-kinds', version: '1' },
      ],
    });
    const v2026 = { 'cohesion-vm': '2021', 'help-kinds': '1' };
    add(s2026, A, 20, prefixed('cohesion-vm', P21), v2026);
    add(s2026, A, 15, prefixed('cohesion-vm', BEST21), v2026);
    add(s2026, B, 3, prefixed('cohesion-vm', BEST21), v2026);
    add(s2026, C, 40, prefixed('cohesion-vm', P21), v2026);
    add(s2026, D, 20, { ...prefixed('cohesion-vm', P21), 'help-kinds.latent': 1 }, v2026);
    add(s2026, D, 30, { ...prefixed('cohesion-vm', P21), 'help-kinds.latent': 2 }, v2026);
    // The same period in the 2019 version: never mixed in; the newest version of the period counts.
    const old2026 = await insertSurvey(db, {
      tenantId: T,
      titleNl: 'Oude vragenlijst',
      period: '2026',
      itemSets: [{ set: 'cohesion-vm', version: '2019' }],
    });
    add(old2026, C, 40, prefixed('cohesion-vm', BEST19), { 'cohesion-vm': '2019' });
    // 2024 in the 2019 version.
    const s2024 = await insertSurvey(db, {
      tenantId: T,
      titleNl: 'Buurtenquête 2024',
      period: '2024',
      itemSets: [{ set: 'cohesion-vm', version: '2019' }],
    });
    add(s2024, D, 35, prefixed('cohesion-vm', P19), { 'cohesion-vm': '2019' });
    // 2025: one wijk only, threshold 5.
    const s2025 = await insertSurvey(db, {
      tenantId: T,
      titleNl: 'Wijk Een 2025',
      period: '2025',
      areaCode: 'WK054201',
      minRespondents: 5,
      itemSets: [{ set: 'dsp-functions', version: '1' }],
    });
    add(s2025, B, 6, { 'dsp-functions.help_hours': 2 }, { 'dsp-functions': '1' });
    add(s2025, C, 31, { 'dsp-functions.help_hours': 4 }, { 'dsp-functions': '1' });
    // Demo answers make demo figures.
    const demo = await insertSurvey(db, {
      tenantId: T,
      titleNl: 'Demo',
      period: '2022',
      isDemo: true,
      itemSets: [{ set: 'help-kinds', version: '1' }],
    });
    for (let i = 0; i < 30; i++) {
      rows.push({
        tenantId: T,
        surveyId: demo,
        areaCode: D,
        answers: { 'help-kinds.structural': 1 + (i % 2) },
        itemVersions: { 'help-kinds': '1' },
        submittedOn: '2022-05-01',
        isDemo: true,
      });
    }
    // A draft is not counted.
    const draft = await insertSurvey(db, {
      tenantId: T,
      titleNl: 'Concept',
      period: '2023',
      status: 'draft',
      itemSets: [{ set: 'cohesion-vm', version: '2021' }],
    });
    add(draft, D, 40, prefixed('cohesion-vm', P21), { 'cohesion-vm': '2021' });
    await insertResponses(db, rows);

    const source = surveysModule.indicators?.find((s) => s.id === 'surveys');
    assert.ok(source, 'the surveys module lists its IndicatorSource');
    out = await source.compute({ db, tenantId: T, now: TEST_NOW });
  });

  it('gives buurt, wijk and municipality figures with respondents and a t-interval', () => {
    const c = find('cohesion_vm', C, '2026')!;
    assert.deepEqual([c.status, c.value, c.respondents, c.ciLow, c.ciHigh], ['ok', 6.25, 40, 6.25, 6.25]);
    const w1 = find('cohesion_vm', 'WK054201', '2026')!;
    const w1Values = [...Array(20).fill(6.25), ...Array(15).fill(10), ...Array(3).fill(10), ...Array(40).fill(6.25)];
    assert.equal(w1.respondents, 78);
    assert.ok(Math.abs(w1.value! - 555 / 78) < 1e-9, `${w1.value}`);
    const e = meanEstimate(w1Values, { lower: 0, upper: 10 })!;
    assert.ok(Math.abs(w1.ciLow! - e.ciLow) < 1e-9 && Math.abs(w1.ciHigh! - e.ciHigh) < 1e-9);
    assert.ok(w1.ciLow! < w1.value! && w1.value! < w1.ciHigh!);
    const m = find('cohesion_vm', T, '2026')!;
    assert.equal(m.respondents, 128);
    assert.ok(Math.abs(m.value! - 867.5 / 128) < 1e-9);
    assert.deepEqual([find('cohesion_vm', D, '2026')?.respondents, find('cohesion_vm', 'WK054202', '2026')?.respondents], [50, 50]);
  });

  it('suppresses the buurt below the threshold, and the smallest other buurt so that the wijk does not give it away', () => {
    for (const area of [A, B]) {
      const s = find('cohesion_vm', area, '2026')!;
      assert.deepEqual([s.status, s.value, s.respondents, s.ciLow, s.ciHigh], ['suppressed', null, null, null, null], area);
    }
    // What is published: W1 (78) − C (40) = 38 ≥ 30, not B's 3.
    const shown = out.filter((x) => x.status === 'ok');
    assert.ok(shown.every((x) => (x.respondents ?? 0) >= 5));
    assert.ok(out.filter((x) => x.period === '2026').every((x) => x.status === 'suppressed' || (x.respondents ?? 0) >= 30));
  });

  it('keeps item-set versions apart and names the version in the source note', () => {
    assert.equal(find('cohesion_vm', C, '2026')?.respondents, 40, 'the 2019 answers of 2026 are not pooled with 2021');
    assert.ok(
      out.filter((x) => x.period === '2026' && x.indicatorCode === 'cohesion_vm').every((x) => x.sourceNote?.includes('version 2021')),
    );
    const d2024 = find('cohesion_vm', D, '2024')!;
    assert.deepEqual([d2024.value, d2024.respondents, d2024.sourceNote], [5.5, 35, 'item set cohesion-vm version 2019; 1 survey']);
    assert.equal(find('cohesion_vm', T, '2024')?.value, 5.5);
  });

  it('gives shares with a Wilson interval, only where answered', () => {
    const d = find('help_kind_latent', D, '2026')!;
    const w = shareEstimate(20, 50)!;
    assert.deepEqual([d.value, d.respondents, d.ciLow, d.ciHigh], [40, 50, w.ciLow, w.ciHigh]);
    assert.equal(find('help_kind_latent', A, '2026'), undefined);
    assert.equal(
      out.some((x) => x.indicatorCode === 'help_kind_structural' && x.period === '2026'),
      false,
    );
  });

  it('marks figures from demo answers as demo, and only those', () => {
    const d = find('help_kind_structural', D, '2022')!;
    assert.deepEqual([d.value, d.respondents, d.isDemo], [50, 30, true]);
    assert.ok(out.filter((x) => x.period !== '2022').every((x) => x.isDemo === false));
  });

  it("uses the survey's own threshold, and a survey of one wijk gives no municipality figure; drafts do not count", () => {
    assert.deepEqual([find('dsp_help_hours', B, '2025')?.value, find('dsp_help_hours', B, '2025')?.respondents], [2, 6]);
    assert.equal(find('dsp_help_hours', 'WK054201', '2025')?.respondents, 37);
    assert.equal(find('dsp_help_hours', T, '2025'), undefined);
    assert.equal(
      out.some((x) => x.period === '2023'),
      false,
    );
  });

  it("takes the indicator's own threshold when it is higher, never below 5", () => {
    const def = surveyIndicatorDefinitions().find((d) => d.code === 'cohesion_vm')!;
    assert.equal(thresholdFor(30, def), 30);
    assert.equal(thresholdFor(10, { ...def, minRespondents: 50 }), 50);
    assert.equal(thresholdFor(40, { ...def, minRespondents: 20 }), 40);
    assert.equal(thresholdFor(1, undefined), 5);
  });
});
