import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { KRIMPEN, TEST_NOW } from '../../../../test/helpers/factories.ts';
import { liveAreas, lastQuarters } from '../../../platform/live-indicators.ts';
import { setCardStatus } from '../cards/cards.store.ts';
import { BUURT_1, BUURT_2, WIJK_1, WIJK_2, buildProgrammeFixture } from '../overview/overview.test-support.ts';
import { computeProjectIndicators, projectCounts, ranIn, startedIn, type CardSpan } from './indicators.ts';

const card = (over: Partial<CardSpan>): CardSpan => ({
  id: 'c',
  status: 'running',
  start: '2010-03-01',
  end: null,
  areaCodes: [],
  ...over,
});
const q = (period: string) => lastQuarters(new Date('2011-06-15T12:00:00Z')).find((x) => x.period === period)!;

describe('projects as live indicators (pure)', () => {
  it('a card runs in a quarter when it started before the quarter ended and did not end before it began', () => {
    assert.equal(ranIn(card({}), q('2010-Q1')), true, 'started in March');
    assert.equal(ranIn(card({}), q('2009-Q4')), false, 'not yet started');
    assert.equal(ranIn(card({}), q('2011-Q2')), true, 'running without an end runs on');
    assert.equal(ranIn(card({ end: '2010-06-30', status: 'ended' }), q('2010-Q2')), true);
    assert.equal(ranIn(card({ end: '2010-06-30', status: 'ended' }), q('2010-Q3')), false);
    assert.equal(ranIn(card({ end: null, status: 'ended' }), q('2010-Q2')), false, 'ended without a date: only its start quarter');
    assert.equal(ranIn(card({ status: 'planned' }), q('2010-Q2')), false, 'a plan has not run');
    assert.equal(ranIn(card({ status: 'idea' }), q('2010-Q2')), false);
    assert.equal(ranIn(card({ start: null }), q('2010-Q2')), false, 'no start day: not counted');
    assert.equal(startedIn(card({}), q('2010-Q1')), true);
    assert.equal(startedIn(card({}), q('2010-Q2')), false);
  });

  it('a wijk card counts for its buurten, a buurt card for its wijk, both once for the municipality', () => {
    const areas = liveAreas('GM0542', [
      { code: 'GM0542', level: 'municipality', parentCode: null },
      { code: 'WK01', level: 'district', parentCode: 'GM0542' },
      { code: 'WK02', level: 'district', parentCode: 'GM0542' },
      { code: 'BU0101', level: 'neighbourhood', parentCode: 'WK01' },
      { code: 'BU0102', level: 'neighbourhood', parentCode: 'WK01' },
      { code: 'BU0201', level: 'neighbourhood', parentCode: 'WK02' },
    ]);
    const counts = projectCounts(
      areas,
      [card({ id: 'a', areaCodes: ['WK01'] }), card({ id: 'b', areaCodes: ['BU0201', 'BU0101'] }), card({ id: 'x', areaCodes: ['WK99'] })],
      [q('2010-Q2')],
      ranIn,
    );
    const at = (code: string) => counts.get(`${code}|2010-Q2`) ?? 0;
    assert.deepEqual(
      ['GM0542', 'WK01', 'WK02', 'BU0101', 'BU0102', 'BU0201'].map(at),
      [3, 2, 1, 2, 1, 1],
      'a card naming an unknown area still counts once for the municipality, nowhere else',
    );
  });
});

describe('projects as live indicators (database)', () => {
  const ctx = useTestDb();

  it('counts running and started cards per area and quarter; cards of a draft programme never count', async () => {
    const db = ctx.database.db;
    const f = await buildProgrammeFixture(db);
    // Card 1: WIJK_1 from 2010-03-01 to 2011-12-31; card 2: BUURT_2 from 2011-01-01, open-ended; card 3 has no days; the draft's card names WIJK_1.
    const all = [f.cards.gap, f.cards.unknown, f.cards.noMoney, f.cards.draft];
    await Promise.all(all.map((id) => setCardStatus(db, KRIMPEN.id, id, 'running', TEST_NOW)));
    const rows = await computeProjectIndicators({ db, tenantId: KRIMPEN.id, now: new Date('2011-06-15T12:00:00Z') });
    const value = (code: string, area: string, period: string) =>
      rows.find((r) => r.indicatorCode === code && r.areaCode === area && r.period === period)?.value;
    assert.equal(value('prj_running', WIJK_1, '2009-Q4'), 0);
    assert.equal(value('prj_running', WIJK_1, '2010-Q1'), 1);
    assert.equal(value('prj_running', BUURT_1, '2010-Q2'), 1, 'a wijk card works in its buurt');
    assert.equal(value('prj_running', WIJK_1, '2011-Q1'), 1, 'the draft programme’s card is not counted');
    assert.equal(value('prj_running', BUURT_2, '2010-Q4'), 0);
    assert.equal(value('prj_running', BUURT_2, '2011-Q1'), 1);
    assert.equal(value('prj_running', WIJK_2, '2011-Q1'), 1, 'a buurt card counts for its wijk');
    assert.equal(value('prj_running', KRIMPEN.id, '2011-Q1'), 2);
    assert.equal(value('prj_started', WIJK_1, '2010-Q1'), 1);
    assert.equal(value('prj_started', WIJK_1, '2010-Q2'), 0);
    assert.equal(value('prj_started', KRIMPEN.id, '2011-Q1'), 1);
    assert.ok(rows.every((r) => r.status === 'ok' && Number.isInteger(r.value)));
  });
});
