/**
 * The signals' live indicators on the real database: a handful of hand-placed signals give
 * hand-computed figures per buurt, wijk, municipality and quarter; medians and shares below five
 * cases are suppressed; worries about neighbours (sensitive categories) never count.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { buildSignal, TEST_NOW } from '../../../../test/helpers/factories.ts';
import type { IndicatorMeasurement } from '../../../platform/module.ts';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { listAreas } from '../../areas/areas.service.ts';
import { GRONINGEN, GRONINGEN_POINT, setupTenant } from '../signals.test-support.ts';
import { systemPrincipal } from '../../../platform/principal.ts';
import { transitionSignal } from '../signals.service.ts';
import { computeSignalsIndicators, signalsIndicators } from './indicators.ts';

const DAY = 86_400_000;

/** One step of the workflow taken by the system, as a handler would (sets closed_at and the closing message). */
async function step(db: DbOrTrx, signalId: string, to: 'in_behandeling' | 'afgehandeld', now: Date): Promise<void> {
  await transitionSignal(db, {
    tenantId: GRONINGEN.id,
    signalId,
    actorUserId: null,
    locale: 'nl',
    links: { baseUrl: 'http://localhost:3000', tenantSlug: GRONINGEN.slug },
    principal: systemPrincipal(GRONINGEN.id, now),
    to,
    publicMessage: to === 'afgehandeld' ? 'Opgelost.' : 'We kijken ernaar.',
    now,
  });
}

