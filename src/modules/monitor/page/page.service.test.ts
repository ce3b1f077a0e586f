/**
 * The monitor's page summaries on the real database: measurements written through the core store
 * for a municipality, three wijken and two buurten give hand-checked summaries — latest with CI,
 * suppressed without a number, the municipality and similar wijken (same urbanity class), the
 * target's course, the classification, the recorded judgement and the figures of the areas below.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { buildTenant, TEST_NOW } from '../../../../test/helpers/factories.ts';
import type { AreaSummaryArgs, IndicatorDefinition, IndicatorMeasurement } from '../../../platform/module.ts';
import { ensureIndicators, upsertMeasurements } from '../core/core.store.ts';
import { summarizeFunction, summarizeOverview } from './page.service.ts';

const T = 'GM0542';
const W1 = 'WK054201';
const W2 = 'WK054202';
const W3 = 'WK054203';
const B1 = 'BU05420101';
const B2 = 'BU05420102';

const def = (code: string, theme: IndicatorDefinition['theme'], unit: IndicatorDefinition['unit']): IndicatorDefinition => ({
  code,
  nameNl: `${code} nl`,
  nameEn: `${code} en`,
  unit,
  direction: 'up',
  source: 'survey',
  theme,
});

describe('monitor page summaries (real database)', () => {
  const ctx = useTestDb();
  const db = () => ctx.database.db;
  const args = (code: string, level: AreaSummaryArgs['area']['level'], areaCodes: string[] = [code]): AreaSummaryArgs => ({
    db: db(),
    tenantId: T,
    area: { code, level, name: code },
    areaCodes,
    now: TEST_NOW,
  });

  before(async () => {
    await buildTenant(db());
    await ensureIndicators(db(), T, [
      def('wm09_active', 'together', 'percent'),
      def('cohesion_vm', 'know', 'score'),
      def('dsp_meet_weekly', 'meet', 'percent'),
      def('cbs_stedelijkheid', 'population', 'count'),
      def('cbs_inwoners', 'population', 'count'),
    ]);
    const m = (
      indicatorCode: string,
      areaCode: string,
      period: string,
      value: number | null,
      more: Partial<IndicatorMeasurement> = {},
    ) => ({
      indicatorCode,
      areaCode,
      period,
      value,
      ...more,
    });
    await upsertMeasurements(
      db(),
      T,
      [
        // wm09_active: W1 16 → 18 → 21 (demo), municipality 20 in 2026; W2 30, W3 25 (W3 in another urbanity class).
        m('wm09_active', W1, '2024', 16, { isDemo: true }),
        m('wm09_active', W1, '2025', 18, { isDemo: true }),
        m('wm09_active', W1, '2026', 21, { isDemo: true, ciLow: 17.5, ciHigh: 24.5, respondents: 120 }),
        m('wm09_active', T, '2026', 20),
        m('wm09_active', W2, '2026', 30),
        m('wm09_active', W3, '2026', 25),
        m('wm09_active', B1, '2026', 12),
        m('wm09_active', B2, '2026', null, { status: 'suppressed', respondents: 7 }),
        // The cohesion scale: suppressed in W1's latest period, known before.
        m('cohesion_vm', W1, '2025', 6.1),
        m('cohesion_vm', W1, '2026', null, { status: 'suppressed', respondents: 12 }),
        // Urbanity: W1 and W2 class 2, W3 class 4.
        m('cbs_stedelijkheid', W1, '2024', 2),
        m('cbs_stedelijkheid', W2, '2024', 2),
        m('cbs_stedelijkheid', W3, '2024', 4),
        m('cbs_inwoners', W1, '2024', 9000),
      ],
      TEST_NOW,
    );
    await db()
      .insertInto('monitor_targets')
      .values({
        tenant_id: T,
        indicator_code: 'wm09_active',
        area_code: null,
        baseline_period: '2024',
        baseline_value: 16,
        target_value: 24,
        target_year: 2028,
        comparator: 'at_least',
      })
      .execute();
    await db()
      .insertInto('monitor_recorded_classifications')
      .values({
        tenant_id: T,
        area_code: W1,
        year: 2009,
        class: 'below',
        label: 'Minder dan gemiddeld',
        knelpunten: JSON.stringify(['weinig ontmoetingsplekken']),
        method: 'Wijkmonitor, wijkscan en SWOT',
        source_note: 'seed 001 §4.1',
      })
      .execute();
  });

  it('a function: latest with period and CI, its trend, the municipality, similar wijken of the same urbanity class, the target on course', async () => {
    const s = await summarizeFunction(args(W1, 'district', [W1, B1, B2]), 'together');
    assert.deepEqual(s.similar, { basis: 'urbanity', group: '2' });
    assert.equal(s.indicators.length, 1);
    const a = s.indicators[0]!;
    assert.deepEqual(a.latest, { period: '2026', value: 21, status: 'ok', ciLow: 17.5, ciHigh: 24.5, isDemo: true });
    assert.deepEqual(
      a.series.map((p) => [p.period, p.value]),
      [
        ['2024', 16],
        ['2025', 18],
        ['2026', 21],
      ],
    );
    assert.equal(a.municipality?.value, 20);
    assert.deepEqual(a.similar, { value: 30, areas: 1 }, 'only W2 shares class 2 (W3 is class 4; W1 itself is left out)');
    assert.equal(a.class, 'around', '21 against 20: within 5 percentage points');
    assert.equal(a.method, 'pp5');
    // Straight line 16 (2024) → 24 (2028): 20 expected by 2026; 21 is ahead.
    assert.equal(a.target?.course, 'on_course');
    assert.equal(a.target?.municipalityWide, true);
  });

  it('a suppressed latest figure carries no number (value, CI and respondents all absent)', async () => {
    const s = await summarizeFunction(args(W1, 'district'), 'know');
    const c = s.indicators[0]!;
    assert.deepEqual(c.latest, { period: '2026', value: null, status: 'suppressed', ciLow: null, ciHigh: null, isDemo: false });
    assert.doesNotMatch(JSON.stringify(s), /"respondents"|:12\b/, 'the number of respondents of a suppressed cell is not in the summary');
    assert.deepEqual(
      c.series.map((p) => [p.period, p.value, p.status]),
      [
        ['2025', 6.1, 'ok'],
        ['2026', null, 'suppressed'],
      ],
    );
  });

  it('an indicator without figures here has no latest (the page then says there is no data)', async () => {
    const s = await summarizeFunction(args(W1, 'district'), 'meet');
    assert.equal(s.indicators[0]?.latest, null);
  });

  it('the overview: the computed class beside the recorded judgement, other themes under "Meer cijfers", figures of the buurten', async () => {
    const o = await summarizeOverview(args(W1, 'district', [W1, B1, B2]));
    assert.equal(o.classification?.class, 'around');
    assert.deepEqual(o.classification?.methods, ['pp5']);
    assert.equal(o.recorded.length, 1);
    assert.deepEqual(o.recorded[0]?.knelpunten, ['weinig ontmoetingsplekken']);
    assert.equal(o.recorded[0]?.class, 'below');
    assert.deepEqual(
      o.more.map((x) => x.code),
      ['cbs_inwoners', 'cbs_stedelijkheid'],
    );
    assert.deepEqual(o.figures.values['wm09_active'], {
      [B1]: { period: '2026', value: 12, status: 'ok', isDemo: false },
      [B2]: { period: '2026', value: null, status: 'suppressed', isDemo: false },
    });
    assert.equal(o.figures.indicators.find((i) => i.code === 'wm09_active')?.headlineOf, 'together');
  });

  it('the municipality: figures and a class per wijk against the municipality', async () => {
    const o = await summarizeOverview(args(T, 'municipality', [T, W1, W2, W3, B1, B2]));
    assert.equal(o.classification, null, 'the municipality is not compared with itself');
    assert.deepEqual(Object.keys(o.figures.values['wm09_active'] ?? {}).sort(), [W1, W2, W3]);
    assert.deepEqual(o.figures.classes, { [W1]: 'around', [W2]: 'above', [W3]: 'around' });
  });
});
