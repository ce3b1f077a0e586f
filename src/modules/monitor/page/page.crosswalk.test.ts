/**
 * The trend on the neighbourhood page follows the crosswalk (issue 13): figures stored under an
 * older CBS code join the area's series when the code changed with the same borders (IND_WBI 2),
 * and not across a border change (3), where the trend starts again at the new division.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { buildTenant, TEST_NOW } from '../../../../test/helpers/factories.ts';
import type { AreaSummaryArgs } from '../../../platform/module.ts';
import { ensureIndicators, upsertMeasurements } from '../core/core.store.ts';
import { addCrosswalkRows } from '../crosswalk/crosswalk.store.ts';
import { summarizeFunction } from './page.service.ts';

const T = 'GM0542';
const W1 = 'WK054201';
const W2 = 'WK054202';

describe('monitor page summaries: the trend across a CBS code change', () => {
  const ctx = useTestDb();
  const db = () => ctx.database.db;
  const args = (code: string): AreaSummaryArgs => ({
    db: db(),
    tenantId: T,
    area: { code, level: 'district', name: code },
    areaCodes: [code],
    now: TEST_NOW,
  });

  before(async () => {
    await buildTenant(db());
    await ensureIndicators(db(), T, [
      { code: 'wm09_active', nameNl: 'Actief', nameEn: 'Active', unit: 'percent', direction: 'up', source: 'survey', theme: 'together' },
    ]);
    await addCrosswalkRows(db(), T, [
      { fromCode: 'WK054299', fromYear: 2014, toCode: W1, toYear: 2024, weight: 1, changeKind: 2 },
      { fromCode: 'WK054298', fromYear: 2014, toCode: W2, toYear: 2024, weight: 1, changeKind: 3 },
    ]);
    await upsertMeasurements(
      db(),
      T,
      [
        { indicatorCode: 'wm09_active', areaCode: 'WK054299', period: '2010', value: 10 },
        { indicatorCode: 'wm09_active', areaCode: 'WK054299', period: '2012', value: 12 },
        { indicatorCode: 'wm09_active', areaCode: W1, period: '2024', value: 16 },
        { indicatorCode: 'wm09_active', areaCode: 'WK054298', period: '2012', value: 50 },
        { indicatorCode: 'wm09_active', areaCode: W2, period: '2024', value: 30 },
      ],
      TEST_NOW,
    );
  });

  it('a code changed with the same borders: the older figures join the trend, and the page knows from which code', async () => {
    const s = (await summarizeFunction(args(W1), 'together')).indicators[0]!;
    assert.deepEqual(
      s.series.map((p) => [p.period, p.value]),
      [
        ['2010', 10],
        ['2012', 12],
        ['2024', 16],
      ],
    );
    assert.deepEqual(s.olderCodes, ['WK054299']);
    assert.equal(s.latest?.period, '2024');
  });

  it('a border change breaks the series: only the new division counts', async () => {
    const s = (await summarizeFunction(args(W2), 'together')).indicators[0]!;
    assert.deepEqual(
      s.series.map((p) => [p.period, p.value]),
      [['2024', 30]],
    );
    assert.equal(s.olderCodes, undefined);
  });
});