describe('signals live indicators', () => {
  const ctx = useTestDb();
  const db = () => ctx.database.db;
  let wijkA = '';
  let a1 = '';
  let a2 = '';
  let wijkB = '';
  let b1 = '';
  let result: IndicatorMeasurement[] = [];

  const fig = (code: string, area: string, period: string) => {
    const found = result.filter((m) => m.indicatorCode === code && m.areaCode === area && m.period === period);
    assert.equal(found.length, 1, `${code} ${area} ${period}: one measurement`);
    return found[0]!;
  };
  const value = (code: string, area: string, period: string) => {
    const m = fig(code, area, period);
    return m.status === 'ok' ? m.value : m.status;
  };

  /** A signal reported at `at` in buurt/wijk, answered after `respondDays` and closed after `closeDays` (null: not). */
  async function place(
    at: Date,
    buurt: string,
    wijk: string,
    opts: { respondDays?: number; closeDays?: number; category?: string } = {},
  ): Promise<string> {
    const { signal } = await buildSignal(db(), {
      tenantId: GRONINGEN.id,
      tenantSlug: GRONINGEN.slug,
      ...GRONINGEN_POINT,
      now: at,
      category: { serviceCode: opts.category ?? 'verlichting' },
    });
    await db().updateTable('signals_signals').set({ buurt_code: buurt, wijk_code: wijk }).where('id', '=', signal.id).execute();
    if (opts.respondDays !== undefined) {
      await step(db(), signal.id, 'in_behandeling', new Date(at.getTime() + opts.respondDays * DAY));
    }
    if (opts.closeDays !== undefined) {
      await step(db(), signal.id, 'afgehandeld', new Date(at.getTime() + opts.closeDays * DAY));
    }
    return signal.id;
  }

  before(async () => {
    await setupTenant(db(), GRONINGEN);
    const areas = await listAreas(db(), GRONINGEN.id);
    const wijken = areas.filter((a) => a.level === 'district');
    const withTwo = wijken.find((w) => areas.filter((a) => a.parentCode === w.code).length >= 2)!;
    wijkA = withTwo.code;
    [a1, a2] = areas.filter((a) => a.parentCode === wijkA).map((a) => a.code) as [string, string];
    const other = wijken.find((w) => w.code !== wijkA && areas.some((a) => a.parentCode === w.code))!;
    wijkB = other.code;
    b1 = areas.find((a) => a.parentCode === wijkB)!.code;

    // Buurt A1, 2026-Q4: six signals answered after 1…6 days; five closed after 8…12 days.
    const q4 = new Date('2026-10-05T09:00:00Z');
    const a1Ids: string[] = [];
    for (let i = 1; i <= 6; i++) {
      a1Ids.push(await place(q4, a1!, wijkA, { respondDays: i, ...(i <= 5 ? { closeDays: 7 + i } : {}) }));
    }
    // One closing message did not go out: 4 of the 5 closed signals with contact details.
    await db().updateTable('signals_signals').set({ feedback_sent_at: null }).where('id', '=', a1Ids[0]!).execute();
    // Five answers to "satisfied?" in 2026-Q4, three yes.
    for (const [i, id] of a1Ids.slice(0, 5).entries()) {
      await db()
        .insertInto('signals_feedback')
        .values({
          tenant_id: GRONINGEN.id,
          signal_id: id,
          satisfied: i < 3,
          solved: null,
          reason: null,
          created_at: new Date('2026-11-01T12:00:00Z'),
        })
        .execute();
    }
    // Buurt A2, 2026-Q3: two signals, answered after 2 days, closed after 4 and 8 days.
    const q3 = new Date('2026-08-10T09:00:00Z');
    await place(q3, a2!, wijkA, { respondDays: 2, closeDays: 4 });
    await place(q3, a2!, wijkA, { respondDays: 2, closeDays: 8 });
    // Buurt B1: one in 2026-Q4 answered after 10 days; one in the oldest quarter (2025-Q1); one before the window.
    await place(new Date('2026-10-20T09:00:00Z'), b1, wijkB, { respondDays: 10 });
    await place(new Date('2025-01-15T09:00:00Z'), b1, wijkB);
    await place(new Date('2024-12-30T09:00:00Z'), b1, wijkB);
    // A worry about a neighbour in A1, answered and closed: never in public figures.
    await place(new Date('2026-10-06T09:00:00Z'), a1!, wijkA, { category: 'eenzaamheid', respondDays: 0.5, closeDays: 1 });

    result = await computeSignalsIndicators({ db: db(), tenantId: GRONINGEN.id, now: TEST_NOW });
  });

  it('defines the fixed codes as platform indicators with a small case threshold', () => {
    assert.deepEqual(
      signalsIndicators.definitions.map((d) => d.code),
      ['sig_received', 'sig_response_days', 'sig_closure_days', 'sig_fed_back', 'sig_satisfied'],
    );
    for (const d of signalsIndicators.definitions) {
      assert.equal(d.source, 'platform');
      assert.equal(d.minRespondents, 5);
      assert.ok(d.nameNl && d.nameEn && d.descriptionNl && d.descriptionEn);
    }
  });

  it('gives every indicator for every area in each of the last eight quarters', async () => {
    const areas = await listAreas(db(), GRONINGEN.id);
    const codes = new Set([GRONINGEN.id, ...areas.filter((a) => a.level !== 'municipality').map((a) => a.code)]);
    const periods = [...new Set(result.map((m) => m.period))].sort();
    assert.deepEqual(periods, ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    assert.equal(result.length, 5 * 8 * codes.size);
    assert.deepEqual(new Set(result.map((m) => m.areaCode)), codes);
  });

  it('counts received signals per buurt, wijk and municipality per quarter (zero where none; sensitive ones left out)', () => {
    assert.equal(value('sig_received', a1!, '2026-Q4'), 6);
    assert.equal(value('sig_received', a2!, '2026-Q3'), 2);
    assert.equal(value('sig_received', a2!, '2026-Q4'), 0);
    assert.equal(value('sig_received', wijkA, '2026-Q4'), 6);
    assert.equal(value('sig_received', wijkA, '2026-Q3'), 2);
    assert.equal(value('sig_received', wijkB, '2026-Q4'), 1);
    assert.equal(value('sig_received', GRONINGEN.id, '2026-Q4'), 7);
    assert.equal(value('sig_received', GRONINGEN.id, '2026-Q3'), 2);
    assert.equal(value('sig_received', GRONINGEN.id, '2025-Q1'), 1);
    assert.equal(value('sig_received', GRONINGEN.id, '2025-Q2'), 0);
    assert.equal(
      result.some((m) => m.period === '2024-Q4'),
      false,
    );
  });

  it('gives median days to first response and to closing, each area computed on its own', () => {
    // A1: 1…6 days → 3.5; the municipality adds B1's 10 days: 1,2,3,4,5,6,10 → 4 (not a mean of medians).
    assert.equal(value('sig_response_days', a1!, '2026-Q4'), 3.5);
    assert.equal(value('sig_response_days', wijkA, '2026-Q4'), 3.5);
    assert.equal(value('sig_response_days', GRONINGEN.id, '2026-Q4'), 4);
    // Closed in 2026-Q4: 8…12 days → 10.
    assert.equal(value('sig_closure_days', a1!, '2026-Q4'), 10);
    assert.equal(value('sig_closure_days', GRONINGEN.id, '2026-Q4'), 10);
    assert.equal(fig('sig_closure_days', a1!, '2026-Q4').respondents, 5);
  });

  it('suppresses medians and shares below five cases, also where there are none', () => {
    // A2 and wijk A in 2026-Q3: two cases.
    for (const area of [a2!, wijkA, GRONINGEN.id]) {
      const m = fig('sig_closure_days', area, '2026-Q3');
      assert.deepEqual([m.status, m.value, m.respondents], ['suppressed', null, 2]);
      assert.equal(fig('sig_response_days', area, '2026-Q3').status, 'suppressed');
    }
    // B1: one response in 2026-Q4.
    assert.deepEqual(
      [fig('sig_response_days', b1, '2026-Q4').status, fig('sig_response_days', b1, '2026-Q4').respondents],
      ['suppressed', 1],
    );
    assert.deepEqual(
      [fig('sig_satisfied', wijkB, '2026-Q2').status, fig('sig_satisfied', wijkB, '2026-Q2').respondents],
      ['suppressed', 0],
    );
  });

  it('gives the share fed back among closed signals with contact details, and the share satisfied', () => {
    assert.equal(value('sig_fed_back', a1!, '2026-Q4'), 80);
    assert.equal(fig('sig_fed_back', a1!, '2026-Q4').respondents, 5);
    assert.equal(value('sig_fed_back', GRONINGEN.id, '2026-Q4'), 80);
    assert.equal(value('sig_satisfied', a1!, '2026-Q4'), 60);
    assert.equal(value('sig_satisfied', wijkA, '2026-Q4'), 60);
  });
});
