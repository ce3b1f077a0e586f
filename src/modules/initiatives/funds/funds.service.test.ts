/**
 * Funds (issue 15): Zwolle's budget model (seed 001 l.199: € 240.000 = € 100.000 for one wijk +
 * € 100.000 for two buurten together + € 40.000 social projects; € 5 per corporation home) is
 * accepted; budgets that do not add up are refused with nothing written; only a coordinator keeps
 * funds; the public page shows budget left; another municipality sees nothing.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { principalOf, systemPrincipal } from '../../../platform/principal.ts';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { GRONINGEN, TEST_NOW } from '../../../../test/helpers/factories.ts';
import { buildArea } from '../../../../test/helpers/factories.ts';
import { BUURT_A, BUURT_B, T, WIJK, setupAreas } from '../apply/apply.test-support.ts';
import * as facade from '../initiatives.service.ts';
import { addCofunding, addRound, createFund, RESERVED_FUND_SLUGS, setBudgets } from './funds.service.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../platform/paths.ts';
import { fundPage, fundsOverview } from './funds.pages.ts';
import { checkBudgetYear, checkCofunding, formatEuros, parseEuros } from './funds.money.ts';

const WIJK2 = 'WK054202';
const BUURT_C = 'BU05420201';
const BUURT_D = 'BU05420202';

describe('initiatives: fund money arithmetic', () => {
  it('parses and formats Dutch euro amounts in whole cents', () => {
    assert.equal(parseEuros('€ 100.000'), 10_000_000);
    assert.equal(parseEuros('1.234,5'), 123_450);
    assert.equal(parseEuros('12,50'), 1_250);
    assert.equal(parseEuros('12,505'), null);
    assert.equal(parseEuros('-5'), null);
    assert.equal(parseEuros('1.23'), null);
    assert.equal(formatEuros(24_000_000), '€ 240.000');
    assert.equal(formatEuros(1_250), '€ 12,50');
  });
  it('refuses a total that differs, overlaps, negative and non-integer cents; accepts Zwolle', () => {
    const parents = new Map([
      [BUURT_A, WIJK],
      [BUURT_B, WIJK],
    ]);
    const line = (label: string, areaCodes: string[], amountCents: number) => ({ label, areaCodes, amountCents });
    assert.deepEqual(checkBudgetYear({ totalCents: 300, lines: [line('a', [WIJK], 100), line('b', [], 200)] }, parents), {});
    assert.deepEqual(checkBudgetYear({ totalCents: 301, lines: [line('a', [WIJK], 100), line('b', [], 200)] }, parents), {
      total: 'initiatives.funds.error.totalMismatch',
    });
    assert.deepEqual(checkBudgetYear({ totalCents: null, lines: [line('a', [WIJK], 100), line('b', [BUURT_A], 1)] }, parents), {
      'lines.1.areas': 'initiatives.funds.error.overlap',
    });
    assert.deepEqual(checkBudgetYear({ totalCents: null, lines: [line('a', [BUURT_B], 100), line('b', [WIJK], 1)] }, parents), {
      'lines.1.areas': 'initiatives.funds.error.overlap',
    });
    assert.deepEqual(checkBudgetYear({ totalCents: null, lines: [line('a', [], 100), line('b', [], 1)] }, parents), {
      'lines.1.areas': 'initiatives.funds.error.overlap',
    });
    assert.deepEqual(checkBudgetYear({ totalCents: null, lines: [line('a', [WIJK], -1)] }, parents), {
      'lines.0.amount': 'initiatives.funds.error.cents',
    });
    assert.deepEqual(checkBudgetYear({ totalCents: 1.5, lines: [line('a', [WIJK], 1.5)] }, parents), {
      'lines.0.amount': 'initiatives.funds.error.cents',
      total: 'initiatives.funds.error.cents',
    });
    assert.deepEqual(checkCofunding({ perUnitCents: 500, units: 1200, amountCents: 600_000 }), {});
    assert.deepEqual(checkCofunding({ perUnitCents: 500, units: 1200, amountCents: 600_001 }), {
      amount: 'initiatives.funds.error.cofundingMismatch',
    });
    assert.deepEqual(checkCofunding({ perUnitCents: 500, units: null, amountCents: 600_000 }), {
      units: 'initiatives.funds.error.perUnitPair',
    });
  });
});

describe('initiatives: funds service', () => {
  const ctx = useTestDb();
  const s = {} as { fundId: string };
  const sys = () => systemPrincipal(T.id, TEST_NOW);
  const budgetCount = async () => (await ctx.database.db.selectFrom('initiative_budgets').select('id').execute()).length;

  before(async () => {
    const db = ctx.database.db;
    await setupAreas(db, TEST_NOW);
    await buildArea(db, { tenantId: T.id, level: 'district', code: WIJK2, name: 'Oost', bbox: [4.62, 51.9, 4.66, 51.93] });
    await buildArea(db, { tenantId: T.id, level: 'neighbourhood', code: BUURT_C, name: 'Kortland', bbox: [4.62, 51.9, 4.64, 51.93] });
    await buildArea(db, { tenantId: T.id, level: 'neighbourhood', code: BUURT_D, name: 'Boveneind', bbox: [4.64, 51.9, 4.66, 51.93] });
    s.fundId = (await createFund(db, sys(), T.id, { slug: 'wijkbudgetten', nameNl: 'Wijkbudgetten (Zwolle-model)', isDemo: true })).id;
  });

  it('accepts the Zwolle model on demo areas and co-funding of € 5 per corporation home', async () => {
    await setBudgets(ctx.database.db, sys(), T.id, s.fundId, {
      year: 2026,
      totalCents: 24_000_000,
      lines: [
        { label: 'Wijk Centrum', areaCodes: [WIJK], amountCents: 10_000_000 },
        { label: 'Twee buurten samen', areaCodes: [BUURT_C, BUURT_D], amountCents: 10_000_000 },
        { label: 'Sociale projecten', areaCodes: [], amountCents: 4_000_000 },
      ],
    });
    await addCofunding(ctx.database.db, sys(), T.id, s.fundId, {
      year: 2026,
      sourceName: 'Woningcorporatie',
      perUnitCents: 500,
      units: 1_000,
      amountCents: 500_000,
      areaCodes: [BUURT_C, BUURT_D],
    });
    const left = (await facade.fundBudgetLeft(ctx.database.db, T.id, s.fundId, 2026, BUURT_D))!;
    assert.deepEqual([left.label, left.totalCents, left.leftCents], ['Twee buurten samen', 10_500_000, 10_500_000]);
    assert.equal((await facade.fundBudgetLeft(ctx.database.db, T.id, s.fundId, 2026, BUURT_A))!.totalCents, 10_000_000);
    await addRound(ctx.database.db, sys(), T.id, s.fundId, { nameNl: 'Doorlopend', kind: 'rolling', opensOn: '2026-01-01' });
    const page = await fundPage(ctx.database.db, sys(), T.id, 'wijkbudgetten');
    assert.equal(page.budgets.length, 3);
    assert.equal(page.rounds[0]!.open, true);
    assert.deepEqual(
      page.cofunding.map((c) => c.amountCents),
      [500_000],
    );
  });

  it('refuses budgets that do not add up, with nothing written', async () => {
    const before = await budgetCount();
    const bad = [
      { totalCents: 24_000_001, lines: [{ label: 'a', areaCodes: [WIJK], amountCents: 24_000_000 }] },
      {
        totalCents: null,
        lines: [
          { label: 'a', areaCodes: [WIJK], amountCents: 1 },
          { label: 'b', areaCodes: [BUURT_A], amountCents: 1 },
        ],
      },
      { totalCents: null, lines: [{ label: 'a', areaCodes: [WIJK], amountCents: -100 }] },
      { totalCents: null, lines: [{ label: 'a', areaCodes: [WIJK], amountCents: 10.5 }] },
      { totalCents: null, lines: [{ label: 'a', areaCodes: ['BU00140101'], amountCents: 100 }] },
    ];
    for (const b of bad) {
      await assert.rejects(setBudgets(ctx.database.db, sys(), T.id, s.fundId, { year: 2026, ...b }), { status: 422 });
    }
    await assert.rejects(
      addCofunding(ctx.database.db, sys(), T.id, s.fundId, {
        year: 2026,
        sourceName: 'X',
        perUnitCents: 500,
        units: 10,
        amountCents: 5_001,
        areaCodes: [],
      }),
      { status: 422 },
    );
    assert.equal(await budgetCount(), before);
    assert.equal((await facade.fundBudgetLeft(ctx.database.db, T.id, s.fundId, 2026, BUURT_D))!.totalCents, 10_500_000);
  });

  it('only a coordinator keeps funds; a resident is refused', async () => {
    const resident = principalOf(
      {
        id: '00000000-0000-4000-8000-000000000001',
        mfaVerified: false,
        memberships: [{ tenantId: T.id, organisationId: null, role: 'resident' }],
      },
      T.id,
      TEST_NOW,
    );
    await assert.rejects(createFund(ctx.database.db, resident, T.id, { slug: 'x', nameNl: 'X' }), { status: 403 });
    await assert.rejects(setBudgets(ctx.database.db, resident, T.id, s.fundId, { year: 2026, totalCents: null, lines: [] }), {
      status: 403,
    });
  });

  it('refuses a short name that is a fixed page of samen-doen; every fixed page name is on the list', async () => {
    const sys = systemPrincipal(T.id, TEST_NOW);
    const before = (await facade.listFunds(ctx.database.db, T.id)).length;
    for (const slug of RESERVED_FUND_SLUGS) {
      await assert.rejects(createFund(ctx.database.db, sys, T.id, { slug, nameNl: 'Botst' }), (e: unknown) => {
        assert.deepEqual((e as { fields: Record<string, string> }).fields, { slug: 'initiatives.funds.error.slugReserved' });
        return true;
      });
    }
    assert.equal((await facade.listFunds(ctx.database.db, T.id)).length, before);
    // The routes' fixed first segments after /samen-doen/ (anything but `:fund`) must all be reserved.
    const dir = join(PROJECT_ROOT, 'src/modules/initiatives');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.routes.tsx'));
    const fixed = new Set(
      files.flatMap((f) =>
        [...readFileSync(join(dir, f), 'utf8').matchAll(/'\/:tenant\/samen-doen\/([a-z][a-z0-9-]*)/g)].map((m) => m[1]!),
      ),
    );
    assert.ok(fixed.size >= 6, [...fixed].join());
    assert.deepEqual(
      [...fixed].filter((x) => !RESERVED_FUND_SLUGS.has(x)),
      [],
    );
  });

  it('isolation: another municipality does not see or change this fund', async () => {
    const other = systemPrincipal(GRONINGEN.id, TEST_NOW);
    assert.deepEqual(await fundsOverview(ctx.database.db, other, GRONINGEN.id), []);
    await assert.rejects(fundPage(ctx.database.db, other, GRONINGEN.id, 'wijkbudgetten'), { status: 404 });
    await assert.rejects(
      setBudgets(ctx.database.db, other, GRONINGEN.id, s.fundId, {
        year: 2026,
        totalCents: null,
        lines: [{ label: 'a', areaCodes: [], amountCents: 1 }],
      }),
      {
        status: 404,
      },
    );
    await assert.rejects(
      setBudgets(ctx.database.db, other, T.id, s.fundId, {
        year: 2026,
        totalCents: null,
        lines: [{ label: 'a', areaCodes: [], amountCents: 1 }],
      }),
      {
        status: 403,
      },
    );
  });
});
